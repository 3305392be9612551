using FluentAssertions;
using HyperVSim.Experiments.Studies;
using HyperVSim.Reports.Studies;
using HyperVSim.Reports.Tests.Html;

namespace HyperVSim.Reports.Tests.Studies;

/// <summary>summary.md and summary.html of a hand-made 3 × 2 grid study, checked against the summaries' own numbers.</summary>
public sealed class StudyReportsTests
{
    private static readonly string[] Options = ["tcpip", "compression", "smb"];
    private static readonly string[] Speeds = ["10Gbps", "40Gbps"];

    /// <summary>Point k = (option k / 2, speed k % 2); drain = 100 / (k + 1) s ± 1 (two replications), blackout the same in both.</summary>
    private static (StudyDefinition, IReadOnlyList<(StudyPoint, IReadOnlyList<MetricSummary>)>, IReadOnlyList<IReadOnlyList<MetricDifference?>>) Study()
    {
        StudyPoint[] points = Enumerable.Range(0, 6).Select(k => new StudyPoint(k,
            [new StudySetting("cluster.liveMigration.option", Options[k / 2]), new StudySetting("hosts[name=hv].nics[name=lm1].speed", Speeds[k % 2])])).ToArray();
        var study = new StudyDefinition("grid", 7, 2, points,
            [new MetricSpec("drain", "drains[0].totalSeconds", "mean"), new MetricSpec("blackout", "migrations[].blackoutSeconds", "max")]);
        double?[][] drain = points.Select(p => new double?[] { (100.0 / (p.Index + 1)) - 1, (100.0 / (p.Index + 1)) + 1 }).ToArray();
        var rows = points.Select(p => (p, (IReadOnlyList<MetricSummary>)[MetricSummary.Of("drain", drain[p.Index]), MetricSummary.Of("blackout", [0.25, 0.25])])).ToArray();
        var diffs = points.Select(p => (IReadOnlyList<MetricDifference?>)[MetricDifference.Of("drain", drain[0], drain[p.Index]), MetricDifference.Of("blackout", [0.25, 0.25], [0.25, 0.25])]).ToArray();
        return (study, rows, diffs);
    }

    [Fact]
    public void The_markdown_table_has_a_row_per_point_with_mean_and_Student_t_interval()
    {
        var (study, rows, diffs) = Study();

        string md = new StudyMarkdown().Render(study, rows, diffs);

        // Point 1: 50 ± 1 → mean 50, sd √2, half-width t(0.975, 1) × √2 / √2 = 12.706 → [37.29, 62.71], shown to two significant figures of 12.7: [37, 63].
        md.Should().Contain("| point | option | speed | drain | blackout |\n| ---: | --- | --- | ---: | ---: |\n");
        md.Should().Contain("| 1 | tcpip | 40Gbps | 50 [37, 63] (n=2) | 0.25 \u00b1 0 (n=2) |\n");
        md.Should().Contain("## Against point 0");
        md.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(l[2])).Should().Be(6 + 5);
    }

    [Fact]
    public void The_page_is_well_formed_with_one_plot_per_metric_and_parameter_and_interval_bars()
    {
        var (study, rows, diffs) = Study();

        var page = XhtmlPage.Parse(new StudyHtml().Render(study, rows, diffs));

        page.Document.Descendants(XhtmlPage.Xhtml + "figure").Should().HaveCount(2 * 2);
        page.Figure("plot-m0-p0").Descendants(XhtmlPage.Svg + "svg").Should().ContainSingle();
        page.SvgTexts("plot-m0-p0").Should().Contain(["tcpip", "compression", "smb", "speed=10Gbps", "speed=40Gbps"]);
        page.SvgTexts("plot-m0-p1").Should().Contain(["option=tcpip", "option=compression", "option=smb"]);
    }

    [Fact]
    public void Values_with_a_unit_are_read_as_numbers_for_the_axis()
    {
        HyperVSim.Reports.Html.Plots.StudyMetricPlot.Parse("40Gbps").Should().Be((40.0, "Gbps"));
        HyperVSim.Reports.Html.Plots.StudyMetricPlot.Parse("2.5").Should().Be((2.5, ""));
        HyperVSim.Reports.Html.Plots.StudyMetricPlot.Parse("tcpip").Should().BeNull();
    }
}
