using System.Globalization;
using System.Text;
using HyperVSim.Experiments.Studies;
using HyperVSim.Reports.Markdown;

namespace HyperVSim.Reports.Studies;

/// <summary>
/// <c>summary.md</c>: the study's summary as Markdown tables (docs/studies.md "Result files"): per point its parameter
/// values and per metric the mean with its 95% interval; then per point after the first its difference from point 0
/// with the Welch 95% interval, in bold where the interval excludes 0.
/// </summary>
public sealed class StudyMarkdown : ISummaryFormat
{
    public string FileName => "summary.md";

    public string Render(StudyDefinition study, IReadOnlyList<(StudyPoint Point, IReadOnlyList<MetricSummary> Metrics)> rows, IReadOnlyList<IReadOnlyList<MetricDifference?>>? differences)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(rows);
        string[] paths = StudyCells.Paths(study);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Study {MarkdownReport.Cell(study.Name)}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Seed {study.Seed}, {study.Points.Count} points \u00d7 {study.Replications} replications = {study.Cases} cases. ");
        md.Append("Parameters: ").AppendJoin(", ", paths.Select(p => $"`{p}`")).Append(". ");
        md.Append("Metrics: ").AppendJoin(", ", study.Metrics.Select(m => $"{MarkdownReport.Cell(m.Name)} = {m.Aggregate} of `{m.Field}`")).Append(".\n\n");
        md.Append("Each cell: mean [95% confidence interval, Student t] over the replications (n); \"-\" where no replication had a value.\n\n");
        Header(md, paths, study.Metrics.Select(m => m.Name));
        foreach (var (point, metrics) in rows)
        {
            Row(md, point, paths, metrics.Select(StudyCells.Summary));
        }

        if (differences is not null && rows.Count > 1)
        {
            md.Append("\n## Against point 0\n\n");
            md.Append(CultureInfo.InvariantCulture, $"Difference of means from point 0 ({MarkdownReport.Cell(rows[0].Point.ToString())}) with its Welch 95% interval; ");
            md.Append("**bold** where the interval excludes 0 (significant at 5%).\n\n");
            Header(md, paths, study.Metrics.Select(m => m.Name));
            foreach (var (point, _) in rows.Skip(1))
            {
                Row(md, point, paths, differences[point.Index].Select(d => d is { Significant: true } ? $"**{StudyCells.Difference(d)}**" : StudyCells.Difference(d)));
            }
        }

        return md.ToString();
    }

    private static void Header(StringBuilder md, string[] paths, IEnumerable<string> metrics)
    {
        string[] names = metrics.Select(MarkdownReport.Cell).ToArray();
        md.Append("| point | ").AppendJoin(" | ", paths.Select(p => MarkdownReport.Cell(StudyCells.Short(p)))).Append(" | ").AppendJoin(" | ", names).Append(" |\n");
        md.Append("| ---: | ").AppendJoin(" | ", paths.Select(_ => "---")).Append(" | ").AppendJoin(" | ", names.Select(_ => "---:")).Append(" |\n");
    }

    private static void Row(StringBuilder md, StudyPoint point, string[] paths, IEnumerable<string> cells) =>
        md.Append(CultureInfo.InvariantCulture, $"| {point.Index} | ").AppendJoin(" | ", paths.Select(p => MarkdownReport.Cell(StudyCells.ValueOf(point, p))))
            .Append(" | ").AppendJoin(" | ", cells).Append(" |\n");
}
