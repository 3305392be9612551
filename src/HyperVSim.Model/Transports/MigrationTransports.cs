namespace HyperVSim.Model.Transports;

/// <summary>The registry of live-migration transports, keyed by the option name a scenario uses.</summary>
public static class MigrationTransports
{
    private static readonly SortedDictionary<string, IMigrationTransport> Registry = new(StringComparer.Ordinal)
    {
        ["tcpip"] = new TcpIpTransport(),
        ["compression"] = new CompressionTransport(),
        ["smb"] = new SmbTransport(),
    };

    /// <summary>Option names, in order.</summary>
    public static IReadOnlyCollection<string> Names => Registry.Keys;

    /// <summary>The transport for an option; an unknown name throws, listing the valid ones.</summary>
    public static IMigrationTransport Get(string option) =>
        Registry.TryGetValue(option, out var t)
            ? t
            : throw new ArgumentException($"unknown live-migration option '{option}'; valid: {string.Join(", ", Names)}", nameof(option));
}
