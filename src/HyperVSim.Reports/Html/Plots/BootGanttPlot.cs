using System.Globalization;
using HyperVSim.Model.Results;
using ScottPlot;

namespace HyperVSim.Reports.Html.Plots;

/// <summary>
/// The per-VM boot Gantt chart: one row per boot (at most <see cref="MaxRows"/>, the first of each generation in equal
/// shares, in start order), from its request to its end,
/// the wait for a start slot in grey and each phase coloured by its kind. Drawn only when the run had boots.
/// </summary>
internal static class BootGanttPlot
{
    public const string Id = "plot-boot-gantt";
    public const string Title = "Boots by phase";
    public const int MaxRows = 40;
    private const double Thickness = 0.62;

    /// <summary>Phase kinds in legend order, with their colours.</summary>
    private static readonly (string Kind, Color Colour)[] Kinds =
    [
        ("waiting", PlotTheme.Queued),
        ("firmware", Color.FromHex("#8E6BBF")),
        ("secureBoot", Color.FromHex("#C5B0D5")),
        ("timeout", Color.FromHex("#D62728")),
        ("bootLoader", Color.FromHex("#F0A30A")),
        ("osLoad", Color.FromHex("#2F6FB3")),
        ("osInit", Color.FromHex("#2CA02C")),
        ("pxe", Color.FromHex("#17BECF")),
        ("dvd", Color.FromHex("#BCBD22")),
        ("winPe", Color.FromHex("#8C564B")),
        ("installCopy", Color.FromHex("#79A9DB")),
        ("installWrite", Color.FromHex("#FF7F0E")),
        ("setup", Color.FromHex("#E377C2")),
    ];

    public static PlotFigure? Build(SimulationResult r)
    {
        if (r.Boots.Count == 0)
        {
            return null;
        }

        BootRecord[] rows = Rows(r);
        Plot plot = PlotTheme.New("Simulated time (s)", string.Empty);
        var bars = new List<Bar>();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var used = new HashSet<string>(StringComparer.Ordinal);
        double start = double.MaxValue, end = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            BootRecord b = rows[i];
            double row = rows.Length - 1 - i;
            ticks.AddMajor(row, PlotTheme.Label($"{b.Vm} (gen {b.Generation.ToString(CultureInfo.InvariantCulture)})"));
            var stretches = new List<(double From, double To, string Kind)> { (b.RequestedAt, b.StartedAt, "waiting") };
            stretches.AddRange(b.Phases.Select(p => (p.Start, p.End, p.Kind)));
            foreach (var (from, to, kind) in stretches.Where(s => s.To > s.From))
            {
                used.Add(kind);
                start = Math.Min(start, from);
                end = Math.Max(end, to);
                bars.Add(new Bar { Position = row, ValueBase = from, Value = to, Size = Thickness, FillColor = ColourOf(kind), LineWidth = 0, Orientation = Orientation.Horizontal });
            }
        }

        if (bars.Count == 0)
        {
            return null;
        }

        plot.Add.Bars(bars);
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        double span = Math.Max(end - start, 1e-3);
        plot.Axes.SetLimits(Math.Max(0, start - (span * 0.02)), end + (span * 0.02), -0.6, rows.Length - 0.4);
        foreach (var (kind, colour) in Kinds.Where(k => used.Contains(k.Kind)))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = kind, FillColor = colour, LineWidth = 0 });
        }

        plot.ShowLegend(Edge.Bottom);
        plot.Legend.TightHorizontalWrapping = true;
        int height = Math.Max(220, 130 + (rows.Length * 22));
        string shown = r.Boots.Count > MaxRows ? $"{rows.Length.ToString(CultureInfo.InvariantCulture)} of {r.Boots.Count.ToString(CultureInfo.InvariantCulture)} boots, the first of each generation" : "every boot";
        string caption = $"One row per boot ({shown}), from the start request: grey while it waited for placement and a start slot, "
            + "then each phase of the boot model (firmware, device time-outs, boot loader, OS load through storage, OS start-up, and for an install PXE, Windows PE, image copy and write, setup).";
        return new PlotFigure(Id, Title, caption, PlotTheme.ToSvg(plot, Id, Title, height), null);
    }

    /// <summary>The boots drawn: every boot when they fit, else the first of each generation in equal shares, in start order.</summary>
    internal static BootRecord[] Rows(SimulationResult r)
    {
        if (r.Boots.Count <= MaxRows)
        {
            return [.. r.Boots];
        }

        var generations = r.Boots.GroupBy(b => b.Generation).ToArray();
        int share = MaxRows / generations.Length;
        return generations.SelectMany(g => g.Take(share)).OrderBy(b => b.StartedAt).ToArray(); // a stable sort: generation order at equal times
    }

    private static Color ColourOf(string kind) => Kinds.FirstOrDefault(k => k.Kind == kind) is { Kind: not null } k ? k.Colour : Colors.Gray;
}
