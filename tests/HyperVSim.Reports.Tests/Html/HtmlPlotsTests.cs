using System.Text.RegularExpressions;
using FluentAssertions;
using HyperVSim.Model;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Html;
using static HyperVSim.Reports.Tests.Html.XhtmlPage;

namespace HyperVSim.Reports.Tests.Html;

/// <summary>What each plot draws, read back from its SVG: rows, series, legends, and notes in place of plots with no data.</summary>
public sealed class HtmlPlotsTests
{
    private static SimulationResult Drain => TestRuns.DrainResult;

    private static readonly Lazy<XhtmlPage> DrainPage = new(() => XhtmlPage.Parse(HtmlReport.ToHtml(Drain)));

    private static string Label(MigrationRecord m) => $"{m.Vm}: {m.From}\u2192{m.To}";

    [Fact]
    public void The_timeline_has_one_labelled_row_per_migration()
    {
        Drain.Migrations.Should().HaveCount(6);
        Drain.Migrations.Should().AllSatisfy(m => m.Result.Should().Be(MigrationResult.Completed));

        IReadOnlyList<string> texts = DrainPage.Value.SvgTexts("plot-timeline");

        foreach (MigrationRecord m in Drain.Migrations)
        {
            texts.Count(t => t == Label(m)).Should().Be(1, because: $"{Label(m)} has one row");
        }

        texts.Should().Contain(["queued", "setup", "blackout", "switch-over"]);
        texts.Should().Contain("Simulated time (s)");
    }

    [Fact]
    public void The_timeline_draws_a_bar_per_phase_and_per_queued_wait()
    {
        int phases = Drain.Migrations.Sum(m => m.Phases.Count);
        int queued = Drain.Migrations.Count(m => m.QueuedSeconds > 0);
        queued.Should().BeGreaterThan(0, because: "six VMs drained two at a time must queue");

        // Bars are filled <rect> elements inside the data area's clip group; legend swatches sit in their own group.
        var dataGroup = DrainPage.Value.Figure("plot-timeline").Descendants(Svg + "g")
            .OrderByDescending(g => g.Elements(Svg + "rect").Count()).First();
        dataGroup.Elements(Svg + "rect").Should().HaveCount(phases + queued);
    }

    [Fact]
    public void The_pass_plot_has_a_line_per_migration_with_passes()
    {
        IReadOnlyList<string> texts = DrainPage.Value.SvgTexts("plot-passes");

        foreach (MigrationRecord m in Drain.Migrations)
        {
            texts.Should().Contain(Label(m));
        }

        texts.Should().Contain("Pre-copy pass").And.Contain("Memory copied (GiB)");
    }

    [Fact]
    public void The_nic_plot_shows_every_nic_direction_that_carried_traffic()
    {
        string[] busy = Drain.Series.Where(s => s.Unit == "bytes/s").Select(s => s.Name).ToArray();
        busy.Should().Contain(["hv1/lm1 tx", "hv2/lm1 rx", "hv3/lm1 rx"]);

        IReadOnlyList<string> texts = DrainPage.Value.SvgTexts("plot-nics");

        texts.Where(t => Regex.IsMatch(t, @"^hv\d/\w+ (tx|rx)$")).Should().BeEquivalentTo(busy);
        texts.Should().Contain("Throughput (Gbit/s)");
    }

    [Fact]
    public void The_nic_plot_keeps_the_eight_busiest_when_there_are_more()
    {
        // Twelve NIC directions, the k-th moving k bytes/s for 10 s: the eight busiest are 5..12.
        TimeSeries[] nics = Enumerable.Range(1, 12)
            .Select(k => new TimeSeries($"hv{k:00}/lm1 tx", "bytes/s", [new TimePoint(0, 0), new TimePoint(1, k * 1e8), new TimePoint(9, 0)]))
            .ToArray();
        SimulationResult r = Empty() with { SimulatedSeconds = 10, Series = nics };

        XhtmlPage page = XhtmlPage.Parse(HtmlReport.ToHtml(r));
        IReadOnlyList<string> legend = page.SvgTexts("plot-nics").Where(t => t.EndsWith(" tx", StringComparison.Ordinal)).ToArray();

        legend.Should().Equal(Enumerable.Range(5, 8).Select(k => $"hv{k:00}/lm1 tx"));
        page.Figure("plot-nics").Element(Xhtml + "figcaption")!.Value.Should().Contain("8 busiest of 12");
    }

    [Fact]
    public void The_running_vm_and_cdf_plots_are_drawn_with_labelled_axes()
    {
        DrainPage.Value.SvgTexts("plot-running").Should().Contain("Running VMs (count)").And.Contain("Simulated time (s)");
        DrainPage.Value.SvgTexts("plot-cdf").Should().Contain("Fraction of completed migrations");
        DrainPage.Value.Figure("plot-cdf").Element(Xhtml + "figcaption")!.Value.Should().Contain("6 completed migrations");
    }

    [Fact]
    public void A_run_without_migrations_gets_notes_instead_of_empty_plots()
    {
        SimulationResult idle = ClusterSimulation.Run(TestRuns.Idle());
        idle.Migrations.Should().BeEmpty();

        string html = HtmlReport.ToHtml(idle);
        XhtmlPage page = XhtmlPage.Parse(html);

        foreach (string id in new[] { "plot-timeline", "plot-passes", "plot-nics", "plot-cdf" })
        {
            page.Figure(id).Descendants(Svg + "svg").Should().BeEmpty();
            page.Figure(id).Elements(Xhtml + "p").Should().ContainSingle().Which.Value.Should().Contain("No ");
        }

        page.Figure("plot-running").Descendants(Svg + "svg").Should().ContainSingle();
        page.Document.Descendants(Xhtml + "section").Single(s => (string?)s.Attribute("id") == "migrations").Value
            .Should().Contain("No live migrations");
    }

    [Fact]
    public void An_empty_result_still_gives_a_well_formed_page_with_no_plots()
    {
        XhtmlPage page = XhtmlPage.Parse(HtmlReport.ToHtml(Empty()));

        page.Document.Descendants(Svg + "svg").Should().BeEmpty();
        page.Document.Descendants(Xhtml + "figure").Should().HaveCount(5);
    }

    [Fact]
    public void A_failed_migration_without_phases_keeps_its_row()
    {
        var failed = new MigrationRecord
        {
            Vm = "big", From = "hv1", To = null, Option = "tcpip", RequestedAt = 2, CompletedAt = 2,
            Result = MigrationResult.Failed, Reason = "no node has 64 GiB free",
        };
        SimulationResult r = Empty() with { SimulatedSeconds = 5, Migrations = [failed] };

        XhtmlPage page = XhtmlPage.Parse(HtmlReport.ToHtml(r));

        page.SvgTexts("plot-timeline").Should().Contain("big: hv1\u2192? (failed)");
        page.Figure("plot-cdf").Descendants(Svg + "svg").Should().BeEmpty();
        page.Document.Descendants(Xhtml + "td").Select(td => td.Value).Should().Contain("no node has 64 GiB free");
    }

    private static SimulationResult Empty() => new()
    {
        Scenario = "empty",
        Seed = 3,
        SimulatedSeconds = 0,
        EventsProcessed = 0,
        Migrations = [],
        Vms = [],
    };
}
