using System.Globalization;
using System.Text.RegularExpressions;
using HyperVSim.Experiments.Studies;
using HyperVSim.Reports.Studies;
using ScottPlot;

namespace HyperVSim.Reports.Html.Plots;

/// <summary>
/// One metric against one parameter: each point's mean as a marker with its 95% interval as a bar with caps. The x axis
/// is numeric when every value of the parameter is a number with the same unit (10Gbps, 40Gbps), else one slot per
/// value in the order the points name them. In a full grid, points that share the other parameters' values form a
/// series (joined by a line, one colour each, nudged apart so their bars do not overlap); otherwise (a Latin
/// hypercube) every point is its own marker in one series.
/// </summary>
internal static partial class StudyMetricPlot
{
    private const double Cap = 0.05;

    public static string Id(int metric, int parameter) => $"plot-m{metric.ToString(CultureInfo.InvariantCulture)}-p{parameter.ToString(CultureInfo.InvariantCulture)}";

    public static string Svg(StudyDefinition study, IReadOnlyList<(StudyPoint Point, IReadOnlyList<MetricSummary> Metrics)> rows, int metric, string path, string id, string title)
    {
        string[] paths = StudyCells.Paths(study);
        string[] values = rows.Select(r => StudyCells.ValueOf(r.Point, path)).ToArray();
        string[] distinct = values.Distinct(StringComparer.Ordinal).ToArray();
        (double Number, string Unit)?[] parsed = values.Select(Parse).ToArray();
        bool numeric = parsed.All(p => p is not null) && parsed.Select(p => p!.Value.Unit).Distinct(StringComparer.Ordinal).Count() == 1;
        double[] xs = numeric ? parsed.Select(p => p!.Value.Number).ToArray() : values.Select(v => (double)Array.IndexOf(distinct, v)).ToArray();
        string unit = numeric ? parsed[0]!.Value.Unit : string.Empty;

        string[] others = paths.Where(p => p != path).ToArray();
        bool grid = rows.Count == paths.Aggregate(1L, (n, p) => n * rows.Select(r => StudyCells.ValueOf(r.Point, p)).Distinct(StringComparer.Ordinal).Count());
        string[] keys = rows.Select(r => grid ? string.Join(", ", others.Select(o => $"{StudyCells.Short(o)}={StudyCells.ValueOf(r.Point, o)}")) : string.Empty).ToArray();
        string[] series = keys.Distinct(StringComparer.Ordinal).ToArray();

        // Nudge of series s, centred on the value, and the caps' half-width: fractions of a slot on a category axis,
        // of the axis range on a numeric one (small enough that a nudged marker is not read as another value).
        double[] sortedX = xs.Distinct().Order().ToArray();
        double unitWidth = numeric ? (sortedX.Length > 1 ? sortedX[^1] - sortedX[0] : 1) / 4 : 1;
        double step = series.Length > 1 ? Math.Min(0.1, 0.5 / series.Length) * unitWidth : 0;
        double cap = Cap * unitWidth;

        Plot plot = PlotTheme.New(numeric && unit.Length > 0 ? $"{path} ({unit})" : path, $"{study.Metrics[metric].Name} (mean, 95% CI)");
        for (int s = 0; s < series.Length; s++)
        {
            Color colour = PlotTheme.SeriesColor(s);
            double nudge = (s - ((series.Length - 1) / 2.0)) * step;
            int[] members = Enumerable.Range(0, rows.Count).Where(i => keys[i] == series[s] && rows[i].Metrics[metric].Mean is not null).OrderBy(i => xs[i]).ToArray();
            if (members.Length == 0)
            {
                continue;
            }

            foreach (int i in members)
            {
                MetricSummary m = rows[i].Metrics[metric];
                if (m.CiLow is { } lo && m.CiHigh is { } hi)
                {
                    double x = xs[i] + nudge;
                    foreach (var (x1, y1, x2, y2) in new[] { (x, lo, x, hi), (x - cap, lo, x + cap, lo), (x - cap, hi, x + cap, hi) })
                    {
                        var bar = plot.Add.Line(x1, y1, x2, y2);
                        bar.Color = colour;
                        bar.LineWidth = 1.5f;
                        bar.MarkerSize = 0;
                    }
                }
            }

            var dots = plot.Add.Scatter(members.Select(i => xs[i] + nudge).ToArray(), members.Select(i => rows[i].Metrics[metric].Mean!.Value).ToArray(), colour);
            dots.MarkerSize = 8;
            dots.LineWidth = grid ? 1.5f : 0;
            if (series.Length > 1)
            {
                dots.LegendText = PlotTheme.Label(series[s]);
            }
        }

        if (!numeric)
        {
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            for (int i = 0; i < distinct.Length; i++)
            {
                ticks.AddMajor(i, PlotTheme.Label(distinct[i]));
            }

            plot.Axes.Bottom.TickGenerator = ticks;
            plot.Axes.SetLimitsX(-0.5, distinct.Length - 0.5);
        }
        else if (sortedX.Length == 1)
        {
            plot.Axes.SetLimitsX(sortedX[0] - 1, sortedX[0] + 1);
        }

        if (series.Length > 1)
        {
            plot.ShowLegend(Edge.Bottom);
            plot.Legend.TightHorizontalWrapping = true;
        }

        return PlotTheme.ToSvg(plot, id, title, series.Length > 1 ? 420 : PlotTheme.Height);
    }

    /// <summary>A number with an optional unit after it (<c>40Gbps</c> → 40, "Gbps"; <c>2.5</c> → 2.5, ""); null otherwise.</summary>
    internal static (double Number, string Unit)? Parse(string value)
    {
        Match m = NumberThenUnit().Match(value);
        return m.Success && double.TryParse(m.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double n) ? (n, m.Groups["u"].Value) : null;
    }

    [GeneratedRegex(@"^\s*(?<n>[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?)\s*(?<u>[A-Za-z%/]*)\s*$")]
    private static partial Regex NumberThenUnit();
}
