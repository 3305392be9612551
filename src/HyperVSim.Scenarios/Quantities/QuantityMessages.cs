using HyperVSim.Scenarios.Diagnostics;

namespace HyperVSim.Scenarios.Quantities;

/// <summary>
/// What is wrong with a quantity's text, and how to write it instead. An example in a fix is never itself invalid
/// ("e.g. 0GiB" for a memory that must be more than zero): it keeps the written number only when it is positive and
/// the key accepts the result (<c>accepts</c>, from the key's bound), else tries 1 of the unit, else the key's minimum.
/// </summary>
internal static class QuantityMessages
{
    public static (string Message, string Fix) Explain(QuantityReading reading, Func<string, bool>? accepts = null, string? minimum = null)
    {
        (string noun, string examples) = UnitTables.Describe(reading.Kind);
        string text = Echo.Cut(reading.Text.Trim());
        string number = Example(reading.NumberText);
        string generalFix = $"write a {noun} with a unit, e.g. {examples}";

        // The first tier with an example the key accepts; else the key's minimum; else the last tier as it is.
        string[] Pick(params string[][] tiers) =>
            tiers.Select(t => t.Where(c => accepts?.Invoke(c) ?? true).ToArray()).FirstOrDefault(t => t.Length > 0)
            ?? (minimum is null ? tiers[^1] : [minimum]);

        string asWritten = reading.NumberText + reading.Suggestion;
        return reading.Status switch
        {
            QuantityStatus.Empty => ($"a {noun} is needed here", generalFix),
            QuantityStatus.NoUnit => ($"'{text}' is not a {noun}: it has no unit", $"write the unit, e.g. {string.Join(" or ", Pick(WithUnits(number, reading.Kind), WithUnits("1", reading.Kind)))}"),
            QuantityStatus.UnknownUnit when reading.Suggestion is not null =>
                ($"'{text}' is not a {noun}: unknown unit {Echo.Quoted(reading.UnitText)}; did you mean '{reading.Suggestion}'?",
                    number == reading.NumberText && Pick([asWritten])[0] == asWritten ? $"write {asWritten}" : $"write the unit as {reading.Suggestion}, e.g. {Pick(["1" + reading.Suggestion])[0]}"),
            QuantityStatus.UnknownUnit =>
                ($"'{text}' is not a {noun}: unknown unit {Echo.Quoted(reading.UnitText)}", $"use one of {string.Join(", ", UnitTables.For(reading.Kind).Select(u => u.Symbol))}"),
            QuantityStatus.WrongFamily when reading is { Kind: QuantityKind.ByteRate, OtherKind: QuantityKind.Size } =>
                ($"'{text}' is not a {noun}: it reads as a size", $"add '/s' for a rate, e.g. {Pick([$"{number}{reading.UnitText}/s"], [$"1{reading.UnitText}/s"])[0]}"),
            QuantityStatus.WrongFamily =>
                ($"'{text}' is not a {noun}: it reads as a {UnitTables.Describe(reading.OtherKind!.Value).Noun}", generalFix),
            QuantityStatus.TooLarge => ($"'{text}' is too large to be a {noun}", generalFix),
            _ => ($"'{text}' is not a {noun}", generalFix),
        };
    }

    /// <summary>The written number when it is a short positive number; else "1".</summary>
    private static string Example(string number) =>
        number.Length <= 20 && NumberText.IsNumber(number) && NumberText.TryScaledDouble(number, 0, out double v) && v > 0 ? number : "1";

    private static string[] WithUnits(string number, QuantityKind kind) => kind switch
    {
        QuantityKind.Size => [$"{number}GiB", $"{number}MB"],
        QuantityKind.BitRate => [$"{number}Gbps", $"{number}Mbps"],
        QuantityKind.ByteRate => [$"{number}MB/s", $"{number}GiB/s"],
        QuantityKind.Duration => [$"{number}s", $"{number}ms"],
        QuantityKind.Frequency => [$"{number}GHz"],
        _ => [number],
    };
}
