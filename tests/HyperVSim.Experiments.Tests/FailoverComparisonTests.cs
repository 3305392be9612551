using FluentAssertions;
using HyperVSim.Experiments.Comparison;

namespace HyperVSim.Experiments.Tests;

/// <summary>compare on failover runs: recovery time per fault and downtime per VM are timings; a fault that no longer recovers fails.</summary>
public sealed class FailoverComparisonTests
{
    private static string Failover(string target, string recovery, string notRecovered = "") => $$"""
        { "fault": "host", "target": "{{target}}", "at": 10, "detectedAt": 12, "detector": "heartbeat", "detail": null, "vms": [],
          "recoveredAt": null, "recoverySeconds": {{recovery}}, "notRecovered": [{{notRecovered}}] }
        """;

    private static string Report(double sqlDowntime = 30, params string[] failovers) => $$"""
        {
          "schema": "hypervsim.report/v1", "scenario": "s", "seed": 1, "simulatedSeconds": 300,
          "migrations": [], "drains": [],
          "vms": [ { "name": "sql1", "host": "hv2", "state": "running", "outages": 1, "downtimeSeconds": {{sqlDowntime}} } ],
          "failovers": [ {{string.Join(", ", failovers)}} ]
        }
        """;

    private static ComparisonResult Compare(string baseline, string current) =>
        BaselineComparer.Compare(ReportParser.Parse(baseline, "b.json"), ReportParser.Parse(current, "c.json"), new Tolerances { Global = 0.05 });

    [Fact]
    public void Identical_failover_reports_pass()
    {
        string r = Report(30, Failover("hv3", "31"), Failover("hv3", "null", """{ "vm": "sql1", "reason": "no room" }"""));

        ComparisonResult result = Compare(r, r);

        result.HasRegression.Should().BeFalse();
        result.Rows.Should().Contain(x => x.Kind == "failover" && x.Identity == "host hv3 #1" && x.Metric == "recoverySeconds" && x.Verdict == Verdict.Unchanged);
        result.RecordsCompared.Should().Be(3, because: "the VM and both faults on hv3 (#1 and #2) are matched");
    }

    [Fact]
    public void A_slower_recovery_is_a_regression_of_that_fault()
    {
        ComparisonResult r = Compare(Report(30, Failover("hv1", "20"), Failover("hv3", "31")), Report(30, Failover("hv1", "20"), Failover("hv3", "40")));

        r.HasRegression.Should().BeTrue();
        r.Rows.Where(x => x.Fails).Should().ContainSingle()
            .Which.Should().Match<ComparisonRow>(x => x.Identity == "host hv3 #1" && x.Metric == "recoverySeconds" && x.Verdict == Verdict.Regressed);
    }

    [Fact]
    public void More_downtime_for_a_vm_is_a_regression()
    {
        ComparisonResult r = Compare(Report(30, Failover("hv1", "31")), Report(45, Failover("hv1", "31")));

        r.Rows.Should().ContainSingle(x => x.Fails).Which.Should().Match<ComparisonRow>(x => x.Kind == "vm" && x.Identity == "sql1" && x.Metric == "downtimeSeconds" && x.Verdict == Verdict.Regressed);
    }

    [Fact]
    public void A_fault_recovered_in_the_baseline_but_not_now_fails()
    {
        ComparisonResult r = Compare(Report(30, Failover("hv1", "31")), Report(30, Failover("hv1", "null", """{ "vm": "sql1", "reason": "no host has room" }""")));

        r.HasRegression.Should().BeTrue();
        r.Rows.Should().Contain(x => x.Identity == "host hv1 #1" && x.Verdict == Verdict.OutcomeChanged && x.Baseline == "recovered" && x.Current == "not recovered: sql1");
        r.Rows.Should().Contain(x => x.Identity == "host hv1 #1" && x.Metric == "recoverySeconds" && x.Verdict == Verdict.Missing);
    }

    [Fact]
    public void A_baseline_without_failover_sections_compares_as_before()
    {
        string old = """
            { "schema": "hypervsim.report/v1", "scenario": "s", "seed": 1, "simulatedSeconds": 300, "migrations": [], "drains": [],
              "vms": [ { "name": "sql1", "host": "hv2", "state": "running", "outages": 1, "downtimeSeconds": 30 } ] }
            """;

        Compare(old, Report(30)).HasRegression.Should().BeFalse();
        Compare(old, Report(30, Failover("hv1", "31"))).Rows.Should().ContainSingle(x => x.Fails)
            .Which.Verdict.Should().Be(Verdict.New, because: "a fault the baseline did not have is new");
    }

    [Theory]
    [InlineData("""{ "fault": "host", "target": "hv1", "at": 10, "recoverySeconds": "soon", "notRecovered": [] }""", "failovers[0].recoverySeconds", "must be a number")]
    [InlineData("""{ "fault": "host", "target": "hv1", "at": 10, "notRecovered": [] }""", "failovers[0].recoverySeconds", "missing")]
    [InlineData("""{ "fault": 3, "target": "hv1", "at": 10, "recoverySeconds": 1, "notRecovered": [] }""", "failovers[0].fault", "must be a string")]
    [InlineData("""{ "fault": "host", "target": "hv1", "at": -1, "recoverySeconds": 1, "notRecovered": [] }""", "failovers[0].at", "negative")]
    [InlineData("""{ "fault": "host", "target": "hv1", "at": 10, "recoverySeconds": null, "notRecovered": [ { "reason": "x" } ] }""", "failovers[0].notRecovered[0].vm", "missing")]
    [InlineData("""{ "fault": "host", "target": "hv1", "at": 10, "recoverySeconds": null, "notRecovered": {} }""", "failovers[0].notRecovered", "must be an array")]
    [InlineData("\"host hv1\"", "failovers[0]", "must be an object")]
    public void A_malformed_failover_is_refused_with_its_json_path(string failover, string path, string message)
    {
        Action parse = () => ReportParser.Parse(Report(30, failover), "c.json");

        parse.Should().Throw<ReportFormatException>().Where(e => e.JsonPath == path && e.Message.Contains(message, StringComparison.Ordinal));
    }
}
