using System.Globalization;
using System.Text.RegularExpressions;

namespace HyperVSim.Scenarios.Quantities;

/// <summary>
/// Decimal numbers as scenarios write them (<c>12</c>, <c>-1.5</c>, <c>.5</c>, <c>2e3</c>), converted with the
/// invariant culture and without the rounding a multiply after parsing would add.
/// </summary>
internal static partial class NumberText
{
    /// <summary>A number, optionally signed, with an optional exponent; no NaN, infinity, hex or separators.</summary>
    public const string Pattern = @"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?";

    [GeneratedRegex("^" + Pattern + "$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^[+-]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeInteger();

    public static bool IsNumber(string text) => WholeNumber().IsMatch(text);

    public static bool IsInteger(string text) => WholeInteger().IsMatch(text);

    /// <summary>The nearest double to <paramref name="number"/> × 10^<paramref name="pow10"/> (one correct rounding).</summary>
    public static bool TryScaledDouble(string number, int pow10, out double value)
    {
        value = 0;
        int e = number.IndexOfAny(['e', 'E']);
        string mantissa = e < 0 ? number : number[..e];
        long exponent = pow10;
        if (e >= 0)
        {
            string exp = number[(e + 1)..];
            if (exp.TrimStart('+', '-').Length > 6 || !long.TryParse(exp, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long written))
            {
                return false;
            }

            exponent += written;
        }

        string scaled = mantissa + "E" + exponent.ToString(CultureInfo.InvariantCulture);
        if (!double.TryParse(scaled, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        return double.IsFinite(value);
    }

    /// <summary>The exact value of <paramref name="number"/> × <paramref name="factor"/>, rounded half away from zero to a long.</summary>
    public static bool TryScaledLong(string number, decimal factor, out long value)
    {
        value = 0;
        try
        {
            decimal parsed = decimal.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
            decimal scaled = Math.Round(parsed * factor, MidpointRounding.AwayFromZero);
            if (scaled > long.MaxValue || scaled < long.MinValue)
            {
                return false;
            }

            value = (long)scaled;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>Shortest text that parses back to exactly <paramref name="value"/> (may use an exponent).</summary>
    public static string Shortest(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
