using System.Text;
using FluentAssertions;
using HyperVSim.Model;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Csv;
using HyperVSim.Reports.Html;
using HyperVSim.Reports.Json;
using HyperVSim.Reports.Markdown;
using HyperVSim.Reports.Trace;

namespace HyperVSim.Reports.Tests.Formats;

/// <summary>The same scenario and seed, run twice from scratch, give byte-identical files in every format.</summary>
public sealed class DeterminismTests
{
    public static TheoryData<string> Runs => ReportRuns.SimulatedNames;

    /// <summary>Every format's bytes, by file name, as the writers produce them.</summary>
    private static SortedDictionary<string, byte[]> Files(SimulationResult r)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        using (var json = new MemoryStream())
        {
            JsonReport.Write(r, json);
            files["report.json"] = json.ToArray();
        }

        using (var trace = new MemoryStream())
        {
            ChromeTrace.Write(r, trace);
            files["trace.json"] = trace.ToArray();
        }

        using (var html = new MemoryStream())
        {
            HtmlReport.Write(r, html);
            files["report.html"] = html.ToArray();
        }

        files["report.md"] = Encoding.UTF8.GetBytes(MarkdownReport.ToMarkdown(r));
        foreach (var (file, text) in CsvReport.Tables(r))
        {
            files["csv/" + file] = Encoding.UTF8.GetBytes(text);
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Two_runs_of_the_same_scenario_give_the_same_bytes_in_every_format(string run)
    {
        SortedDictionary<string, byte[]> first = Files(ClusterSimulation.Run(ReportRuns.SpecOf(run)));
        SortedDictionary<string, byte[]> second = Files(ClusterSimulation.Run(ReportRuns.SpecOf(run)));

        first.Keys.Should().Equal(second.Keys);
        first.Keys.Should().HaveCount(24);
        foreach (string file in first.Keys)
        {
            second[file].Should().Equal(first[file], because: $"{file} of {run} must not change between runs");
        }
    }

    [Fact]
    public void Writing_a_result_twice_gives_the_same_bytes()
    {
        SortedDictionary<string, byte[]> first = Files(ReportRuns.StoppedResult);
        SortedDictionary<string, byte[]> second = Files(ReportRuns.StoppedResult);

        foreach (string file in first.Keys)
        {
            second[file].Should().Equal(first[file], because: $"{file} is a function of the result");
        }
    }

    [Fact]
    public void Another_seed_changes_the_numbers()
    {
        // Guards the test above against comparing a constant: the setup jitter comes from the seed.
        string a = JsonReport.ToJson(ClusterSimulation.Run(ReportRuns.Single()));
        string b = JsonReport.ToJson(ClusterSimulation.Run(ReportRuns.Single() with { Seed = 8 }));

        b.Should().NotBe(a);
    }
}
