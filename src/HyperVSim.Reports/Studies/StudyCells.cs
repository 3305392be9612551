using System.Globalization;
using HyperVSim.Experiments.Studies;

namespace HyperVSim.Reports.Studies;

/// <summary>How the study pages write numbers and cells (invariant culture, the same on every machine).</summary>
internal static class StudyCells
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Significant figures that suit the size: 1.7625E+9, 1234.5, 12.35, 0.123.</summary>
    public static string Number(double v) => Math.Abs(v) switch
    {
        >= 1e5 => v.ToString("0.####E+0", Inv),
        >= 100 => v.ToString("0.0", Inv),
        >= 1 => v.ToString("0.00", Inv),
        _ => v.ToString("G3", Inv),
    };

    /// <summary>
    /// "mean [low, high] (n)": the mean with its Student-t 95% interval, all three with the decimals that show the
    /// interval's half-width to two significant figures ("mean ± 0" when every replication gave the same value); without
    /// an interval (n &lt; 2) "mean (n)"; "-" with no value.
    /// </summary>
    public static string Summary(MetricSummary m) => m.Mean is not { } mean
        ? "-"
        : m.CiLow is { } lo && m.CiHigh is { } hi
            ? $"{Interval(mean, lo, hi, signed: false)} (n={m.N.ToString(Inv)})"
            : $"{Number(mean)} (n={m.N.ToString(Inv)})";

    /// <summary>"difference [low, high]" with its Welch 95% interval, signed; "-" when there is none.</summary>
    public static string Difference(MetricDifference? d) => d is null ? "-" : Interval(d.Difference, d.CiLow, d.CiHigh, signed: true);

    private static string Interval(double value, double lo, double hi, bool signed)
    {
        double half = (hi - lo) / 2;
        if (half == 0)
        {
            return $"{Sign(value, Number(value), signed)} \u00b1 0";
        }

        if (!(half > 0) || !double.IsFinite(half) || Math.Abs(value) >= 1e5)
        {
            return $"{Sign(value, Number(value), signed)} [{Sign(lo, Number(lo), signed)}, {Sign(hi, Number(hi), signed)}]";
        }

        // Two significant figures of the half-width: decimals = 1 − ⌊log10(half)⌋, from 0 to 9.
        int decimals = Math.Clamp(1 - (int)Math.Floor(Math.Log10(half)), 0, 9);
        string F(double v) => Sign(v, v.ToString("F" + decimals.ToString(Inv), Inv), signed);
        return $"{F(value)} [{F(lo)}, {F(hi)}]";
    }

    private static string Sign(double v, string text, bool signed) => signed && v > 0 ? "+" + text : text;

    /// <summary>The parameter paths of the study, in the order the points name them.</summary>
    public static string[] Paths(StudyDefinition study) =>
        study.Points.SelectMany(p => p.Settings.Select(s => s.Path)).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>A short column name for a key path: its last segment (<c>hosts[name=hv].nics[name=lm1].speed</c> → speed).</summary>
    public static string Short(string path) => path.Split('.')[^1];

    public static string ValueOf(StudyPoint p, string path) => p.Settings.FirstOrDefault(s => s.Path == path)?.Value ?? string.Empty;
}
