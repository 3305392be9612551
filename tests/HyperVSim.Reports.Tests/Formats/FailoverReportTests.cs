using System.Xml.Linq;
using FluentAssertions;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Csv;
using HyperVSim.Reports.Html;
using HyperVSim.Reports.Html.Plots;
using HyperVSim.Reports.Json;
using HyperVSim.Reports.Markdown;
using HyperVSim.Reports.Tests.Html;
using HyperVSim.Reports.Text;

namespace HyperVSim.Reports.Tests.Formats;

/// <summary>The failover run (<see cref="FailoverRun"/>) in every format: its faults, recoveries, not-recovered VM and quorum.</summary>
public sealed class FailoverReportTests
{
    private static SimulationResult R => FailoverRun.Result;

    private static readonly Lazy<XhtmlPage> Page = new(() => XhtmlPage.Parse(HtmlReport.ToHtml(R)));

    private static string Console(SimulationResult r) => Tests.Text.ConsoleSummaryTests.Summary(r);

    [Fact]
    public void Json_writes_the_new_sections_in_order_with_nulls_where_nothing_happened()
    {
        string json = JsonReport.ToJson(R);

        json.Should().Contain("\"availability\": 0.896666667");
        json.IndexOf("\"vms\": [\n    {", StringComparison.Ordinal).Should().BeLessThan(json.IndexOf("\"failovers\"", StringComparison.Ordinal));
        json.IndexOf("\"failovers\"", StringComparison.Ordinal).Should().BeLessThan(json.IndexOf("\"quorum\"", StringComparison.Ordinal));
        json.IndexOf("\"quorum\"", StringComparison.Ordinal).Should().BeLessThan(json.IndexOf("\"guestClusters\"", StringComparison.Ordinal));
        json.Should().Contain("\"recoverySeconds\": 31,").And.Contain("\"recoverySeconds\": null,").And.Contain($"\"reason\": \"{FailoverRun.NoRoom}\"");
        JsonReport.ToJson(ReportRuns.IdleResult).Should().Contain("\"failovers\": [],").And.Contain("\"quorum\": [],").And.Contain("\"guestClusters\": [],").And.Contain("\"resizes\": []\n}");
    }

    [Fact]
    public void Csv_has_a_row_per_fault_per_affected_vm_per_state_change_and_per_quorum_change()
    {
        var t = CsvReport.Tables(R).ToDictionary(x => x.File, x => x.Text);

        t["failovers.csv"].Should().Contain($"host,hv1,10,12,heartbeat,{FailoverRun.Heartbeat},2,41,31,0\n")
            .And.Contain("storage,csv2,100,100.5,storageFailure,,2,,,1\n")
            .And.Contain("network,prod,200,,,,0,200,0,0\n");
        t["failover-vms.csv"].Should().Be($"failover,vm,host,runningAt,downtimeSeconds,reason\n0,web1,hv2,41,31,\n0,web2,hv3,30,20,\n1,app1,hv2,130,30,\n1,sql1,,,,{FailoverRun.NoRoom}\n");
        t["timeline.csv"].Should().Contain($"web1,14,starting,hv2,{FailoverRun.Queued}\n").And.Contain($"sql1,101,off,,{FailoverRun.NoRoom}\n");
        t["quorum.csv"].Should().Contain("100.5,2,false,2,false,csv2 lost: the witness disk is gone\n");
        t["vms.csv"].Should().Contain("sql1,,off,1,200,0.333333333\n");
    }

    [Fact]
    public void Markdown_has_the_failover_table_the_not_recovered_list_and_the_quorum()
    {
        string md = MarkdownReport.ToMarkdown(R);

        md.Should().Contain("### Failovers")
            .And.Contain("| host | hv1 | 10.00 s | +2.00 s | heartbeat | 2 | 31.00 s |")
            .And.Contain("| storage | csv2 | 1m 40s | +500 ms | storageFailure | 2 | not recovered (1) |")
            .And.Contain("| network | prod | 3m 20s | not detected | - | 0 | 0 ms |")
            .And.Contain($"- **sql1** after storage csv2 failed at 1m 40s: {FailoverRun.NoRoom}")
            .And.Contain("| 1m 41s | 2 | **lost** | 2 | no | csv2 lost: the witness disk is gone |");
        MarkdownReport.ToMarkdown(ReportRuns.IdleResult).Should().NotContain("Failovers").And.NotContain("Quorum");
    }

    [Fact]
    public void The_console_shows_the_failover_table_and_the_vm_not_recovered_with_its_reason()
    {
        string text = Console(R);

        text.Should().Contain("Failovers: 3 (2 recovered, 1 not)");
        text.Should().MatchRegex(@"host\s+hv1\s+10\.00 s\s+\+2\.00 s\s+heartbeat\s+2\s+31\.00 s");
        text.Should().MatchRegex(@"storage\s+csv2\s+1m 40s\s+\+500 ms\s+storageFailure\s+2\s+not recovered");
        text.Should().Contain($"Not recovered: 1\n  sql1 after storage csv2 failed at 1m 40s: {FailoverRun.NoRoom}\n");
    }

