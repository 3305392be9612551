using System.Globalization;
using HyperVSim.Model.Results;
using ScottPlot;

namespace HyperVSim.Reports.Html.Plots;

/// <summary>Throughput of each NIC direction that carried traffic, as step lines in Gbit/s; only the busiest few when there are many.</summary>
internal static class NicThroughputPlot
{
    public const string Id = "plot-nics";
    public const int MaxSeries = 8;
    private const string Title = "NIC throughput";

    public static PlotFigure Build(SimulationResult r)
    {
        var busy = r.Series
            .Where(s => s.Unit == "bytes/s" && s.Points.Count > 0)
            .Select((s, order) => (Series: s, Order: order, Bytes: StepSeries.Integral(s, r.SimulatedSeconds)))
            .Where(x => x.Bytes > 0)
            .ToArray();
        if (busy.Length == 0)
        {
            return PlotFigure.Skipped(Id, Title, "No NIC carried traffic in this run: there is no throughput to draw.");
        }

        var shown = busy
            .OrderByDescending(x => x.Bytes)
            .ThenBy(x => x.Series.Name, StringComparer.Ordinal)
            .Take(MaxSeries)
            .OrderBy(x => x.Order)
            .ToArray();

        Plot plot = PlotTheme.New("Simulated time (s)", "Throughput (Gbit/s)");
        double top = 0;
        for (int i = 0; i < shown.Length; i++)
        {
            TimeSeries s = shown[i].Series;
            var (xs, ys) = StepSeries.Coordinates(s, r.SimulatedSeconds, 8 / 1e9);
            top = Math.Max(top, ys.Max());
            var line = plot.Add.Scatter(xs, ys, PlotTheme.SeriesColor(i));
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LinePattern = s.Name.EndsWith(" rx", StringComparison.Ordinal) ? LinePattern.Dashed : LinePattern.Solid;
            line.LegendText = PlotTheme.Label(s.Name);
        }

        double end = Math.Max(r.SimulatedSeconds, shown.Max(x => x.Series.Points[^1].Time));
        plot.Axes.SetLimits(0, Math.Max(end, 1e-3), 0, Math.Max(top * 1.1, 1e-6));
        plot.ShowLegend(Edge.Right);

        string which = busy.Length > shown.Length
            ? $"The {shown.Length.ToString(CultureInfo.InvariantCulture)} busiest of {busy.Length.ToString(CultureInfo.InvariantCulture)} NIC directions that carried traffic, by bytes moved."
            : $"Every NIC direction that carried traffic ({shown.Length.ToString(CultureInfo.InvariantCulture)}).";
        string caption = which + " Solid lines transmit (tx), dashed lines receive (rx); a sending NIC and its receiving peer often overlap.";
        return new PlotFigure(Id, Title, caption, PlotTheme.ToSvg(plot, Id, Title), null);
    }
}
