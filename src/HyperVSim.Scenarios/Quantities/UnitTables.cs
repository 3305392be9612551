namespace HyperVSim.Scenarios.Quantities;

/// <summary>
/// The unit symbols of each quantity family, largest first (the order <see cref="Units"/> formats in).
/// Base units: bytes, bits/s, bytes/s, nanoseconds, hertz.
/// </summary>
internal static class UnitTables
{
    private const decimal Ki = 1024m;

    public static readonly IReadOnlyList<UnitDef> Sizes =
    [
        new("PiB", Ki * Ki * Ki * Ki * Ki), new("TiB", Ki * Ki * Ki * Ki), new("GiB", Ki * Ki * Ki),
        new("MiB", Ki * Ki), new("KiB", Ki),
        new("PB", 1e15m), new("TB", 1e12m), new("GB", 1e9m), new("MB", 1e6m), new("KB", 1e3m), new("kB", 1e3m),
        new("B", 1m),
    ];

    public static readonly IReadOnlyList<UnitDef> BitRates =
    [
        new("Tbps", 1e12m), new("Gbps", 1e9m), new("Mbps", 1e6m), new("Kbps", 1e3m), new("kbps", 1e3m), new("bps", 1m),
    ];

    public static readonly IReadOnlyList<UnitDef> ByteRates =
        Sizes.Select(u => new UnitDef(u.Symbol + "/s", u.Factor)).ToArray();

    public static readonly IReadOnlyList<UnitDef> Durations =
    [
        new("d", 86_400e9m), new("h", 3_600e9m), new("m", 60e9m), new("s", 1e9m),
        new("ms", 1e6m), new("us", 1e3m), new("µs", 1e3m), new("ns", 1m),
    ];

    public static readonly IReadOnlyList<UnitDef> Frequencies =
    [
        new("GHz", 1e9m), new("MHz", 1e6m), new("kHz", 1e3m), new("Hz", 1m),
    ];

    /// <summary>Misspellings people write for a unit, and what they mean.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["min"] = "m", ["mins"] = "m", ["sec"] = "s", ["secs"] = "s", ["hr"] = "h", ["hrs"] = "h",
        ["day"] = "d", ["days"] = "d", ["msec"] = "ms", ["usec"] = "us", ["nsec"] = "ns",
        ["Gb/s"] = "Gbps", ["Mb/s"] = "Mbps", ["Kb/s"] = "Kbps", ["Tb/s"] = "Tbps", ["Gbit/s"] = "Gbps",
        ["Mbit/s"] = "Mbps", ["GBps"] = "GB/s", ["MBps"] = "MB/s", ["GiBps"] = "GiB/s", ["MiBps"] = "MiB/s",
        ["bytes"] = "B", ["byte"] = "B",
    };

    public static IReadOnlyList<UnitDef> For(QuantityKind kind) => kind switch
    {
        QuantityKind.Size => Sizes,
        QuantityKind.BitRate => BitRates,
        QuantityKind.ByteRate => ByteRates,
        QuantityKind.Duration => Durations,
        QuantityKind.Frequency => Frequencies,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown quantity kind"),
    };

    /// <summary>Words and examples for messages: "a size", "16GiB or 500MB".</summary>
    public static (string Noun, string Examples) Describe(QuantityKind kind) => kind switch
    {
        QuantityKind.Size => ("size", "16GiB or 500MB"),
        QuantityKind.BitRate => ("bit rate", "10Gbps or 100Mbps"),
        QuantityKind.ByteRate => ("byte rate", "200MB/s or 1.5GiB/s"),
        QuantityKind.Duration => ("duration", "300ms, 30s, 2m or 1.5h"),
        QuantityKind.Frequency => ("frequency", "2.6GHz"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown quantity kind"),
    };
}