    [Fact]
    public void The_console_lists_what_guest_clusters_did() =>
        Console(R).Should().Contain("Guest clusters: 1 event\n  1m 40s  sqlguest: missed guest heartbeats\n");

    [Fact]
    public void The_console_of_a_run_without_faults_says_nothing_of_failovers()
    {
        Console(ReportRuns.DrainResult).Should().NotContain("Failover").And.NotContain("recovered");
    }

    [Fact]
    public void The_html_marks_each_fault_and_its_detection_on_the_running_vms_plot()
    {
        IReadOnlyList<string> texts = Page.Value.SvgTexts("plot-running");

        texts.Should().Contain(["host hv1", "storage csv2", "network prod"]);
        XElement figure = Page.Value.Figure("plot-running");
        figure.Descendants().Count(e => e.Name.LocalName == "path" && (string?)e.Attribute("fill") == "#B42318")
            .Should().Be(3, because: "each fault has a dashed line (ScottPlot draws the dashes as one filled path)");
        figure.Descendants().Count(e => e.Name.LocalName == "path" && (string?)e.Attribute("fill") == "#E07A10")
            .Should().Be(2, because: "two faults were detected, each marked by a triangle");
        figure.Value.Should().Contain("orange triangles");
    }

    [Fact]
    public void The_html_draws_a_restart_row_per_affected_vm_and_a_failover_table()
    {
        Page.Value.SvgTexts("plot-restarts").Should().Contain(["web1 \u2192 hv2", "web2 \u2192 hv3", "app1 \u2192 hv2", "sql1 (not recovered)", "failed", "starting", "paused", "off"]);
        RestartGanttPlot.Rows(R).Select(x => x.Vm).Should().Equal("web1", "web2", "app1", "sql1");
        RestartGanttPlot.Stretches(R.Vms[0].Timeline, 10, 41).Should().Equal((10.0, 14.0, "failed"), (14.0, 41.0, "starting"));
        RestartGanttPlot.Stretches(R.Vms[3].Timeline, 100, 300).Should().Equal((100.0, 101.0, "failed"), (101.0, 300.0, "off"));

        string html = HtmlReport.ToHtml(R);
        html.Should().Contain("<table id=\"failovers-table\"").And.Contain("<table id=\"quorum-table\"").And.Contain(FailoverRun.Heartbeat)
            .And.Contain($"<li><strong>sql1</strong> after storage csv2 failed at 1m 40s: {FailoverRun.NoRoom}</li>");
        string idle = HtmlReport.ToHtml(ReportRuns.IdleResult);
        idle.Should().NotContain("plot-restarts").And.NotContain("failovers-table");
    }

    [Fact]
    public void The_story_merges_the_timeline_with_the_failovers_in_time_order()
    {
        VmStory.Tell(StoryReport.Of(R), "web1").Should().Equal(FailoverRun.Web1Story);
    }

    [Fact]
    public void The_story_of_a_vm_that_did_not_run_again_says_why_at_the_end_of_the_run()
    {
        IReadOnlyList<string> story = VmStory.Tell(StoryReport.Of(R), "sql1")!;

        story.Should().ContainInOrder(
            "00:01:40.000 storage csv2 failed",
            "00:01:40.000 failed on hv2 (csv2 lost)",
            "00:01:40.500 storage csv2 failure detected (storageFailure)",
            $"00:01:41.000 off, on no host ({FailoverRun.NoRoom})",
            $"00:05:00.000 not running again after storage csv2 failed: {FailoverRun.NoRoom}");
        story[^1].Should().Be("sql1: availability 33.33%, downtime 3m 20s in 1 outage; ended off, on no host");
        VmStory.Tell(StoryReport.Of(R), "web3").Should().BeNull();
    }

    [Fact]
    public void A_story_read_back_from_the_json_report_is_the_same()
    {
        StoryReport read = StoryReport.Parse(JsonReport.ToJson(R), "r.json");

        foreach (VmRecord v in R.Vms)
        {
            VmStory.Tell(read, v.Name).Should().Equal(VmStory.Tell(StoryReport.Of(R), v.Name));
        }
    }

    [Theory]
    [InlineData(0, "00:00:00.000")]
    [InlineData(41.5, "00:00:41.500")]
    [InlineData(3723.0004, "01:02:03.000")]
    [InlineData(90061.25, "1.01:01:01.250")]
    public void Clock_times_are_hh_mm_ss_fff_with_days_in_front(double seconds, string expected)
    {
        HumanUnits.Clock(seconds).Should().Be(expected);
    }
}
