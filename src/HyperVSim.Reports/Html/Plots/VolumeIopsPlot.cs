using HyperVSim.Model.Results;
using ScottPlot;

namespace HyperVSim.Reports.Html.Plots;

/// <summary>Each volume's achieved IOPS over time (the sum over the disks doing I/O on it), as step lines.</summary>
internal static class VolumeIopsPlot
{
    public const string Id = "plot-volume-iops";
    private const string Title = "Volume IOPS";

    public static PlotFigure Build(SimulationResult r)
    {
        TimeSeries[] series = r.Series.Where(s => s.Unit == "IOPS" && s.Points.Count > 1).ToArray();
        if (series.Length == 0)
        {
            return PlotFigure.Skipped(Id, Title, "No volume carried disk I/O in this run.");
        }

        Plot plot = PlotTheme.New("Simulated time (s)", "IOPS");
        double top = 0;
        for (int i = 0; i < series.Length; i++)
        {
            var (xs, ys) = StepSeries.Coordinates(series[i], r.SimulatedSeconds, 1);
            top = Math.Max(top, ys.Max());
            var line = plot.Add.Scatter(xs, ys, PlotTheme.SeriesColor(i));
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = PlotTheme.Label(series[i].Name);
        }

        plot.Axes.SetLimits(0, Math.Max(r.SimulatedSeconds, 1e-3), 0, Math.Max(top * 1.1, 1e-6));
        plot.ShowLegend(Edge.Right);
        string caption = "I/Os per second each volume served, summed over its disks' I/O flows; a dip is a VM stopped, paused for a migration's blackout, or throttled by a share it lost.";
        return new PlotFigure(Id, Title, caption, PlotTheme.ToSvg(plot, Id, Title), null);
    }
}
