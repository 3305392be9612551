using System.Globalization;
using System.Text;
using HyperVSim.Experiments.Studies;

namespace HyperVSim.Reports.Text;

/// <summary>A study's summary for the console: one row per point, its parameter values, and per metric "mean ± half-width (n)".</summary>
public static class StudyTable
{
    public static string Format(StudyDefinition study, IReadOnlyList<(StudyPoint Point, IReadOnlyList<MetricSummary> Metrics)> rows)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(rows);
        string[] paths = study.Points.SelectMany(p => p.Settings.Select(s => s.Path)).Distinct(StringComparer.Ordinal).ToArray();
        var header = new List<string> { "point" };
        header.AddRange(paths.Select(p => p.Split('.')[^1]));
        header.AddRange(study.Metrics.Select(m => $"{m.Name} (mean ± 95% CI)"));
        var table = new List<string[]> { header.ToArray() };
        foreach (var (point, metrics) in rows)
        {
            var cells = new List<string> { point.Index.ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(paths.Select(p => point.Settings.FirstOrDefault(s => s.Path == p)?.Value ?? ""));
            cells.AddRange(metrics.Select(Cell));
            table.Add(cells.ToArray());
        }

        int[] widths = Enumerable.Range(0, header.Count).Select(c => table.Max(r => r[c].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (string[] r in table)
        {
            sb.Append("  ").AppendJoin("   ", r.Select((c, i) => c.PadRight(widths[i]))).Append('\n');
        }

        return sb.ToString();
    }

    private static string Cell(MetricSummary m) => m.Mean is not { } mean
        ? "no value"
        : m.CiHigh is { } high
            ? string.Create(CultureInfo.InvariantCulture, $"{mean:G6} ± {high - mean:G3} (n={m.N})")
            : string.Create(CultureInfo.InvariantCulture, $"{mean:G6} (n={m.N})");
}
