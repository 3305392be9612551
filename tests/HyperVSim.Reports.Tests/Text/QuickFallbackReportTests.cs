using FluentAssertions;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Csv;
using HyperVSim.Reports.Json;
using HyperVSim.Reports.Markdown;
using HyperVSim.Reports.Tests.Formats;
using HyperVSim.Reports.Text;

namespace HyperVSim.Reports.Tests.Text;

/// <summary>A drain the cluster made by quick migration because no live-migration network was up shows it: strategy quick, and why.</summary>
public sealed class QuickFallbackReportTests
{
    private static SimulationResult R => ReportRuns.QuickFallbackResult;

    [Fact]
    public void Every_format_says_quick_and_why()
    {
        MigrationRecord m = R.Migrations.Single();
        m.Strategy.Should().Be("quick");
        const string Why = "live migration impossible: no live-migration network connects hv1 and hv2";

        string row = ConsoleSummaryTests.Summary(R).Split('\n').First(l => l.TrimStart().StartsWith("a ", StringComparison.Ordinal) && l.Contains("hv2"));
        row.Should().Contain("quick");
        ConsoleSummary.Explain(m).Should().StartWith(Why).And.Contain("outage: saved in");
        MarkdownReport.ToMarkdown(R).Should().Contain("| quick (" + Why);
        JsonReport.ToJson(R).Should().Contain("\"strategy\": \"quick\",\n      \"fallback\": \"" + Why);
        CsvReport.Tables(R).Single(t => t.File == "migrations.csv").Text.Should().Contain(",quick," + Why);
    }
}
