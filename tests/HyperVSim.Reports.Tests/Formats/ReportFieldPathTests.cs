using System.Text.Json;
using FluentAssertions;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Json;
using Xunit;

namespace HyperVSim.Reports.Tests.Formats;

/// <summary>Study metrics read from a report parsed once in memory are those read from the report's text.</summary>
public sealed class ReportFieldPathTests
{
    [Theory]
    [InlineData("drains[0].totalSeconds")]
    [InlineData("migrations[].blackoutSeconds")]
    [InlineData("migrations[].totalSeconds")]
    [InlineData("vms[name=vm02].downtimeSeconds")]
    [InlineData("migrations[1].phases[].bytes")]
    public void The_parsed_report_gives_the_values_of_the_report_text(string path)
    {
        SimulationResult r = TestRuns.DrainResult;
        using JsonDocument doc = JsonReport.ToDocument(r);
        string text = JsonReport.ToJson(r);

        ReportFieldPath.Values(doc.RootElement, path).Should().Equal(ReportFieldPath.Values(text, path));
        ReportFieldPath.Count(doc.RootElement, path).Should().Be(ReportFieldPath.Count(text, path)).And.BeGreaterThan(0);
    }

    [Fact]
    public void Every_migration_has_one_value_per_item_path()
    {
        SimulationResult r = TestRuns.DrainResult;
        using JsonDocument doc = JsonReport.ToDocument(r);
        ReportFieldPath.Values(doc.RootElement, "migrations[].memoryBytes").Should().Equal(r.Migrations.Select(m => (double)m.MemoryBytes));
        ReportFieldPath.Count(doc.RootElement, "migrations[].vm").Should().Be(r.Migrations.Count);
    }
}
