using System.Globalization;
using System.Text.RegularExpressions;
using HyperVSim.Engine;
using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Diagnostics;
using HyperVSim.Scenarios.Quantities;
using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios.Reading;

/// <summary>Converts scalar nodes to typed values; every failure adds a problem at the node and returns null.</summary>
internal sealed partial class Scalars(Problems problems)
{
    public const int MaxNameLength = 63;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    public Problems Problems => problems;

    public string? Text(YNode node, Site site)
    {
        if (node is YScalar { IsNull: false } scalar)
        {
            return scalar.Value;
        }

        Add(node, site, $"must be a single value, not {node.Shape}", "write one value after the colon, e.g. 'name: hv'");
        return null;
    }

    public string? Name(YNode node, Site site)
    {
        string? text = Text(node, site);
        if (text is null)
        {
            return null;
        }

        if (text.Length > MaxNameLength || !NamePattern().IsMatch(text))
        {
            Add(node, site, $"{Echo.Quoted(text)} is not a valid name", $"use letters, digits, '.', '-' and '_', starting with a letter or digit (at most {MaxNameLength} characters)");
            return null;
        }

        return text;
    }

    public string? Choice(YNode node, Site site, IReadOnlyList<string> choices)
    {
        string? text = Text(node, site);
        if (text is null || choices.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        string? close = Suggestions.Closest(text, choices);
        string hint = close is null ? "" : $"; did you mean '{close}'?";
        Add(node, site, $"{Echo.Quoted(text)} is not one of {string.Join(", ", choices)}{hint}", $"write one of {string.Join(", ", choices)}");
        return null;
    }

    public bool? Bool(YNode node, Site site)
    {
        string? text = Text(node, site);
        switch (text)
        {
            case null:
                return null;
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            default:
                Add(node, site, $"{Echo.Quoted(text)} is not true or false", "write true or false");
                return null;
        }
    }

    public long? Integer(YNode node, Site site, Bound<long> bound)
    {
        string? text = Text(node, site)?.Trim();
        if (text is null)
        {
            return null;
        }

        if (!NumberText.IsInteger(text) || !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            Add(node, site, $"{Echo.Quoted(text)} is not a whole number", $"write a whole number from {bound.Min} to {bound.Max}");
            return null;
        }

        return InRange(node, site, text, value, bound, v => v.ToString(CultureInfo.InvariantCulture));
    }

    public double? Number(YNode node, Site site, Bound<double> bound)
    {
        string? text = Text(node, site)?.Trim();
        if (text is null)
        {
            return null;
        }

        if (!NumberText.IsNumber(text) || !NumberText.TryScaledDouble(text, 0, out double value))
        {
            Add(node, site, $"{Echo.Quoted(text)} is not a number", $"write a number from {Plain(bound.Min)} to {Plain(bound.Max)}, without a unit");
            return null;
        }

        return InRange(node, site, text, value, bound, Plain);
    }

    public long? Size(YNode node, Site site, Bound<long> bound) =>
        Exact(node, site, QuantityKind.Size, v => Within(v, bound), Units.FormatSize(bound.Min)) is { } v ? InRange(node, site, Raw(node), v, bound, Units.FormatSize) : null;

    public SimTime? Duration(YNode node, Site site, Bound<SimTime> bound)
    {
        if (node is YScalar { Value: "0" })
        {
            return InRange(node, site, "0", SimTime.Zero, bound, Units.FormatDuration);
        }

        return Exact(node, site, QuantityKind.Duration, v => Within(new SimTime(v), bound), Units.FormatDuration(bound.Min)) is { } v
            ? InRange(node, site, Raw(node), new SimTime(v), bound, Units.FormatDuration)
            : null;
    }

    public double? BitRate(YNode node, Site site, Bound<double> bound) => Rate(node, site, QuantityKind.BitRate, bound, Units.FormatBitRate);

    public double? ByteRate(YNode node, Site site, Bound<double> bound) => Rate(node, site, QuantityKind.ByteRate, bound, Units.FormatByteRate);

    /// <summary>True when <paramref name="value"/> is inside <paramref name="bound"/>.</summary>
    private static bool Within<T>(T value, Bound<T> bound)
        where T : IComparable<T> => value.CompareTo(bound.Min) >= 0 && value.CompareTo(bound.Max) <= 0;

    /// <summary>A frequency in GHz: a bare number is taken as GHz (the key says so), a unit is converted.</summary>
    public double? Ghz(YNode node, Site site, Bound<double> bound)
    {
        string? text = Text(node, site)?.Trim();
        if (text is not null && NumberText.IsNumber(text))
        {
            return Number(node, site, bound);
        }

        return Rate(node, site, QuantityKind.Frequency, bound with { Min = bound.Min * 1e9, Max = bound.Max * 1e9 }, Units.FormatFrequency) / 1e9;
    }

    public double? Fraction(YNode node, Site site, Bound<double> bound)
    {
        string? text = Text(node, site)?.Trim();
        if (text is null)
        {
            return null;
        }

        FractionStatus status = FractionParser.Read(text, out double value);
        if (status != FractionStatus.Ok)
        {
            (string message, string fix) = FractionParser.Explain(text, status);
            Add(node, site, message, fix);
            return null;
        }

        return InRange(node, site, text, value, bound, f => (f * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%");
    }

    public HyperVVersion? Version(YNode node, Site site)
    {
        string? text = Text(node, site)?.Trim();
        switch (text)
        {
            case null:
                return null;
            case "2012":
                return HyperVVersion.V2012;
            case "2012R2":
                return HyperVVersion.V2012R2;
            default:
                bool close = text.Replace(" ", "", StringComparison.Ordinal).Equals("2012R2", StringComparison.OrdinalIgnoreCase);
                string hint = close ? "; did you mean '2012R2'?" : "";
                Add(node, site, $"{Echo.Quoted(text)} is not a Hyper-V version{hint}", "write 2012 or 2012R2 (Windows Server 2012 or 2012 R2)");
                return null;
        }
    }

    public void Add(YNode node, Site site, string message, string fix) => problems.Add(node.Start, site.Path, message, fix);

    private double? Rate(YNode node, Site site, QuantityKind kind, Bound<double> bound, Func<double, string> format)
    {
        string? text = Text(node, site);
        if (text is null)
        {
            return null;
        }

        QuantityReading reading = QuantityParser.Read(text, kind);
        if (reading.Status == QuantityStatus.Ok && !QuantityParser.TryDouble(reading, out _))
        {
            reading = reading with { Status = QuantityStatus.TooLarge };
        }

        if (reading.Status != QuantityStatus.Ok)
        {
            bool Accepts(string example) =>
                QuantityParser.Read(example, kind) is { Status: QuantityStatus.Ok } r && QuantityParser.TryDouble(r, out double v) && Within(v, bound);
            (string message, string fix) = QuantityMessages.Explain(reading, Accepts, format(bound.Min));
            Add(node, site, message, fix);
            return null;
        }

        QuantityParser.TryDouble(reading, out double value);
        return InRange(node, site, text.Trim(), value, bound, format);
    }

    /// <summary>An exact quantity; a fix's example is one <paramref name="accepts"/> takes, else <paramref name="minimum"/>.</summary>
    private long? Exact(YNode node, Site site, QuantityKind kind, Func<long, bool> accepts, string minimum)
    {
        string? text = Text(node, site);
        if (text is null)
        {
            return null;
        }

        QuantityReading reading = QuantityParser.Read(text, kind);
        if (reading.Status == QuantityStatus.Ok && !QuantityParser.TryExact(reading, out _))
        {
            reading = reading with { Status = QuantityStatus.TooLarge };
        }

        if (reading.Status != QuantityStatus.Ok)
        {
            bool Accepts(string example) =>
                QuantityParser.Read(example, kind) is { Status: QuantityStatus.Ok } r && QuantityParser.TryExact(r, out long v) && accepts(v);
            (string message, string fix) = QuantityMessages.Explain(reading, Accepts, minimum);
            Add(node, site, message, fix);
            return null;
        }

        QuantityParser.TryExact(reading, out long value);
        return value;
    }

    private T? InRange<T>(YNode node, Site site, string raw, T value, Bound<T> bound, Func<T, string> format)
        where T : struct, IComparable<T>
    {
        string range = $"write a value from {format(bound.Min)} to {format(bound.Max)}";
        if (value.CompareTo(bound.Min) < 0)
        {
            bool negative = value.CompareTo(default) < 0 && bound.Min.CompareTo(default) >= 0;
            bool zero = value.CompareTo(default) == 0 && bound.Min.CompareTo(default) > 0;
            string message = negative ? $"{Echo.Quoted(raw)} is negative"
                : zero ? $"{Echo.Quoted(raw)} is zero; it must be more than zero"
                : $"{Echo.Quoted(raw)} is less than the minimum {format(bound.Min)}" + (bound.MinWhy is null ? "" : $" ({bound.MinWhy})");
            Add(node, site, message, range);
            return null;
        }

        if (value.CompareTo(bound.Max) > 0)
        {
            string why = bound.MaxWhy is null ? "" : $" ({bound.MaxWhy})";
            Add(node, site, $"{Echo.Quoted(raw)} is more than the maximum {format(bound.Max)}{why}", range);
            return null;
        }

        return value;
    }

    private static string Raw(YNode node) => node is YScalar s ? s.Value.Trim() : "";

    private static string Plain(double d) => d.ToString("0.###", CultureInfo.InvariantCulture);
}
