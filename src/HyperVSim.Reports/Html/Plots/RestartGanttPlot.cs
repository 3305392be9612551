using System.Globalization;
using HyperVSim.Model.Results;
using ScottPlot;

namespace HyperVSim.Reports.Html.Plots;

/// <summary>
/// The restart Gantt chart: one row per VM a fault affected, from the fault until it ran again (or the end of the run),
/// each stretch coloured by the state its timeline gives (failed, off, starting, ...), with the faults marked.
/// Drawn only when the run had failovers that affected VMs.
/// </summary>
internal static class RestartGanttPlot
{
    public const string Id = "plot-restarts";
    public const string Title = "VM restarts after faults";
    private const double Thickness = 0.62;

    /// <summary>States in legend order, with their colours.</summary>
    private static readonly (string State, Color Colour)[] States =
    [
        ("failed", Color.FromHex("#D62728")),
        ("off", Color.FromHex("#8A8F98")),
        ("saved", Color.FromHex("#6B8BA4")),
        ("paused", Color.FromHex("#9467BD")),
        ("starting", Color.FromHex("#F0A30A")),
        ("migrating", Color.FromHex("#2F6FB3")),
        ("running", Color.FromHex("#2CA02C")),
    ];

    /// <summary>The VMs the faults affected, in the order the faults met them, each with its windows (fault → running again or end).</summary>
    public static IReadOnlyList<(string Vm, IReadOnlyList<(double From, double To)> Windows)> Rows(SimulationResult r)
    {
        var rows = new List<(string Vm, List<(double, double)> Windows)>();
        foreach (FailoverRecord f in r.Failovers)
        {
            var affected = f.Vms.Select(v => (v.Vm, v.RunningAt)).Concat(f.NotRecovered.Where(n => f.Vms.All(v => v.Vm != n.Vm)).Select(n => (n.Vm, (double?)null)));
            foreach (var (vm, runningAt) in affected)
            {
                int i = rows.FindIndex(x => x.Vm == vm);
                if (i < 0)
                {
                    rows.Add((vm, []));
                    i = rows.Count - 1;
                }

                rows[i].Windows.Add((f.At, Math.Max(f.At, runningAt ?? r.SimulatedSeconds)));
            }
        }

        return rows.Select(x => (x.Vm, (IReadOnlyList<(double, double)>)x.Windows)).ToArray();
    }

    public static PlotFigure? Build(SimulationResult r)
    {
        var rows = Rows(r);
        if (rows.Count == 0)
        {
            return null;
        }

        Plot plot = PlotTheme.New("Simulated time (s)", string.Empty);
        var bars = new List<Bar>();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var used = new HashSet<string>(StringComparer.Ordinal);
        double start = double.MaxValue, end = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            var (vm, windows) = rows[i];
            double row = rows.Count - 1 - i;
            ticks.AddMajor(row, PlotTheme.Label(RowLabel(r, vm)));
            IReadOnlyList<VmTimelineEntry> timeline = r.Vms.FirstOrDefault(v => v.Name == vm)?.Timeline ?? [];
            foreach (var (from, to) in windows)
            {
                start = Math.Min(start, from);
                end = Math.Max(end, to);
                foreach (var (a, b, state) in Stretches(timeline, from, to))
                {
                    used.Add(state);
                    bars.Add(new Bar
                    {
                        Position = row,
                        ValueBase = a,
                        Value = b,
                        Size = Thickness,
                        FillColor = ColourOf(state),
                        LineWidth = 0,
                        Orientation = Orientation.Horizontal,
                    });
                }
            }
        }

        plot.Add.Bars(bars);
        FaultMarkers.Add(plot, r, labelAt: null, detectedAt: null);
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        double span = Math.Max(end - start, 1e-3);
        plot.Axes.SetLimits(Math.Max(0, start - (span * 0.02)), end + (span * 0.02), -0.6, rows.Count - 0.4);
        foreach (var (state, colour) in States.Where(s => used.Contains(s.State)))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = state, FillColor = colour, LineWidth = 0 });
        }

        plot.ShowLegend(Edge.Bottom);
        plot.Legend.TightHorizontalWrapping = true;
        int height = Math.Max(220, 110 + (rows.Count * 30));
        string caption = $"One row per VM a fault affected ({rows.Count.ToString(CultureInfo.InvariantCulture)}), from the fault until the VM ran again, "
            + "or until the end of the run when it did not; each stretch is coloured by the VM's state. Dashed red lines mark the faults.";
        return new PlotFigure(Id, Title, caption, PlotTheme.ToSvg(plot, Id, Title, height), null);
    }

    /// <summary>The timeline cut to [from, to): each state with the time it held (the state in force at <paramref name="from"/> first).</summary>
    internal static IEnumerable<(double From, double To, string State)> Stretches(IReadOnlyList<VmTimelineEntry> timeline, double from, double to)
    {
        string state = timeline.LastOrDefault(e => e.At <= from)?.State ?? "failed";
        double at = from;
        foreach (VmTimelineEntry e in timeline.Where(e => e.At > from && e.At < to))
        {
            if (e.At > at)
            {
                yield return (at, e.At, state);
            }

            (at, state) = (e.At, e.State);
        }

        if (to > at)
        {
            yield return (at, to, state);
        }
    }

    /// <summary>"vm → host" where it last ran again after a fault, "vm (not recovered)" when it did not.</summary>
    private static string RowLabel(SimulationResult r, string vm)
    {
        FailoverRecord? last = r.Failovers.LastOrDefault(f => f.Vms.Any(v => v.Vm == vm) || f.NotRecovered.Any(n => n.Vm == vm));
        string? host = last?.Vms.FirstOrDefault(v => v.Vm == vm && v.RunningAt is not null)?.Host;
        return host is null ? $"{vm} (not recovered)" : $"{vm} \u2192 {host}";
    }

    private static Color ColourOf(string state) => States.FirstOrDefault(s => s.State == state) is { State: not null } s ? s.Colour : Colors.Gray;
}
