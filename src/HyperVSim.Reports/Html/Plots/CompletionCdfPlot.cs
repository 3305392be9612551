using System.Globalization;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Text;
using ScottPlot;

namespace HyperVSim.Reports.Html.Plots;

/// <summary>The empirical distribution (CDF) of completed migrations' total times: the fraction that finished within each duration.</summary>
internal static class CompletionCdfPlot
{
    public const string Id = "plot-cdf";
    private const string Title = "Distribution of migration times";

    public static PlotFigure Build(SimulationResult r)
    {
        double[] totals = r.Migrations
            .Where(m => m.Result == MigrationResult.Completed && m.TotalSeconds is not null)
            .Select(m => m.TotalSeconds!.Value)
            .Order()
            .ToArray();
        if (totals.Length == 0)
        {
            return PlotFigure.Skipped(Id, Title, "No migration completed in this run: there is no distribution to draw.");
        }

        int n = totals.Length;
        double[] xs = [totals[0], .. totals];
        double[] ys = [0, .. Enumerable.Range(1, n).Select(i => i / (double)n)];

        Plot plot = PlotTheme.New("Migration total time, start to end (s)", "Fraction of completed migrations");
        var line = plot.Add.Scatter(xs, ys, PlotTheme.SeriesColor(0));
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.LineWidth = 2;
        line.MarkerSize = n <= 60 ? 6 : 0;

        double max = totals[^1];
        plot.Axes.SetLimits(0, Math.Max(max * 1.05, 1e-3), 0, 1.05);

        double median = n % 2 == 1 ? totals[n / 2] : (totals[(n / 2) - 1] + totals[n / 2]) / 2;
        string caption = $"{n.ToString(CultureInfo.InvariantCulture)} completed migration{(n == 1 ? string.Empty : "s")} (queueing excluded): median {HumanUnits.Seconds(median)}, "
            + $"fastest {HumanUnits.Seconds(totals[0])}, slowest {HumanUnits.Seconds(max)}. Read a point as: this fraction finished within that time.";
        return new PlotFigure(Id, Title, caption, PlotTheme.ToSvg(plot, Id, Title, 320), null);
    }
}
