using FluentAssertions;
using Xunit;

namespace HyperVSim.Cli.Tests;

/// <summary>`hypervsim plan patch-night` end to end: the report, the HTML page written atomically, bad options refused with exit 2.</summary>
public sealed class PlanCommandTests
{
    private static readonly string Scenario = Cli.Scenario("patch-night-4-nodes.yaml");

    [Fact]
    public void The_shipped_4_node_plan_prints_total_gantt_slowest_node_downtime_and_time_outs_and_writes_the_page()
    {
        string dir = Cli.TempDir();
        string html = Path.Combine(dir, "plan.html");

        var (exit, output, error) = Cli.Run("plan", "patch-night", Scenario, "--html", html, "--replications", "4", "--threads", "2");

        error.Should().BeEmpty();
        exit.Should().Be(0);
        output.Should().StartWith("Patch night of patch-night-4-nodes: 4 nodes one at a time, order hv1, hv2, hv3, hv4; install 20m 00s, reboot 5m 00s, failback immediate\nTotal: ");
        output.Should().Contain("Gantt: one column = ").And.Contain("  hv4 |").And.Contain("Slowest node: hv4")
            .And.Contain("All 14 VMs that ran at the start run at the end.").And.Contain("Suggested CAU time-outs, from 4 runs")
            .And.Contain("Invoke-CauRun ... -WarnAfter ");
        string page = File.ReadAllText(html);
        page.Should().StartWith("<!DOCTYPE html>").And.Contain("<svg").And.Contain("Slowest node").And.EndWith("</html>\n");
        System.Xml.Linq.XDocument.Parse(page.Replace("<!DOCTYPE html>", string.Empty, StringComparison.Ordinal)).Root!.Name.LocalName.Should().Be("html");
        Directory.GetFiles(dir).Should().Equal(html);
    }

    [Fact]
    public void The_same_plan_prints_the_same_bytes_whatever_the_thread_count()
    {
        var one = Cli.Run("plan", "patch-night", Scenario, "--replications", "3", "--threads", "1");
        var two = Cli.Run("plan", "patch-night", Scenario, "--replications", "3", "--threads", "2");

        two.Should().Be(one);
    }

    [Theory]
    [InlineData("--max-parallel", "4", "--max-parallel must be from 1 to 3")]
    [InlineData("--order", "hv1,hv2,hv5,hv4", "--order must name every host once (unknown hv5; missing hv3)")]
    [InlineData("--install", "soon", "--install 'soon' and --reboot '5m' need durations")]
    [InlineData("--failback", "later", "--failback 'later' must be none or immediate")]
    [InlineData("--install-spread", "2", "--install-spread a fraction from 0 to 1")]
    public void Bad_options_exit_2_and_name_the_fix(string option, string value, string message)
    {
        var (exit, output, error) = Cli.Run("plan", "patch-night", Scenario, option, value);

        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Contain(message);
    }

    [Fact]
    public void The_page_never_overwrites_the_scenario()
    {
        string before = File.ReadAllText(Scenario);

        var (exit, _, error) = Cli.Run("plan", "patch-night", Scenario, "--html", Scenario, "--replications", "0");

        exit.Should().Be(2);
        error.Should().NotBeEmpty();
        File.ReadAllText(Scenario).Should().Be(before);
    }
}
