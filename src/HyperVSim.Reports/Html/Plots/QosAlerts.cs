using HyperVSim.Model.Results;
using ScottPlot;

namespace HyperVSim.Reports.Html.Plots;

/// <summary>
/// Storage QoS alerts on the migration timeline: one row per disk with events, an amber bar from each 32930 (below its
/// minimum) to the 32931 that clears it (or the end of the run), a downward triangle at each 32930 and an upward one at each 32931.
/// </summary>
internal static class QosAlerts
{
    public static readonly Color Alerting = Color.FromHex("#E0A526");
    public static readonly Color Raised = Color.FromHex("#B45309");
    public static readonly Color Cleared = Color.FromHex("#2CA02C");

    public const string Caption = "Rows labelled QoS are disks with a Storage QoS minimum: amber from event 32930 (below its minimum, a downward triangle) until event 32931 (recovered, an upward triangle) or the end of the run.";

    private const double Thickness = 0.3;

    /// <summary>The disks with QoS events, in order of their first event, each with its events in time order.</summary>
    public static IReadOnlyList<(string Label, QosEventRecord[] Events)> Rows(SimulationResult r) =>
        r.QosEvents.GroupBy(q => (q.Vm, q.Disk))
            .Select(g => (PlotTheme.Label($"QoS {g.Key.Vm}/{g.Key.Disk}"), g.OrderBy(q => q.At).ToArray()))
            .ToArray();

    /// <summary>Adds the rows from <paramref name="firstRow"/> downwards; returns the latest time drawn.</summary>
    public static double Add(Plot plot, ScottPlot.TickGenerators.NumericManual ticks, IReadOnlyList<(string Label, QosEventRecord[] Events)> rows, int firstRow, double runEnd)
    {
        double end = 0;
        var bars = new List<Bar>();
        var markers = new List<(double At, double Row, bool Raised)>();
        for (int i = 0; i < rows.Count; i++)
        {
            double row = firstRow - i;
            ticks.AddMajor(row, rows[i].Label);
            double? raisedAt = null;
            foreach (QosEventRecord q in rows[i].Events)
            {
                bool raised = q.Id == 32930;
                markers.Add((q.At, row, raised));
                if (raised)
                {
                    raisedAt ??= q.At;
                }
                else if (raisedAt is { } from)
                {
                    bars.Add(TimelinePlot.Span(row, from, q.At, Alerting, Thickness));
                    raisedAt = null;
                }

                end = Math.Max(end, q.At);
            }

            if (raisedAt is { } open)
            {
                bars.Add(TimelinePlot.Span(row, open, Math.Max(open, runEnd), Alerting, Thickness));
                end = Math.Max(end, runEnd);
            }
        }

        // The bars first, so the triangles are drawn over them.
        if (bars.Count > 0)
        {
            plot.Add.Bars(bars);
        }

        foreach (var (at, row, raised) in markers)
        {
            plot.Add.Marker(at, row, raised ? MarkerShape.FilledTriangleDown : MarkerShape.FilledTriangleUp, 10, raised ? Raised : Cleared);
        }

        return end;
    }
}
