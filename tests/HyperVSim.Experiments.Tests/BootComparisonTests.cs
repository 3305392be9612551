using FluentAssertions;
using HyperVSim.Experiments.Comparison;

namespace HyperVSim.Experiments.Tests;

/// <summary>compare on boot runs: each boot's wait and boot time and each generation's storm timings are timings; a boot that no longer runs fails.</summary>
public sealed class BootComparisonTests
{
    private static string Boot(string vm, string bootSeconds, string result = "running") => $$"""
        { "vm": "{{vm}}", "generation": 2, "requestedAt": 10, "startedAt": 10, "waitSeconds": 0, "bootSeconds": {{bootSeconds}}, "result": "{{result}}", "phases": [] }
        """;

    private static string Report(double storm, params string[] boots) => $$"""
        {
          "schema": "hypervsim.report/v1", "scenario": "s", "seed": 1, "simulatedSeconds": 300,
          "migrations": [], "drains": [], "vms": [],
          "boots": [ {{string.Join(", ", boots)}} ],
          "bootStorms": [ { "generation": 2, "boots": {{boots.Length}}, "running": {{boots.Length}}, "stormSeconds": {{storm}}, "meanBootSeconds": 22.5, "maxBootSeconds": 22.5, "meanWaitSeconds": 0 } ]
        }
        """;

    private static ComparisonResult Compare(string baseline, string current) =>
        BaselineComparer.Compare(ReportParser.Parse(baseline, "b.json"), ReportParser.Parse(current, "c.json"), new Tolerances { Global = 0.02 });

    [Fact]
    public void Identical_boot_reports_pass()
    {
        string r = Report(22.5, Boot("web1", "22.5"), Boot("web1", "23"));

        ComparisonResult result = Compare(r, r);

        result.HasRegression.Should().BeFalse();
        result.Rows.Should().Contain(x => x.Kind == "boot" && x.Identity == "web1 #2" && x.Metric == "bootSeconds" && x.Verdict == Verdict.Unchanged);
        result.Rows.Should().Contain(x => x.Kind == "storm" && x.Identity == "generation 2" && x.Metric == "stormSeconds");
    }

    [Fact]
    public void A_slower_boot_and_a_longer_storm_are_regressions()
    {
        ComparisonResult r = Compare(Report(22.5, Boot("web1", "22.5")), Report(30, Boot("web1", "30")));

        r.HasRegression.Should().BeTrue();
        r.Rows.Where(x => x.Fails).Select(x => (x.Kind, x.Metric)).Should().BeEquivalentTo([("boot", "bootSeconds"), ("storm", "stormSeconds")]);
    }

    [Fact]
    public void A_boot_that_no_longer_runs_fails()
    {
        ComparisonResult r = Compare(Report(22.5, Boot("web1", "22.5")), Report(22.5, Boot("web1", "null", "failed")));

        r.HasRegression.Should().BeTrue();
    }
}
