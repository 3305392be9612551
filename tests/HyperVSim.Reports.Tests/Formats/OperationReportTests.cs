using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using FluentAssertions;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Csv;
using HyperVSim.Reports.Html;
using HyperVSim.Reports.Json;
using HyperVSim.Reports.Markdown;
using HyperVSim.Reports.Tests.Html;
using HyperVSim.Reports.Tests.Text;

namespace HyperVSim.Reports.Tests.Formats;

/// <summary>
/// Saves and restores, host upgrades and VHDX resizes are in every format, not only JSON: a row per record in the
/// console, Markdown and HTML tables and in saved-states.csv, upgrades.csv and resizes.csv, with the JSON report's values;
/// a run without them prints none of these sections.
/// </summary>
public sealed class OperationReportTests
{
    private static SimulationResult R => SavedStateRun.Result;

    [Fact]
    public void The_console_lists_each_save_restore_upgrade_and_resize()
    {
        string text = ConsoleSummaryTests.Summary(R);

        text.Should().Contain("Saved states: 4").And.Contain("Host upgrades: 3").And.Contain("VHDX resizes: 2");
        // web1's save: 8 GiB written in 69.59 − 60 = 9.59 s, configuration version 4, asked by the upgrade.
        text.Split('\n').Should().Contain(l => l.Contains("web1") && l.Contains("save") && l.Contains("upgrade") && l.Contains("9.59 s") && l.Contains("8.00 GiB") && l.Contains("completed"));
        text.Should().Contain("failed: no node can start it: hv1 is down");
        text.Should().Contain("not done: hv2 runs 2012 R2 already");
        text.Split('\n').Should().Contain(l => l.Contains("hv3") && l.Contains("unfinished"));
        // The fixed VHDX grew 200 → 300 GiB in 107.47 s, 100 GiB zeroed.
        text.Split('\n').Should().Contain(l => l.Contains("data") && l.Contains("200.00 GiB") && l.Contains("300.00 GiB") && l.Contains("1m 47s") && l.Contains("100.00 GiB"));
    }

    [Fact]
    public void Markdown_has_a_table_row_per_record()
    {
        string md = MarkdownReport.ToMarkdown(R);

        Rows(md, "Saved states").Select(r => r[0]).Should().Equal(R.SavedStates.Select(s => s.Vm));
        Rows(md, "Host upgrades").Select(r => r[0]).Should().Equal(R.Upgrades.Select(u => u.Host));
        Rows(md, "VHDX resizes").Select(r => r[1]).Should().Equal(R.Resizes.Select(z => z.Disk));
        Rows(md, "VHDX resizes")[1][^1].Should().Be("failed: online resize needs a running VM: app1 is saved");
    }

    [Fact]
    public void Html_has_a_section_with_the_three_tables_linked_from_the_header()
    {
        XhtmlPage page = XhtmlPage.Parse(HtmlReport.ToHtml(R));

        XElement section = page.Document.Descendants(XhtmlPage.Xhtml + "section").Single(s => (string?)s.Attribute("id") == "operations");
        int Rows(string id) => section.Descendants(XhtmlPage.Xhtml + "table").Single(t => (string?)t.Attribute("id") == id).Descendants(XhtmlPage.Xhtml + "tbody").Single().Elements().Count();
        Rows("saved-states-table").Should().Be(R.SavedStates.Count);
        Rows("upgrades-table").Should().Be(R.Upgrades.Count);
        Rows("resizes-table").Should().Be(R.Resizes.Count);
        page.Document.Descendants(XhtmlPage.Xhtml + "a").Should().Contain(a => (string?)a.Attribute("href") == "#operations");
    }

    [Fact]
    public void Runs_without_them_print_no_such_section()
    {
        SimulationResult r = ReportRuns.SingleResult;

        ConsoleSummaryTests.Summary(r).Should().NotContain("Saved states").And.NotContain("Host upgrades").And.NotContain("VHDX resizes");
        MarkdownReport.ToMarkdown(r).Should().NotContain("### Saved states");
        HtmlReport.ToHtml(r).Should().NotContain("id=\"operations\"");
    }

    [Fact]
    public void Csv_files_hold_the_json_reports_values_under_its_field_names()
    {
        Dictionary<string, string> tables = CsvReport.Tables(R).ToDictionary(t => t.File, t => t.Text);
        JsonElement json = JsonDocument.Parse(JsonReport.ToJson(R)).RootElement;
        JsonElement defs = JsonDocument.Parse(File.ReadAllText(RepoFiles.PathOf("docs", "report.schema.json"))).RootElement.GetProperty("$defs");

        foreach (var (file, field, def) in new[] { ("saved-states.csv", "savedStates", "savedState"), ("upgrades.csv", "upgrades", "upgrade"), ("resizes.csv", "resizes", "resize") })
        {
            Rfc4180.Parse(tables[file])[0].Should().Equal(defs.GetProperty(def).GetProperty("properties").EnumerateObject().Select(p => p.Name), because: $"{file} has the fields of {def}");
            var rows = Rfc4180.Rows(tables[file]);
            JsonElement[] records = json.GetProperty(field).EnumerateArray().ToArray();
            rows.Should().HaveCount(records.Length);
            for (int i = 0; i < rows.Count; i++)
            {
                foreach (var (column, cell) in rows[i])
                {
                    JsonElement v = records[i].GetProperty(column);
                    string expected = v.ValueKind switch
                    {
                        JsonValueKind.Null => string.Empty,
                        JsonValueKind.String => v.GetString()!,
                        _ => v.GetDouble().ToString("R", CultureInfo.InvariantCulture),
                    };
                    (v.ValueKind == JsonValueKind.Number ? double.Parse(cell, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) : cell)
                        .Should().Be(expected, because: $"{file} row {i + 1} {column}");
                }
            }
        }
    }

    /// <summary>The rows of the Markdown table under "### heading", cells trimmed.</summary>
    private static List<string[]> Rows(string md, string heading)
    {
        string[] lines = md.Split('\n');
        int at = Array.IndexOf(lines, "### " + heading);
        at.Should().BeGreaterThanOrEqualTo(0, because: $"the summary has a {heading} table");
        return lines.Skip(at + 4).TakeWhile(l => l.StartsWith('|')).Select(l => l.Trim('|').Split(" | ").Select(c => c.Trim()).ToArray()).ToList();
    }
}
