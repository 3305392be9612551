using FluentAssertions;
using HyperVSim.Experiments.Comparison;

namespace HyperVSim.Experiments.Tests;

/// <summary>The comparison rule: grew past tolerance and floor = regression; matched by identity.</summary>
public sealed class BaselineComparerTests
{
    private static string Report(double total, string result = "completed", string vm = "sql1", double requestedAt = 30) => $$"""
        {
          "schema": "hypervsim.report/v1", "scenario": "s", "seed": 1, "simulatedSeconds": 100,
          "migrations": [
            { "vm": "{{vm}}", "from": "hv1", "to": "hv2", "kind": "live", "option": "tcpip", "requestedAt": {{requestedAt}},
              "totalSeconds": {{total}}, "queuedSeconds": 0, "blackoutSeconds": 0.2, "rounds": 3,
              "bytesOnWire": 1000000000, "cpuSeconds": 1.5, "result": "{{result}}" } ],
          "drains": [],
          "vms": [ { "name": "sql1", "host": "hv2", "state": "running", "outages": 0, "downtimeSeconds": 0.2 } ]
        }
        """;

    private static ComparisonResult Compare(string baseline, string current, double tolerance = 0.02) =>
        BaselineComparer.Compare(ReportParser.Parse(baseline, "b.json"), ReportParser.Parse(current, "c.json"), new Tolerances { Global = tolerance });

    [Fact]
    public void A_3_percent_slowdown_fails_at_2_percent_and_passes_at_5()
    {
        Compare(Report(100), Report(103), 0.02).HasRegression.Should().BeTrue();
        Compare(Report(100), Report(103), 0.05).HasRegression.Should().BeFalse();
        Compare(Report(100), Report(103), 0.05).Moved.Should().ContainSingle(r => r.Metric == "totalSeconds" && r.Verdict == Verdict.WithinTolerance);
    }

    [Fact]
    public void A_speed_up_past_the_tolerance_is_reported_as_improved_and_does_not_fail()
    {
        ComparisonResult r = Compare(Report(100), Report(90));
        r.HasRegression.Should().BeFalse();
        r.Moved.Should().ContainSingle(x => x.Verdict == Verdict.Improved && x.RelativeChange == -0.1);
    }

    [Fact]
    public void A_change_below_the_absolute_floor_never_counts()
    {
        // +0.5 ms on 10 ms is +5%, but the floor for seconds is 1 ms.
        Compare(Report(0.010), Report(0.0105)).HasRegression.Should().BeFalse();
    }

    [Fact]
    public void Missing_and_new_records_fail_and_are_named()
    {
        ComparisonResult r = Compare(Report(100, vm: "sql1"), Report(100, vm: "sql2"));
        r.HasRegression.Should().BeTrue();
        r.Rows.Should().Contain(x => x.Verdict == Verdict.Missing && x.Identity == "sql1 requested at 30s (live)");
        r.Rows.Should().Contain(x => x.Verdict == Verdict.New && x.Identity == "sql2 requested at 30s (live)");
    }

    [Fact]
    public void A_changed_result_fails()
    {
        Compare(Report(100), Report(100, result: "failed")).Rows.Should().Contain(x => x.Verdict == Verdict.OutcomeChanged && x.Current == "failed");
    }

    [Fact]
    public void Malformed_json_names_the_line_and_column()
    {
        Action parse = () => ReportParser.Parse("{\n  \"schema\": \"hypervsim.report/v1\",\n  \"migrations\": [ oops ]\n}", "bad.json");
        parse.Should().Throw<ReportFormatException>().Where(e => e.File == "bad.json" && e.Line == 3 && e.Column > 1);
    }

    [Fact]
    public void A_json_file_that_is_not_a_report_is_refused()
    {
        Action parse = () => ReportParser.Parse("{\"name\": 1}", "other.json");
        parse.Should().Throw<ReportFormatException>().WithMessage("*not a HyperVSim report*");
    }

    [Theory]
    [InlineData("5%", 0.05)]
    [InlineData("0.02", 0.02)]
    [InlineData(" 12.5% ", 0.125)]
    public void Tolerances_parse_percentages_and_fractions(string text, double expected) =>
        Tolerances.ParsePercent(text).Should().BeApproximately(expected, 1e-12);

    [Theory]
    [InlineData("5 percent")]
    [InlineData("-1%")]
    [InlineData("")]
    public void Bad_tolerances_are_refused_with_the_fix(string text)
    {
        Action parse = () => Tolerances.ParsePercent(text);
        parse.Should().Throw<FormatException>().WithMessage("*percentage such as 5%*");
    }
}
