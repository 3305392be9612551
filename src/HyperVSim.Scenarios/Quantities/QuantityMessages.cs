using HyperVSim.Scenarios.Diagnostics;

namespace HyperVSim.Scenarios.Quantities;

/// <summary>
/// What is wrong with a quantity's text, and how to write it instead. A fix built from the written number uses it only
/// when it is positive (every quantity key accepts 1 of its unit); otherwise the example uses 1, so a fix is never
/// itself invalid ("e.g. 0GiB" for a memory that must be more than zero).
/// </summary>
internal static class QuantityMessages
{
    public static (string Message, string Fix) Explain(QuantityReading reading)
    {
        (string noun, string examples) = UnitTables.Describe(reading.Kind);
        string text = Echo.Cut(reading.Text.Trim());
        string number = Example(reading.NumberText);
        string generalFix = $"write a {noun} with a unit, e.g. {examples}";
        return reading.Status switch
        {
            QuantityStatus.Empty => ($"a {noun} is needed here", generalFix),
            QuantityStatus.NoUnit => ($"'{text}' is not a {noun}: it has no unit", $"write the unit, e.g. {WithUnits(number, reading.Kind)}"),
            QuantityStatus.UnknownUnit when reading.Suggestion is not null =>
                ($"'{text}' is not a {noun}: unknown unit {Echo.Quoted(reading.UnitText)}; did you mean '{reading.Suggestion}'?", number == reading.NumberText ? $"write {number}{reading.Suggestion}" : $"write the unit as {reading.Suggestion}, e.g. 1{reading.Suggestion}"),
            QuantityStatus.UnknownUnit =>
                ($"'{text}' is not a {noun}: unknown unit {Echo.Quoted(reading.UnitText)}", $"use one of {string.Join(", ", UnitTables.For(reading.Kind).Select(u => u.Symbol))}"),
            QuantityStatus.WrongFamily when reading is { Kind: QuantityKind.ByteRate, OtherKind: QuantityKind.Size } =>
                ($"'{text}' is not a {noun}: it reads as a size", $"add '/s' for a rate, e.g. {(number == reading.NumberText ? text : "1" + reading.UnitText)}/s"),
            QuantityStatus.WrongFamily =>
                ($"'{text}' is not a {noun}: it reads as a {UnitTables.Describe(reading.OtherKind!.Value).Noun}", generalFix),
            QuantityStatus.TooLarge => ($"'{text}' is too large to be a {noun}", generalFix),
            _ => ($"'{text}' is not a {noun}", generalFix),
        };
    }

    /// <summary>The written number when it is a short positive number; else "1".</summary>
    private static string Example(string number) =>
        number.Length <= 20 && NumberText.IsNumber(number) && NumberText.TryScaledDouble(number, 0, out double v) && v > 0 ? number : "1";

    private static string WithUnits(string number, QuantityKind kind) => kind switch
    {
        QuantityKind.Size => $"{number}GiB or {number}MB",
        QuantityKind.BitRate => $"{number}Gbps or {number}Mbps",
        QuantityKind.ByteRate => $"{number}MB/s or {number}GiB/s",
        QuantityKind.Duration => $"{number}s or {number}ms",
        QuantityKind.Frequency => $"{number}GHz",
        _ => number,
    };
}
