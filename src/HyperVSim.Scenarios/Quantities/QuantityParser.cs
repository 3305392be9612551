using System.Text.RegularExpressions;
using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Scenarios.Quantities;

/// <summary>Splits a quantity into number and unit and looks the unit up in its family's table.</summary>
internal static partial class QuantityParser
{
    [GeneratedRegex("^(?<num>" + NumberText.Pattern + ") ?(?<unit>[^ ]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberAndUnit();

    public static QuantityReading Read(string text, QuantityKind kind)
    {
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return new QuantityReading(text, kind, QuantityStatus.Empty);
        }

        Match match = NumberAndUnit().Match(trimmed);
        if (!match.Success)
        {
            return new QuantityReading(text, kind, QuantityStatus.NotANumber);
        }

        string number = match.Groups["num"].Value;
        string unit = match.Groups["unit"].Value;
        if (unit.Length == 0)
        {
            return new QuantityReading(text, kind, QuantityStatus.NoUnit, number);
        }

        IReadOnlyList<UnitDef> table = UnitTables.For(kind);
        UnitDef? def = table.FirstOrDefault(u => u.Symbol == unit);
        if (def is not null)
        {
            return new QuantityReading(text, kind, QuantityStatus.Ok, number, unit, def);
        }

        return Misread(text, kind, number, unit, table);
    }

    private static QuantityReading Misread(string text, QuantityKind kind, string number, string unit, IReadOnlyList<UnitDef> table)
    {
        var symbols = table.Select(u => u.Symbol).ToArray();
        if (UnitTables.Aliases.TryGetValue(unit, out string? alias) && symbols.Contains(alias))
        {
            return new QuantityReading(text, kind, QuantityStatus.UnknownUnit, number, unit, Suggestion: alias);
        }

        foreach (QuantityKind other in Enum.GetValues<QuantityKind>())
        {
            if (other != kind && UnitTables.For(other).Any(u => u.Symbol == unit))
            {
                return new QuantityReading(text, kind, QuantityStatus.WrongFamily, number, unit, OtherKind: other);
            }
        }

        string? caseOnly = symbols.FirstOrDefault(s => string.Equals(s, unit, StringComparison.OrdinalIgnoreCase));
        string? suggestion = caseOnly ?? Suggestions.Closest(unit, symbols);
        return new QuantityReading(text, kind, QuantityStatus.UnknownUnit, number, unit, Suggestion: suggestion);
    }

    /// <summary>The value in base units as a long (sizes, nanoseconds); TooLarge when it does not fit.</summary>
    public static bool TryExact(QuantityReading reading, out long value)
    {
        value = 0;
        return reading.Unit is not null && NumberText.TryScaledLong(reading.NumberText, reading.Unit.Factor, out value);
    }

    /// <summary>The value in base units as the nearest double (rates, frequencies).</summary>
    public static bool TryDouble(QuantityReading reading, out double value)
    {
        value = 0;
        if (reading.Unit is not { } unit)
        {
            return false;
        }

        int? pow10 = PowerOfTen(unit.Factor);
        if (pow10 is { } k)
        {
            return NumberText.TryScaledDouble(reading.NumberText, k, out value);
        }

        if (!NumberText.TryScaledDouble(reading.NumberText, 0, out double number))
        {
            return false;
        }

        value = number * (double)unit.Factor; // binary factors are powers of two: the product is exact
        return double.IsFinite(value);
    }

    private static int? PowerOfTen(decimal factor)
    {
        int k = 0;
        while (factor >= 10m && factor % 10m == 0m)
        {
            factor /= 10m;
            k++;
        }

        return factor == 1m ? k : null;
    }
}
