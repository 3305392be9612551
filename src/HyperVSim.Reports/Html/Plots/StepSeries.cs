using HyperVSim.Model.Results;

namespace HyperVSim.Reports.Html.Plots;

/// <summary>Arithmetic on step series: each point's value holds until the next point, the last one until the end of the run.</summary>
internal static class StepSeries
{
    /// <summary>The area under the step function up to <paramref name="end"/> (for bytes/s: bytes).</summary>
    public static double Integral(TimeSeries s, double end)
    {
        double sum = 0;
        for (int i = 0; i < s.Points.Count; i++)
        {
            double from = s.Points[i].Time;
            double to = i + 1 < s.Points.Count ? s.Points[i + 1].Time : Math.Max(end, from);
            sum += s.Points[i].Value * (to - from);
        }

        return sum;
    }

    /// <summary>Coordinates to draw with a horizontal-then-vertical step, the last value carried to <paramref name="end"/>.</summary>
    public static (double[] Xs, double[] Ys) Coordinates(TimeSeries s, double end, double scale = 1)
    {
        var xs = s.Points.Select(p => p.Time).ToList();
        var ys = s.Points.Select(p => p.Value * scale).ToList();
        if (xs.Count > 0 && end > xs[^1])
        {
            xs.Add(end);
            ys.Add(ys[^1]);
        }

        return (xs.ToArray(), ys.ToArray());
    }
}
