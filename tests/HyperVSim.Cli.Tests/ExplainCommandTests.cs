using System.Text.Json.Nodes;
using FluentAssertions;
using HyperVSim.Reports.Json;
using HyperVSim.Reports.Tests.Formats;

namespace HyperVSim.Cli.Tests;

/// <summary><c>hypervsim explain REPORT --vm NAME</c> end to end: the story on standard output, refusals with exit 2.</summary>
public sealed class ExplainCommandTests
{
    private static string WriteReport(Action<JsonNode>? change = null)
    {
        string path = Path.Combine(Cli.TempDir(), "report.json");
        JsonNode json = JsonNode.Parse(JsonReport.ToJson(FailoverRun.Result))!;
        change?.Invoke(json);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    [Fact]
    public void Explain_prints_the_vms_story_in_time_order_and_a_summary()
    {
        var (exit, output, error) = Cli.Run("explain", WriteReport(), "--vm", "web1");

        exit.Should().Be(0, error);
        string[] lines = output.TrimEnd('\n').Split('\n');
        lines.Should().Equal(FailoverRun.Web1Story);
    }

    [Fact]
    public void An_unknown_vm_is_refused_with_exit_2_and_a_suggestion()
    {
        var (exit, output, error) = Cli.Run("explain", WriteReport(), "--vm", "sq11");

        exit.Should().Be(ExitCodes.InvalidInput);
        output.Should().BeEmpty();
        error.Should().Contain("has no VM 'sq11'; did you mean 'sql1'?");
    }

    [Fact]
    public void A_name_far_from_every_vm_lists_the_vms()
    {
        var (exit, _, error) = Cli.Run("explain", WriteReport(), "--vm", "exchange");

        exit.Should().Be(ExitCodes.InvalidInput);
        error.Should().Contain("its VMs are web1, web2, app1, sql1");
    }

    [Fact]
    public void A_malformed_report_is_refused_with_the_json_path()
    {
        string path = WriteReport(r => r["vms"]![2]!["timeline"]![1]!["at"] = "later");

        var (exit, _, error) = Cli.Run("explain", path, "--vm", "app1");

        exit.Should().Be(ExitCodes.InvalidInput);
        error.Should().Contain("vms[2].timeline[1].at: must be a number");
    }

    [Fact]
    public void A_report_from_before_failover_clustering_is_refused_naming_the_missing_field()
    {
        string path = WriteReport(r => r["vms"]![0]!.AsObject().Remove("availability"));

        var (exit, _, error) = Cli.Run("explain", path, "--vm", "web1");

        exit.Should().Be(ExitCodes.InvalidInput);
        error.Should().Contain("vms[0].availability: missing");
    }

    [Fact]
    public void A_missing_or_unparsable_file_is_refused()
    {
        string dir = Cli.TempDir();
        File.WriteAllText(Path.Combine(dir, "bad.json"), "{ \"schema\": ");

        Cli.Run("explain", Path.Combine(dir, "none.json"), "--vm", "a").Exit.Should().Be(ExitCodes.InvalidInput);
        var (exit, _, error) = Cli.Run("explain", Path.Combine(dir, "bad.json"), "--vm", "a");
        exit.Should().Be(ExitCodes.InvalidInput);
        error.Should().Contain("bad.json:1:").And.Contain("not valid JSON");
    }
}
