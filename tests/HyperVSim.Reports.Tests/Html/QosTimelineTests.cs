using FluentAssertions;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Html;
using HyperVSim.Reports.Tests.Formats;
using static HyperVSim.Reports.Tests.Html.XhtmlPage;

namespace HyperVSim.Reports.Tests.Html;

/// <summary>Storage QoS alerts on the HTML timeline: a row per disk that raised one, its alert drawn from 32930 to the 32931 that cleared it.</summary>
public sealed class QosTimelineTests
{
    [Fact]
    public void A_minimum_alert_raised_and_cleared_is_one_bar_on_its_disks_row()
    {
        // The storage run: sql/data below its minimum raises 32930 at 30 s and clears it with 32931 at 90 s; no migration.
        SimulationResult r = ReportRuns.StorageResult;
        r.QosEvents.Select(q => (q.At, q.Id, q.Vm, q.Disk)).Should().Equal((30.0, 32930, "sql", "data"), (90.0, 32931, "sql", "data"));
        r.Migrations.Should().BeEmpty();

        XhtmlPage page = XhtmlPage.Parse(HtmlReport.ToHtml(r));

        page.Figure("plot-timeline").Descendants(Svg + "svg").Should().ContainSingle(because: "QoS alerts alone are enough to draw the timeline");
        IReadOnlyList<string> texts = page.SvgTexts("plot-timeline");
        texts.Should().Contain("QoS sql/data").And.Contain("QoS minimum alert (32930 until 32931)");
        texts.Should().NotContain("queued", because: "the migration legend is left out without migrations");
        var dataGroup = page.Figure("plot-timeline").Descendants(Svg + "g").OrderByDescending(g => g.Elements(Svg + "rect").Count()).First();
        dataGroup.Elements(Svg + "rect").Should().HaveCount(1, because: "one alert, from 30 s to 90 s");
        page.Figure("plot-timeline").Element(Xhtml + "figcaption")!.Value.Should().Contain("32930").And.Contain("32931");
    }

    [Fact]
    public void Runs_without_qos_events_draw_the_timeline_as_before()
    {
        XhtmlPage page = XhtmlPage.Parse(HtmlReport.ToHtml(TestRuns.DrainResult));

        page.SvgTexts("plot-timeline").Should().NotContain(t => t.StartsWith("QoS", StringComparison.Ordinal));
        page.Figure("plot-timeline").Element(Xhtml + "figcaption")!.Value.Should().NotContain("32930");
    }
}
