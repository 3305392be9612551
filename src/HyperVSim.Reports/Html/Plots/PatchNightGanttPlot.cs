using HyperVSim.Experiments.Planning;
using HyperVSim.Reports.Planning;
using ScottPlot;

namespace HyperVSim.Reports.Html.Plots;

/// <summary>The patch-night Gantt: one row per node in plan order, each phase of its maintenance a coloured bar, in minutes from the plan's start.</summary>
internal static class PatchNightGanttPlot
{
    public const string Id = "plot-patch-night";
    public const string Title = "Patch night, node by node";

    private static readonly Dictionary<string, Color> Colours = new(StringComparer.Ordinal)
    {
        ["drain"] = PlotTheme.Pass,
        ["install"] = Color.FromHex("#F0A30A"),
        ["reboot"] = Color.FromHex("#D62728"),
        ["rejoin"] = PlotTheme.Setup,
        ["failback"] = Color.FromHex("#2CA02C"),
    };

    public static string Svg(PatchNightPlan plan)
    {
        Plot plot = PlotTheme.New("Minutes from the start of the plan", string.Empty);
        var bars = new List<Bar>();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        double start = plan.Options.Start.Seconds;
        for (int i = 0; i < plan.Nodes.Count; i++)
        {
            NodeWindow n = plan.Nodes[i];
            double row = plan.Nodes.Count - 1 - i;
            ticks.AddMajor(row, PlotTheme.Label(n.Host));
            (string Phase, double From, double To)[] phases =
            [
                ("drain", n.Start, n.DrainEnd), ("install", n.DrainEnd, n.InstallEnd), ("reboot", n.InstallEnd, n.UpAt),
                ("rejoin", n.UpAt, n.ResumedAt), ("failback", n.ResumedAt, n.DoneAt),
            ];
            foreach (var (phase, from, to) in phases.Where(p => p.To > p.From))
            {
                bars.Add(new Bar
                {
                    Position = row,
                    ValueBase = (from - start) / 60,
                    Value = (to - start) / 60,
                    Size = 0.6,
                    FillColor = Colours[phase],
                    LineWidth = 0,
                    Orientation = Orientation.Horizontal,
                });
            }
        }

        plot.Add.Bars(bars);
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        double end = plan.TotalSeconds / 60;
        plot.Axes.SetLimits(0, Math.Max(end, 1e-3) * 1.02, -0.6, plan.Nodes.Count - 0.4);
        foreach (var (phase, _) in PatchNightText.Phases)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = phase, FillColor = Colours[phase], LineWidth = 0 });
        }

        plot.ShowLegend(Edge.Bottom);
        plot.Legend.TightHorizontalWrapping = true;
        return PlotTheme.ToSvg(plot, Id, Title, Math.Max(240, 130 + (plan.Nodes.Count * 40)));
    }
}
