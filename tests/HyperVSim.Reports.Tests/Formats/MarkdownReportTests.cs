using HyperVSim.Reports;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Markdown;

namespace HyperVSim.Reports.Tests.Formats;

/// <summary>The Markdown summary: GitHub tables with a row per migration, drain and VM, and names that cannot break a row or render as markup.</summary>
public sealed partial class MarkdownReportTests
{
    private const int MigrationColumns = 12;

    public static TheoryData<string> Runs => ReportRuns.Names;

    [Theory]
    [MemberData(nameof(Runs))]
    public void Every_table_has_a_row_per_record(string run)
    {
        SimulationResult r = ReportRuns.Named(run);
        string md = MarkdownReport.ToMarkdown(r);

        List<string[]> migrations = Table(md, "Live migrations");
        migrations.Should().HaveCount(r.Migrations.Count);
        migrations.Select(row => row.Length).Should().AllBeEquivalentTo(MigrationColumns);
        migrations.Select(row => Unescape(row[0])).Should().Equal(r.Migrations.Select(m => m.Vm));
        migrations.Select(row => Unescape(row[^1])).Should().Equal(r.Migrations.Select(m => WireNames.Of(m.Result) + (m.Reason is null ? string.Empty : ": " + m.Reason)));
        Table(md, "Node drains").Select(row => Unescape(row[0])).Should().Equal(r.Drains.Select(d => d.Host));
        Table(md, "VMs").Select(row => Unescape(row[0])).Should().Equal(r.Vms.Select(v => v.Name));
        md.Should().Contain($"{r.Migrations.Count} migrations, {r.Migrations.Count(m => m.Result == MigrationResult.Completed)} completed, {r.Migrations.Count(m => m.Result == MigrationResult.Failed)} failed.");
    }

    [Fact]
    public void A_pipe_in_a_name_is_escaped_and_stays_in_its_cell()
    {
        string md = MarkdownReport.ToMarkdown(ReportRuns.SingleResult);

        md.Should().Contain("| web,\"blue\"\\|1 | hv1 | hv2 | precopy | smb |");
        md.Should().StartWith("## HyperVSim: single \\| move, \"quoted\"\n");
        Table(md, "Live migrations").Single().Should().HaveCount(MigrationColumns);
        Table(md, "VMs").Select(row => row.Length).Should().AllBeEquivalentTo(6);
    }

    [Fact]
    public void Names_that_look_like_markup_come_out_as_written()
    {
        string[] names = ["a|b", "back\\slash", "end\\", "x&lt;y", "<b>bold</b>", "&amp;", "|"];
        var result = new SimulationResult
        {
            Scenario = "markup",
            Seed = 1,
            SimulatedSeconds = 10,
            EventsProcessed = 0,
            Migrations = names.Select(n => new MigrationRecord
            {
                Vm = n, From = "hv1", To = n, Option = "tcpip", RequestedAt = 1, Result = MigrationResult.Failed, Reason = $"because {n}", CompletedAt = 1,
            }).ToArray(),
            Vms = names.Select(n => new VmRecord(n, "hv1", "running", 0, 0)).ToArray(),
        };

        string md = MarkdownReport.ToMarkdown(result);

        List<string[]> rows = Table(md, "Live migrations");
        rows.Should().OnlyContain(row => row.Length == MigrationColumns);
        rows.Select(row => Unescape(row[0])).Should().Equal(names);
        rows.Select(row => Unescape(row[2])).Should().Equal(names);
        rows.Select(row => Unescape(row[^1])).Should().Equal(names.Select(n => $"failed: because {n}"));
        Table(md, "VMs").Select(row => Unescape(row[0])).Should().Equal(names);
        md.Should().NotContain("<b>", because: "no raw HTML gets through");
        md.Should().Contain("x&amp;lt;y", because: "an entity in a name is shown, not decoded");
    }

    [Fact]
    public void A_line_break_in_a_name_does_not_end_the_row()
    {
        var result = new SimulationResult
        {
            Scenario = "two\nlines",
            Seed = 1,
            SimulatedSeconds = 1,
            EventsProcessed = 0,
            Migrations = [],
            Vms = [new VmRecord("a\r\nb", null, "off", 0, 0)],
        };

        string md = MarkdownReport.ToMarkdown(result);

        md.Should().StartWith("## HyperVSim: two lines\n");
        Table(md, "VMs").Should().ContainSingle().Which.Should().Equal("a  b", "-", "off", "0", "0 ms", "100.00%");
    }

    /// <summary>The body rows of the table under <c>### heading</c>, split into cells at unescaped pipes; empty when there is no such section.</summary>
    private static List<string[]> Table(string md, string heading)
    {
        string[] lines = md.Split('\n');
        int at = Array.IndexOf(lines, "### " + heading);
        if (at < 0)
        {
            return [];
        }

        lines[at + 1].Should().BeEmpty();
        lines[at + 2].Should().StartWith("| ");
        lines[at + 3].Should().MatchRegex(@"^\|( ---:? \|)+$");
        return lines.Skip(at + 4).TakeWhile(l => l.Length > 0).Select(Cells).ToList();
    }

    /// <summary>Cells of a row: split at pipes not escaped by a backslash (a backslash escapes the next character), trimmed; escapes kept.</summary>
    private static string[] Cells(string row)
    {
        row.Should().StartWith("| ").And.EndWith(" |");
        var cells = new List<string>();
        var cell = new StringBuilder();
        for (int i = 1; i < row.Length; i++)
        {
            char c = row[i];
            if (c == '\\' && i + 1 < row.Length)
            {
                cell.Append(c).Append(row[++i]);
            }
            else if (c == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cell.ToString().Should().BeEmpty(because: "the row ends with a pipe");
        return cells.ToArray();
    }

    /// <summary>What a Markdown renderer shows for a cell: backslash escapes and the two entities the writer uses resolved.</summary>
    private static string Unescape(string cell) =>
        Escape().Replace(cell, m => m.Value[0] == '\\' ? m.Value[1..] : m.Value == "&lt;" ? "<" : "&");

    [GeneratedRegex(@"\\[\\|]|&lt;|&amp;")]
    private static partial Regex Escape();
}
