using System.Text.Json;
using FluentAssertions;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Json;
using Xunit;

namespace HyperVSim.Reports.Tests.Formats;

/// <summary>Study metrics read from the report written compact into memory (<see cref="JsonReport.Read{T}"/>) are those read from the report's text.</summary>
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
        string text = JsonReport.ToJson(r);

        JsonReport.Read(r, root => ReportFieldPath.Values(root, path)).Should().Equal(ReportFieldPath.Values(text, path));
        JsonReport.Read(r, root => ReportFieldPath.Count(root, path)).Should().Be(ReportFieldPath.Count(text, path)).And.BeGreaterThan(0);
    }

    [Fact]
    public void Every_migration_has_one_value_per_item_path()
    {
        SimulationResult r = TestRuns.DrainResult;
        JsonReport.Read(r, root => ReportFieldPath.Values(root, "migrations[].memoryBytes")).Should().Equal(r.Migrations.Select(m => (double)m.MemoryBytes));
        JsonReport.Read(r, root => ReportFieldPath.Count(root, "migrations[].vm")).Should().Be(r.Migrations.Count);
    }

    [Fact]
    public void The_compact_read_is_the_indented_report_without_its_indentation()
    {
        SimulationResult r = TestRuns.DrainResult;
        using JsonDocument indented = JsonDocument.Parse(JsonReport.ToJson(r));

        JsonReport.Read(r, root => JsonElement.DeepEquals(root, indented.RootElement)).Should().BeTrue();
        JsonReport.Read(r, root => root.GetRawText()).Should().NotContain("\n  ", "the buffer holds the compact form");
    }

    [Fact]
    public void A_read_inside_a_read_gets_its_own_buffer()
    {
        SimulationResult r = TestRuns.DrainResult;
        string text = JsonReport.ToJson(r);

        // The outer document must survive the inner write: both see the whole report.
        var (outer, inner) = JsonReport.Read(r, root =>
        {
            double inner = JsonReport.Read(r, other => ReportFieldPath.Values(other, "drains[0].totalSeconds").Single());
            return (ReportFieldPath.Values(root, "migrations[].totalSeconds"), inner);
        });

        outer.Should().Equal(ReportFieldPath.Values(text, "migrations[].totalSeconds"));
        inner.Should().Be(ReportFieldPath.Values(text, "drains[0].totalSeconds").Single());
    }

    /// <summary>A study reads only the sections its metrics name: each one alone is the full report's, byte for byte, and nothing else is written.</summary>
    [Fact]
    public void A_read_of_named_sections_writes_those_of_the_full_report_and_nothing_else()
    {
        foreach (SimulationResult r in new[] { TestRuns.DrainResult, BootRun.Result })
        {
            using JsonDocument full = JsonDocument.Parse(JsonReport.ToJson(r));
            string[] names = full.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
            names.Should().Contain(["summary", "migrations", "vms"]);
            foreach (string name in names)
            {
                string[] written = JsonReport.Read(r, new HashSet<string> { name }, root =>
                {
                    root.GetProperty(name).GetRawText().Should().Be(JsonReport.Read(r, all => all.GetProperty(name).GetRawText()), name);
                    return root.EnumerateObject().Select(p => p.Name).ToArray();
                });
                written.Should().BeEquivalentTo(new[] { "schema", name }.Distinct(), name);
            }

            JsonReport.Read(r, new HashSet<string> { "noSuchSection" }, root => root.EnumerateObject().Count()).Should().Be(1, "only the schema");
        }

        ReportFieldPath.Section("drains[0].totalSeconds").Should().Be("drains");
        ReportFieldPath.Section("vms[name=sql1].downtimeSeconds").Should().Be("vms");
        ReportFieldPath.Section("summary.completed").Should().Be("summary");
    }
}
