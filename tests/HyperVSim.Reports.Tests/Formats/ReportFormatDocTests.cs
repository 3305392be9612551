using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using HyperVSim.Reports.Csv;

namespace HyperVSim.Reports.Tests.Formats;

/// <summary>docs/report-format.md stays in step with the schema and the CSV writer: the same fields in the same order, and an example that conforms.</summary>
public sealed partial class ReportFormatDocTests
{
    private static readonly Lazy<string> Doc = new(() => File.ReadAllText(RepoFiles.PathOf("docs", "report-format.md")));

    private static readonly Lazy<JsonElement> Schema = new(() =>
        JsonDocument.Parse(File.ReadAllText(RepoFiles.PathOf("docs", "report.schema.json"))).RootElement);

    [Theory]
    [InlineData("Top level", null)]
    [InlineData("`summary`", "summary")]
    [InlineData("`migrations[]`", "migration")]
    [InlineData("`migrations[].phases[]`", "phase")]
    [InlineData("`drains[]`", "drain")]
    [InlineData("`vms[]`", "vm")]
    [InlineData("`boots[]`", "boot")]
    [InlineData("`boots[].phases[]`", "bootPhase")]
    [InlineData("`bootStorms[]`", "bootStorm")]
    [InlineData("`sessions[]`", "session")]
    public void Each_json_table_lists_the_schemas_fields_in_order(string heading, string? def)
    {
        JsonElement schema = def is null ? Schema.Value : Schema.Value.GetProperty("$defs").GetProperty(def);

        FieldColumn(Section("### " + heading)).Should().Equal(schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Each_csv_section_lists_the_files_columns_in_order()
    {
        foreach (var (file, text) in CsvReport.Tables(ReportRuns.IdleResult))
        {
            string section = Section($"### `{file}`");
            string columns = CodeSpans().Matches(section).Select(m => m.Groups["code"].Value).First(c => c.Contains(','));
            Regex.Split(columns.Trim(), @",\s*").Should().Equal(Rfc4180.Parse(text)[0], because: $"the doc lists the columns of {file}");
        }
    }

    [Fact]
    public void The_example_conforms_to_the_schema()
    {
        string example = JsonBlock().Match(Doc.Value).Groups["json"].Value;

        new SchemaWalker(Schema.Value).Check(JsonDocument.Parse(example).RootElement).Should().BeEmpty();
    }

    /// <summary>The text from a heading line to the next heading of any level.</summary>
    private static string Section(string heading)
    {
        string[] lines = Doc.Value.Split('\n');
        int at = Array.IndexOf(lines, heading);
        at.Should().BeGreaterThanOrEqualTo(0, because: $"the doc has a section '{heading}'");
        return string.Join('\n', lines.Skip(at + 1).TakeWhile(l => !l.StartsWith('#')));
    }

    /// <summary>The first table's first column: the field names in backticks.</summary>
    private static List<string> FieldColumn(string section) =>
        section.Split('\n').SkipWhile(l => !l.StartsWith("| field |", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => FirstCell().Match(l).Groups["name"].Value).ToList();

    [GeneratedRegex(@"^\| `(?<name>[A-Za-z]+)` \|")]
    private static partial Regex FirstCell();

    [GeneratedRegex(@"`(?<code>[^`]+)`")]
    private static partial Regex CodeSpans();

    [GeneratedRegex(@"```json\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
