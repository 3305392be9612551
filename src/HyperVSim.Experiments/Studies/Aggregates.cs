using System.Globalization;
using MathNet.Numerics.Statistics;

namespace HyperVSim.Experiments.Studies;

/// <summary>The reductions a metric may use within one run: mean, max, min, sum, count, or a percentile pNN (R-7, as spreadsheets).</summary>
public static class Aggregates
{
    public static readonly IReadOnlyList<string> Names = ["mean", "max", "min", "sum", "count", "p50", "p95", "p99"];

    /// <summary>True for a known name or any pNN with 0 ≤ NN ≤ 100.</summary>
    public static bool IsValid(string name) => Names.Contains(name) || Percentile(name) is not null;

    /// <summary>The reduction of <paramref name="values"/>; null for no values (except count, which is 0).</summary>
    public static double? Apply(string aggregate, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (aggregate == "count")
        {
            return values.Count;
        }

        if (values.Count == 0)
        {
            return null;
        }

        return aggregate switch
        {
            "mean" => values.Average(),
            "max" => values.Max(),
            "min" => values.Min(),
            "sum" => values.Sum(),
            _ when Percentile(aggregate) is { } q => Statistics.QuantileCustom(values, q, QuantileDefinition.R7),
            _ => throw new ArgumentException($"unknown aggregate '{aggregate}'", nameof(aggregate)),
        };
    }

    private static double? Percentile(string name) =>
        name.Length > 1 && name[0] == 'p' && double.TryParse(name[1..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double p) && p >= 0 && p <= 100
            ? p / 100
            : null;
}
