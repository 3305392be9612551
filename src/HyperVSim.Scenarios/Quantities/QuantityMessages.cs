namespace HyperVSim.Scenarios.Quantities;

/// <summary>What is wrong with a quantity's text, and how to write it instead.</summary>
internal static class QuantityMessages
{
    public static (string Message, string Fix) Explain(QuantityReading reading)
    {
        (string noun, string examples) = UnitTables.Describe(reading.Kind);
        string text = reading.Text.Trim();
        string generalFix = $"write a {noun} with a unit, e.g. {examples}";
        return reading.Status switch
        {
            QuantityStatus.Empty => ($"a {noun} is needed here", generalFix),
            QuantityStatus.NoUnit => ($"'{text}' is not a {noun}: it has no unit", $"write the unit, e.g. {WithUnits(reading.NumberText, reading.Kind)}"),
            QuantityStatus.UnknownUnit when reading.Suggestion is not null =>
                ($"'{text}' is not a {noun}: unknown unit '{reading.UnitText}'; did you mean '{reading.Suggestion}'?", $"write {reading.NumberText}{reading.Suggestion}"),
            QuantityStatus.UnknownUnit =>
                ($"'{text}' is not a {noun}: unknown unit '{reading.UnitText}'", $"use one of {string.Join(", ", UnitTables.For(reading.Kind).Select(u => u.Symbol))}"),
            QuantityStatus.WrongFamily when reading is { Kind: QuantityKind.ByteRate, OtherKind: QuantityKind.Size } =>
                ($"'{text}' is not a {noun}: it reads as a size", $"add '/s' for a rate, e.g. {text}/s"),
            QuantityStatus.WrongFamily =>
                ($"'{text}' is not a {noun}: it reads as a {UnitTables.Describe(reading.OtherKind!.Value).Noun}", generalFix),
            QuantityStatus.TooLarge => ($"'{text}' is too large to be a {noun}", generalFix),
            _ => ($"'{text}' is not a {noun}", generalFix),
        };
    }

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
