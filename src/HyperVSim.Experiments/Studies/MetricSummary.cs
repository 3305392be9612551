using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace HyperVSim.Experiments.Studies;

/// <summary>
/// One metric of one point across its replications: n, mean, sample standard deviation, the 95% confidence interval
/// of the mean (Student t with n − 1 degrees of freedom: mean ± t₀.₉₇₅ · sd / √n), and the 50th, 95th and 99th
/// percentiles. Runs where the field had no value are counted in <see cref="Missing"/>.
/// </summary>
public sealed record MetricSummary(string Metric, int N, int Missing, double? Mean, double? Sd, double? CiLow, double? CiHigh, double? P50, double? P95, double? P99)
{
    public static MetricSummary Of(string metric, IReadOnlyList<double?> perReplication)
    {
        ArgumentNullException.ThrowIfNull(perReplication);
        double[] x = perReplication.OfType<double>().ToArray();
        int missing = perReplication.Count - x.Length;
        if (x.Length == 0)
        {
            return new MetricSummary(metric, 0, missing, null, null, null, null, null, null, null);
        }

        double mean = x.Average();
        double? sd = x.Length > 1 ? Statistics.StandardDeviation(x) : null;
        double? half = sd is { } s ? StudentT.InvCDF(0, 1, x.Length - 1, 0.975) * s / Math.Sqrt(x.Length) : null;
        return new MetricSummary(metric, x.Length, missing, mean, sd, mean - half, mean + half,
            Statistics.QuantileCustom(x, 0.50, QuantileDefinition.R7),
            Statistics.QuantileCustom(x, 0.95, QuantileDefinition.R7),
            Statistics.QuantileCustom(x, 0.99, QuantileDefinition.R7));
    }
}
