using HyperVSim.Model.Results;
using ScottPlot;

namespace HyperVSim.Reports.Html.Plots;

/// <summary>
/// How many VMs were running over the run, as a step line: dips are outages, blackouts too short to see are not.
/// Faults are marked where they happened, and where the cluster detected them.
/// </summary>
internal static class RunningVmsPlot
{
    public const string Id = "plot-running";
    public const string SeriesName = "runningVms";
    private const string Title = "Running VMs";

    public static PlotFigure Build(SimulationResult r)
    {
        TimeSeries? s = r.Series.FirstOrDefault(x => x.Name == SeriesName);
        if (s is null || s.Points.Count == 0)
        {
            return PlotFigure.Skipped(Id, Title, "This run recorded no running-VM series: there is nothing to draw.");
        }

        Plot plot = PlotTheme.New("Simulated time (s)", "Running VMs (count)");
        var (xs, ys) = StepSeries.Coordinates(s, r.SimulatedSeconds);
        var line = plot.Add.Scatter(xs, ys, PlotTheme.SeriesColor(2));
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.MarkerSize = 0;
        line.LineWidth = 2;
        line.FillY = true;
        line.FillYColor = PlotTheme.SeriesColor(2).WithAlpha(0.15);

        double top = Math.Max(1, ys.Max());
        double step = Math.Max(1, Math.Ceiling(top / 8));
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(step)
        {
            LabelFormatter = v => v.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
        };
        plot.Axes.SetLimits(0, Math.Max(xs[^1], 1e-3), 0, top * (r.Failovers.Count > 0 ? 1.35 : 1.15));
        FaultMarkers.Add(plot, r, labelAt: top * 1.3, detectedAt: top * 1.12);

        string caption = "Number of VMs in the running state over simulated time. Each brief dip is a VM paused for a live "
            + "migration's blackout and switch-over; a lasting step down is a VM that failed or was turned off."
            + (r.Failovers.Count > 0 ? " " + FaultMarkers.Caption : string.Empty);
        return new PlotFigure(Id, Title, caption, PlotTheme.ToSvg(plot, Id, Title, 300), null);
    }
}
