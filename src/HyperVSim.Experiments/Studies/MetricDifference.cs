using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace HyperVSim.Experiments.Studies;

/// <summary>
/// How one alternative differs from another on a metric: the difference of the means (other − reference) and its 95%
/// interval by Welch's t (unequal variances: se = √(s₁²/n₁ + s₀²/n₀), degrees of freedom by Welch–Satterthwaite);
/// significant when the interval excludes 0. With no spread on either side the interval is the difference itself.
/// Null when either side has fewer than two values.
/// </summary>
public sealed record MetricDifference(string Metric, double Difference, double CiLow, double CiHigh, bool Significant)
{
    public static MetricDifference? Of(string metric, IReadOnlyList<double?> reference, IReadOnlyList<double?> other)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(other);
        double[] a = reference.OfType<double>().ToArray(), b = other.OfType<double>().ToArray();
        if (a.Length < 2 || b.Length < 2)
        {
            return null;
        }

        double diff = b.Average() - a.Average();
        double va = Statistics.Variance(a) / a.Length, vb = Statistics.Variance(b) / b.Length;
        double se = Math.Sqrt(va + vb);
        if (se == 0)
        {
            return new MetricDifference(metric, diff, diff, diff, diff != 0);
        }

        double df = (va + vb) * (va + vb) / ((va * va / (a.Length - 1)) + (vb * vb / (b.Length - 1)));
        double half = StudentT.InvCDF(0, 1, df, 0.975) * se;
        return new MetricDifference(metric, diff, diff - half, diff + half, diff - half > 0 || diff + half < 0);
    }
}
