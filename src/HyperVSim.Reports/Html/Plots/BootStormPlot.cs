using System.Globalization;
using HyperVSim.Model.Results;
using ScottPlot;

namespace HyperVSim.Reports.Html.Plots;

/// <summary>
/// The boot storm: for each VM generation, how many of its booting VMs were running over time (a step line per
/// generation, rising at each boot's runningAt). Drawn only when the run had boots.
/// </summary>
internal static class BootStormPlot
{
    public const string Id = "plot-boot-storm";
    public const string Title = "Boot storm";

    /// <summary>Per generation, the times its boots reached a running guest, sorted.</summary>
    public static IReadOnlyList<(int Generation, IReadOnlyList<double> RunningAt)> Lines(SimulationResult r) =>
        r.Boots.GroupBy(b => b.Generation).OrderBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<double>)g.Where(b => b.RunningAt is not null).Select(b => b.RunningAt!.Value).Order().ToArray()))
            .ToArray();

    public static PlotFigure? Build(SimulationResult r)
    {
        if (r.Boots.Count == 0)
        {
            return null;
        }

        Plot plot = PlotTheme.New("Simulated time (s)", "VMs running (count)");
        double start = r.Boots.Min(b => b.RequestedAt);
        double end = Math.Max(start + 1e-3, r.Boots.Max(b => b.RunningAt ?? b.StartedAt));
        double top = 1;
        foreach (var (generation, times) in Lines(r))
        {
            var xs = new List<double> { start };
            var ys = new List<double> { 0 };
            for (int i = 0; i < times.Count; i++)
            {
                xs.Add(times[i]);
                ys.Add(i + 1);
            }

            xs.Add(end);
            ys.Add(times.Count);
            top = Math.Max(top, times.Count);
            var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), PlotTheme.SeriesColor(generation - 1));
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = $"generation {generation.ToString(CultureInfo.InvariantCulture)}";
        }

        plot.Axes.SetLimits(start, end, 0, top * 1.1);
        plot.ShowLegend(Edge.Bottom);
        string caption = "For each VM generation, the number of its booting VMs whose guest was running, over simulated time, "
            + "from the first start request. Where the lines part, generation 2 saved its firmware and emulated boot loader; how "
            + "steep they rise is set by the start throttle and by the storage every boot reads through.";
        return new PlotFigure(Id, Title, caption, PlotTheme.ToSvg(plot, Id, Title, 300), null);
    }
}
