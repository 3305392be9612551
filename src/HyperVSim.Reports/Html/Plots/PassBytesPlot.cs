using System.Globalization;
using HyperVSim.Model.Results;
using ScottPlot;

namespace HyperVSim.Reports.Html.Plots;

/// <summary>Memory copied in each pre-copy pass as grouped bars, one colour per migration: a converging migration's bars shrink pass by pass.</summary>
internal static class PassBytesPlot
{
    public const string Id = "plot-passes";
    private const string Title = "Bytes per pre-copy pass";
    private const int MaxLegendEntries = 12;
    private const double GroupWidth = 0.8;
    private const double GiB = 1024.0 * 1024 * 1024;

    public static PlotFigure Build(SimulationResult r)
    {
        var withPasses = r.Migrations
            .Select(m => (Migration: m, Passes: m.Phases.Where(p => p.Kind == PhaseKind.Pass).Select((p, k) => (Index: p.Pass ?? k, p.Bytes)).ToArray()))
            .Where(x => x.Passes.Length > 0)
            .ToArray();
        if (withPasses.Length == 0)
        {
            return PlotFigure.Skipped(Id, Title, "No pre-copy passes in this run: there are no per-pass bytes to draw.");
        }

        Plot plot = PlotTheme.New("Pre-copy pass", "Memory copied (GiB)");
        int count = withPasses.Length;
        double width = GroupWidth / count;
        for (int j = 0; j < count; j++)
        {
            var (m, passes) = withPasses[j];
            Color colour = PlotTheme.SeriesColor(j);
            double offset = (j - ((count - 1) / 2.0)) * width;
            var bars = passes.Select(p => new Bar
            {
                Position = p.Index + offset,
                Value = p.Bytes / GiB,
                Size = width * 0.92,
                FillColor = colour,
                LineWidth = 0,
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            if (count <= MaxLegendEntries)
            {
                plottable.LegendText = PlotTheme.MigrationLabel(m);
            }
        }

        int first = withPasses.Min(x => x.Passes.Min(p => p.Index));
        int last = withPasses.Max(x => x.Passes.Max(p => p.Index));
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int k = first; k <= last; k++)
        {
            ticks.AddMajor(k, k.ToString(CultureInfo.InvariantCulture));
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        double top = withPasses.Max(x => x.Passes.Max(p => p.Bytes)) / GiB;
        plot.Axes.SetLimits(first - 0.5, last + 0.5, 0, Math.Max(top * 1.08, 1e-6));
        bool legend = count <= MaxLegendEntries;
        if (legend)
        {
            plot.ShowLegend(Edge.Right);
        }
        else
        {
            plot.HideLegend();
        }

        string caption = $"Memory pages sent in each pass while the VM kept running, before compression; the first pass (pass {first.ToString(CultureInfo.InvariantCulture)}) copies all of memory. "
            + "Bars that shrink quickly mean pre-copy converged; bars that stay tall mean the guest dirtied memory about as fast as it was sent."
            + (legend ? string.Empty : $" One colour per migration ({count.ToString(CultureInfo.InvariantCulture)}); too many for a legend.");
        return new PlotFigure(Id, Title, caption, PlotTheme.ToSvg(plot, Id, Title), null);
    }
}
