using System.Globalization;
using System.Text;
using FluentAssertions;

namespace HyperVSim.Cli.Tests;

/// <summary>`compare` is strict about what it reads, and --only-regressions keeps a pull-request comment under GitHub's 65,536 characters.</summary>
public sealed class CompareStrictnessTests
{
    /// <summary>A report with <paramref name="count"/> migrations whose totalSeconds is <paramref name="total"/>(i) and cpuSeconds <paramref name="cpu"/>.</summary>
    private static string Report(int count, Func<int, double> total, double cpu = 10)
    {
        var json = new StringBuilder("{ \"schema\": \"hypervsim.report/v1\", \"scenario\": \"big\", \"migrations\": [\n");
        for (int i = 0; i < count; i++)
        {
            json.Append(CultureInfo.InvariantCulture, $$"""
                { "vm": "vm{{i:D3}}", "kind": "live", "requestedAt": {{i}}, "result": "completed", "totalSeconds": {{total(i).ToString("R", CultureInfo.InvariantCulture)}}, "queuedSeconds": 0, "blackoutSeconds": 0.1, "rounds": 2, "bytesOnWire": 1000000000, "cpuSeconds": {{cpu.ToString("R", CultureInfo.InvariantCulture)}} }{{(i + 1 < count ? "," : "")}}

                """);
        }

        return json.Append("], \"drains\": [], \"vms\": [] }\n").ToString();
    }

    private static (string Baseline, string Current, string Dir) Pair(int count, Func<int, double> current, double currentCpu = 10)
    {
        string dir = Cli.TempDir();
        string baseline = Path.Combine(dir, "baseline.json"), now = Path.Combine(dir, "current.json");
        File.WriteAllText(baseline, Report(count, _ => 100));
        File.WriteAllText(now, Report(count, current, currentCpu));
        return (baseline, now, dir);
    }

    [Theory]
    [InlineData("--tolerance", "2", "did you mean --tolerance 2%?")]
    [InlineData("--metric", "totalSeconds=2", "did you mean --metric totalSeconds=2%?")]
    public void A_bare_tolerance_above_1_exits_2_asking_whether_a_percentage_was_meant(string option, string value, string suggestion)
    {
        var (baseline, current, _) = Pair(1, _ => 250);
        var (exit, output, error) = Cli.Run("compare", baseline, current, option, value);
        exit.Should().Be(2, "2 without % used to mean 200% and let this 150% slowdown pass");
        output.Should().BeEmpty();
        error.Should().StartWith("error: '2' is more than 1").And.EndWith(suggestion + Environment.NewLine);
    }

    [Theory]
    [InlineData("\"abc\"", "must be a number, not the string \"abc\"")]
    [InlineData("-5", "-5 is negative")]
    public void A_report_with_an_unusable_timing_exits_2_naming_the_file_and_the_field(string total, string problem)
    {
        var (baseline, _, dir) = Pair(4, _ => 100);
        string bad = Path.Combine(dir, "bad.json");
        File.WriteAllText(bad, Report(4, i => i == 3 ? 7 : 100).Replace("\"totalSeconds\": 7,", $"\"totalSeconds\": {total},", StringComparison.Ordinal));

        var (exit, output, error) = Cli.Run("compare", baseline, bad);

        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().StartWith($"{bad}: migrations[3].totalSeconds: {problem}");
    }

    [Fact]
    public void Two_folders_without_any_report_exit_2_instead_of_passing()
    {
        string a = Cli.TempDir(), b = Cli.TempDir();
        var (exit, output, error) = Cli.Run("compare", a, b);
        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().StartWith($"error: no *.json reports in '{a}' or '{b}'; there is nothing to compare.");
    }

    [Fact]
    public void Only_regressions_keeps_the_markdown_of_500_migrations_under_65536_characters_and_lists_every_regression()
    {
        // Every migration's time and CPU move within tolerance (+0.5%), except every 50th's time, which regresses by 10%.
        var (baseline, current, dir) = Pair(500, i => i % 50 == 0 ? 110 : 100.5, currentCpu: 10.05);
        string full = Path.Combine(dir, "full.md"), only = Path.Combine(dir, "only.md");

        Cli.Run("compare", baseline, current, "--markdown", full).Exit.Should().Be(1);
        var (exit, output, _) = Cli.Run("compare", baseline, current, "--markdown", only, "--only-regressions");

        exit.Should().Be(1);
        File.ReadAllText(full).Should().Contain("more rows not shown", "without --only-regressions the 990 rows within tolerance are listed too, past what a comment holds");
        string md = File.ReadAllText(only);
        md.Length.Should().BeLessThan(65_536);
        md.Split('\n').Count(l => l.StartsWith("| REGRESSED |", StringComparison.Ordinal)).Should().Be(10);
        md.Should().Contain("| REGRESSED | big | migration vm050 requested at 50s (live) | totalSeconds | 100 | 110 | +10% | 1% |");
        md.Should().NotContain("| within |").And.Contain("Not shown (--only-regressions): 990 metric(s) within tolerance, 0 improved, 2000 unchanged.");
        output.Should().NotContain("within  ").And.Contain("Not shown (--only-regressions): 990 metric(s) within tolerance");
        output.Split('\n').Count(l => l.Contains("REGRESSED", StringComparison.Ordinal)).Should().Be(10);
    }

    [Fact]
    public void Markdown_longer_than_a_comment_allows_is_cut_at_a_row_with_a_count_of_the_rest()
    {
        var (baseline, current, dir) = Pair(2000, _ => 150);
        string md = Path.Combine(dir, "only.md");

        Cli.Run("compare", baseline, current, "--markdown", md, "--only-regressions").Exit.Should().Be(1);

        string text = File.ReadAllText(md);
        text.Length.Should().BeLessThan(65_536);
        string[] lines = text.Split('\n');
        int rows = lines.Count(l => l.StartsWith("| REGRESSED |", StringComparison.Ordinal));
        rows.Should().BeGreaterThan(100);
        lines.Where(l => l.StartsWith('|')).Should().OnlyContain(l => l.EndsWith(" |", StringComparison.Ordinal), "the cut falls between rows");
        text.Should().Contain($"{2000 - rows} more rows not shown");
    }
}
