using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentAssertions;

namespace HyperVSim.Cli.Tests;

/// <summary>`hypervsim compare` through the command line: tolerances, missing and new records, malformed files, JUnit and Markdown.</summary>
public sealed partial class CompareCommandTests
{
    private static (string Baseline, string Dir) Baseline()
    {
        string dir = Cli.TempDir();
        string baseline = Path.Combine(dir, "baseline.json");
        Cli.Run("run", Cli.Scenario("quickstart.yaml"), "--quiet", "--json", baseline).Exit.Should().Be(0);
        return (baseline, dir);
    }

    /// <summary>The baseline with the first migration's totalSeconds scaled.</summary>
    private static string Slower(string baseline, string dir, double factor)
    {
        string text = File.ReadAllText(baseline);
        Match m = TotalSeconds().Match(text);
        double total = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        string path = Path.Combine(dir, "current.json");
        File.WriteAllText(path, text[..m.Groups[1].Index] + (total * factor).ToString("R", CultureInfo.InvariantCulture) + text[(m.Groups[1].Index + m.Groups[1].Length)..]);
        return path;
    }

    [GeneratedRegex("\"totalSeconds\": ([0-9.]+)")]
    private static partial Regex TotalSeconds();

    [Fact]
    public void A_3_percent_slowdown_fails_at_2_percent_tolerance_and_passes_at_5()
    {
        var (baseline, dir) = Baseline();
        string current = Slower(baseline, dir, 1.03);

        var fail = Cli.Run("compare", baseline, current, "--tolerance", "2%");
        fail.Exit.Should().Be(1);
        fail.Out.Should().Contain("REGRESSED").And.Contain("totalSeconds").And.Contain("+3%");

        var pass = Cli.Run("compare", baseline, current, "--tolerance", "5%");
        pass.Exit.Should().Be(0, pass.Out);
        pass.Out.Should().Contain("within");
    }

    [Fact]
    public void A_per_metric_tolerance_overrides_the_global_one()
    {
        var (baseline, dir) = Baseline();
        string current = Slower(baseline, dir, 1.03);
        Cli.Run("compare", baseline, current, "--tolerance", "1%", "--metric", "totalSeconds=5%").Exit.Should().Be(0);
    }

    [Fact]
    public void An_absolute_floor_hides_a_change_smaller_than_it()
    {
        var (baseline, dir) = Baseline();
        string current = Slower(baseline, dir, 1.03);
        Cli.Run("compare", baseline, current, "--tolerance", "1%").Exit.Should().Be(1);
        Cli.Run("compare", baseline, current, "--tolerance", "1%", "--floor", "totalSeconds=1").Exit.Should().Be(0, "a 3% change of about 9 s is under 1 s");
        Cli.Run("compare", baseline, current, "--floor", "totalSeconds=lots").Exit.Should().Be(2);
    }

    [Fact]
    public void Identical_reports_pass()
    {
        var (baseline, _) = Baseline();
        var (exit, output, _) = Cli.Run("compare", baseline, baseline);
        exit.Should().Be(0);
        output.Should().Contain("No change");
    }

    [Fact]
    public void A_missing_or_new_record_is_reported_and_fails()
    {
        var (baseline, dir) = Baseline();
        string renamed = Path.Combine(dir, "renamed.json");
        File.WriteAllText(renamed, File.ReadAllText(baseline).Replace("\"vm\": \"web\"", "\"vm\": \"web2\"", StringComparison.Ordinal));

        var (exit, output, _) = Cli.Run("compare", baseline, renamed);
        exit.Should().Be(1);
        output.Should().Contain("MISSING").And.Contain("migration web requested at 10s (live)");
        output.Should().Contain("NEW").And.Contain("migration web2 requested at 10s (live)");
    }

    [Theory]
    [InlineData("{ \"schema\": \"hypervsim.report/v1\", \"migrations\": [ 1, }", 1)]
    [InlineData("not json at all", 1)]
    [InlineData("{ \"schema\": \"something/else\" }", 1)]
    public void A_malformed_report_exits_2_naming_the_file(string content, int line)
    {
        var (baseline, dir) = Baseline();
        string bad = Path.Combine(dir, "bad.json");
        File.WriteAllText(bad, content);
        var (exit, _, error) = Cli.Run("compare", baseline, bad);
        exit.Should().Be(2);
        error.Should().Contain($"{bad}:{line}:");
    }

    [Fact]
    public void A_bad_tolerance_exits_2()
    {
        var (baseline, _) = Baseline();
        Cli.Run("compare", baseline, baseline, "--tolerance", "lots").Exit.Should().Be(2);
        Cli.Run("compare", baseline, baseline, "--metric", "speed=5%").Exit.Should().Be(2);
    }

    [Fact]
    public void JUnit_and_markdown_outputs_name_the_regression()
    {
        var (baseline, dir) = Baseline();
        string current = Slower(baseline, dir, 1.10);
        string junit = Path.Combine(dir, "junit.xml"), md = Path.Combine(dir, "compare.md");
        Cli.Run("compare", baseline, current, "--junit", junit, "--markdown", md).Exit.Should().Be(1);

        XDocument doc = XDocument.Load(junit);
        doc.Descendants("testcase").Should().NotBeEmpty();
        doc.Descendants("failure").Should().ContainSingle().Which.Attribute("message")!.Value.Should().Contain("totalSeconds");
        File.ReadAllText(md).Should().Contain("regression").And.Contain("| REGRESSED |");
    }

    [Fact]
    public void Folders_of_reports_are_paired_by_file_name()
    {
        var (baseline, dir) = Baseline();
        string a = Path.Combine(dir, "a"), b = Path.Combine(dir, "b");
        Directory.CreateDirectory(a);
        Directory.CreateDirectory(b);
        File.Copy(baseline, Path.Combine(a, "quickstart.json"));
        File.Copy(baseline, Path.Combine(b, "quickstart.json"));
        Cli.Run("compare", a, b).Exit.Should().Be(0);

        File.Copy(baseline, Path.Combine(b, "extra.json"));
        var (exit, output, _) = Cli.Run("compare", a, b);
        exit.Should().Be(1);
        output.Should().Contain("NEW").And.Contain("extra");
    }

    [Fact]
    public void Baseline_update_writes_one_report_per_scenario()
    {
        string dir = Cli.TempDir();
        File.Copy(Cli.Scenario("quickstart.yaml"), Path.Combine(dir, "quickstart.yaml"));
        var (exit, output, error) = Cli.Run("baseline", "update", dir);
        exit.Should().Be(0, error);
        output.Should().Contain("quickstart.json");
        File.ReadAllText(Path.Combine(dir, "baselines", "quickstart.json")).Should().Contain("hypervsim.report/v1");
    }
}
