using System.Globalization;

namespace HyperVSim.Experiments.Comparison;

/// <summary>
/// How far a metric may move before it counts: a relative tolerance (global, or per metric), and an absolute
/// floor below which a change is ignored whatever its relative size (tiny blackouts, a few bytes).
/// </summary>
public sealed record Tolerances
{
    /// <summary>Default relative tolerance: 1%.</summary>
    public double Global { get; init; } = 0.01;

    public IReadOnlyDictionary<string, double> PerMetric { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Absolute floors per metric; defaults: 1 ms for seconds, 1 MiB for bytes, 0.01 core-seconds of CPU.</summary>
    public IReadOnlyDictionary<string, double> Floors { get; init; } = DefaultFloors;

    public static readonly IReadOnlyDictionary<string, double> DefaultFloors = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["totalSeconds"] = 0.001,
        ["queuedSeconds"] = 0.001,
        ["blackoutSeconds"] = 0.001,
        ["degradedSeconds"] = 0.001,
        ["stallSeconds"] = 0.001,
        ["downtimeSeconds"] = 0.001,
        ["recoverySeconds"] = 0.001,
        ["waitSeconds"] = 0.001,
        ["bootSeconds"] = 0.001,
        ["stormSeconds"] = 0.001,
        ["meanBootSeconds"] = 0.001,
        ["maxBootSeconds"] = 0.001,
        ["meanWaitSeconds"] = 0.001,
        ["bytesOnWire"] = 1 << 20,
        ["cpuSeconds"] = 0.01,
        ["rounds"] = 0,
        ["outages"] = 0,
    };

    public double For(string metric) => PerMetric.TryGetValue(metric, out double t) ? t : Global;

    public double FloorFor(string metric) => Floors.TryGetValue(metric, out double f) ? f : 0;

    /// <summary>
    /// Parses a tolerance: a percentage ("5%", any size) or a fraction from 0 to 1 ("0.05"), as the scenario format
    /// reads fractions. A bare number above 1 is refused, with the percentage it probably meant: "2" is not 200%.
    /// <paramref name="option"/> is how the value was given ("--tolerance ", "--metric totalSeconds="), for the suggestion.
    /// Throws <see cref="FormatException"/> with the fix.
    /// </summary>
    public static double ParsePercent(string text, string option = "")
    {
        string t = text.Trim();
        bool percent = t.EndsWith('%');
        if (double.TryParse(percent ? t[..^1].TrimEnd() : t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v >= 0 && double.IsFinite(v))
        {
            if (!percent && v > 1)
            {
                throw new FormatException($"'{text}' is more than 1, and a tolerance without % is a fraction from 0 to 1 (0.02 means 2%); did you mean {option}{t}%?");
            }

            return percent ? v / 100 : v;
        }

        throw new FormatException($"'{text}' is not a tolerance: write a percentage such as 5% or a fraction from 0 to 1 such as 0.05");
    }

    /// <summary>Parses NAME=VALUE (a per-metric tolerance or floor); the name must be a compared metric.</summary>
    public static (string Metric, string Value) ParseAssignment(string text)
    {
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        string name = eq > 0 ? text[..eq].Trim() : string.Empty;
        string[] known = ReportParser.MetricsByKind.Values.SelectMany(m => m).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (eq <= 0 || !known.Contains(name, StringComparer.Ordinal))
        {
            throw new FormatException($"'{text}' should be METRIC=VALUE with METRIC one of {string.Join(", ", known)}");
        }

        return (name, text[(eq + 1)..].Trim());
    }
}
