using System.Globalization;

namespace HyperVSim.Benchmarks.Quick;

/// <summary>One printed figure: a snake_case name with its unit (<c>engine_events_per_s</c>) and its value.</summary>
public readonly record struct QuickResult(string Name, double Value, int Decimals = 0)
{
    public override string ToString() =>
        Name + ": " + Value.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
