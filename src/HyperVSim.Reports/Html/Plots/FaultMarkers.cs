using HyperVSim.Model.Results;
using ScottPlot;

namespace HyperVSim.Reports.Html.Plots;

/// <summary>
/// Marks a run's faults on a time plot: a dashed red vertical line at each failover's <c>at</c>, labelled with the fault
/// and its target, and an orange downward triangle at its <c>detectedAt</c>.
/// </summary>
internal static class FaultMarkers
{
    public static readonly Color Fault = Color.FromHex("#B42318");
    public static readonly Color Detected = Color.FromHex("#E07A10");

    public const string Caption = "Dashed red lines mark faults (labelled with what failed); orange triangles mark when the cluster detected each.";

    /// <summary>Adds the markers; <paramref name="labelAt"/> and <paramref name="detectedAt"/> are heights in the plot's units (null: no labels or triangles).</summary>
    public static void Add(Plot plot, SimulationResult r, double? labelAt, double? detectedAt)
    {
        foreach (FailoverRecord f in r.Failovers)
        {
            var line = plot.Add.VerticalLine(f.At, 1.5f, Fault);
            line.LinePattern = LinePattern.Dashed;
            line.ExcludeFromLegend = true;
            if (labelAt is { } y)
            {
                var label = plot.Add.Text(PlotTheme.Label($"{f.Fault} {f.Target}"), f.At, y);
                label.LabelFontSize = 11;
                label.LabelFontColor = Fault;
                label.LabelBold = true;
                label.LabelAlignment = Alignment.UpperLeft;
                label.LabelOffsetX = 3;
            }

            if (f.DetectedAt is { } d && detectedAt is { } dy)
            {
                plot.Add.Marker(d, dy, MarkerShape.FilledTriangleDown, 11, Detected);
            }
        }
    }
}
