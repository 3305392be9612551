using HyperVSim.Engine;
using HyperVSim.Scenarios.Quantities;

namespace HyperVSim.Scenarios;

/// <summary>
/// Parses and formats the quantities scenarios write with units (invariant culture): sizes in bytes, bit rates in
/// bits/s, byte rates in bytes/s, durations as <see cref="SimTime"/>, frequencies in hertz, fractions from 0 to 1.
/// Formatting picks the largest unit that keeps the value exact, so parsing a formatted value gives it back.
/// </summary>
public static class Units
{
    /// <summary>A size such as <c>512MiB</c>, <c>16GiB</c> (binary) or <c>500MB</c> (decimal), in bytes.</summary>
    public static long ParseSize(string text) => TryParseSize(text, out long v) ? v : throw Invalid(text, QuantityKind.Size);

    public static bool TryParseSize(string text, out long bytes) => TryExact(text, QuantityKind.Size, out bytes);

    /// <summary>A bit rate such as <c>10Gbps</c> or <c>100Mbps</c>, in bits per second.</summary>
    public static double ParseBitRate(string text) => TryParseBitRate(text, out double v) ? v : throw Invalid(text, QuantityKind.BitRate);

    public static bool TryParseBitRate(string text, out double bitsPerSecond) => TryDouble(text, QuantityKind.BitRate, out bitsPerSecond);

    /// <summary>A byte rate such as <c>200MB/s</c> or <c>1.5GiB/s</c>, in bytes per second.</summary>
    public static double ParseByteRate(string text) => TryParseByteRate(text, out double v) ? v : throw Invalid(text, QuantityKind.ByteRate);

    public static bool TryParseByteRate(string text, out double bytesPerSecond) => TryDouble(text, QuantityKind.ByteRate, out bytesPerSecond);

    /// <summary>A duration such as <c>50us</c>, <c>300ms</c>, <c>30s</c>, <c>2m</c>, <c>1.5h</c> or <c>7d</c>, rounded to the nanosecond.</summary>
    public static SimTime ParseDuration(string text) => TryParseDuration(text, out SimTime v) ? v : throw Invalid(text, QuantityKind.Duration);

    public static bool TryParseDuration(string text, out SimTime duration)
    {
        bool ok = TryExact(text, QuantityKind.Duration, out long ns);
        duration = new SimTime(ns);
        return ok;
    }

    /// <summary>A frequency such as <c>2.6GHz</c>, in hertz.</summary>
    public static double ParseFrequency(string text) => TryParseFrequency(text, out double v) ? v : throw Invalid(text, QuantityKind.Frequency);

    public static bool TryParseFrequency(string text, out double hertz) => TryDouble(text, QuantityKind.Frequency, out hertz);

    /// <summary>A fraction written <c>30%</c> or <c>0.3</c>; it must lie from 0 to 1.</summary>
    public static double ParseFraction(string text)
    {
        FractionStatus status = FractionParser.Read(text ?? throw new ArgumentNullException(nameof(text)), out double value);
        return status == FractionStatus.Ok ? value : throw new FormatException(FractionParser.Explain(text, status).Message);
    }

    public static bool TryParseFraction(string text, out double fraction) =>
        FractionParser.Read(text ?? throw new ArgumentNullException(nameof(text)), out fraction) == FractionStatus.Ok;

    public static string FormatSize(long bytes) => FormatExact(bytes, UnitTables.Sizes, "B");

    public static string FormatDuration(SimTime duration) => FormatExact(duration.Nanoseconds, UnitTables.Durations, "s");

    public static string FormatBitRate(double bitsPerSecond) => FormatDouble(bitsPerSecond, QuantityKind.BitRate);

    public static string FormatByteRate(double bytesPerSecond) => FormatDouble(bytesPerSecond, QuantityKind.ByteRate);

    public static string FormatFrequency(double hertz) => FormatDouble(hertz, QuantityKind.Frequency);

    /// <summary>A fraction as a plain number (<c>0.3</c>), exact.</summary>
    public static string FormatFraction(double fraction) =>
        double.IsFinite(fraction) ? NumberText.Shortest(fraction) : throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "fraction must be finite");

    private static bool TryExact(string text, QuantityKind kind, out long value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;
        QuantityReading reading = QuantityParser.Read(text, kind);
        return reading.Status == QuantityStatus.Ok && QuantityParser.TryExact(reading, out value);
    }

    private static bool TryDouble(string text, QuantityKind kind, out double value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;
        QuantityReading reading = QuantityParser.Read(text, kind);
        return reading.Status == QuantityStatus.Ok && QuantityParser.TryDouble(reading, out value);
    }

    private static FormatException Invalid(string text, QuantityKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        QuantityReading reading = QuantityParser.Read(text, kind);
        if (reading.Status == QuantityStatus.Ok)
        {
            reading = reading with { Status = QuantityStatus.TooLarge };
        }

        (string message, string fix) = QuantityMessages.Explain(reading);
        return new FormatException($"{message}; {fix}");
    }

    private static string FormatExact(long value, IReadOnlyList<UnitDef> table, string zeroUnit)
    {
        if (value == 0)
        {
            return "0" + zeroUnit;
        }

        UnitDef unit = table.Where(u => u.Symbol != "µs" && (decimal)value % u.Factor == 0m).MaxBy(u => u.Factor)!;
        return ((decimal)value / unit.Factor).ToString(System.Globalization.CultureInfo.InvariantCulture) + unit.Symbol;
    }

    private static string FormatDouble(double value, QuantityKind kind)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "quantity must be finite");
        }

        IReadOnlyList<UnitDef> table = UnitTables.For(kind);
        string? best = null;
        foreach (UnitDef unit in table.DistinctBy(u => u.Factor).Where(u => Math.Abs(value) >= (double)u.Factor))
        {
            string text = NumberText.Shortest(value / (double)unit.Factor) + unit.Symbol;
            bool exact = TryDouble(text, kind, out double back) && back.Equals(value);
            if (exact && (best is null || text.Length < best.Length))
            {
                best = text;
            }
        }

        if (best is not null)
        {
            return best;
        }

        return NumberText.Shortest(value) + table[^1].Symbol;
    }
}
