namespace HyperVSim.Model.Specs;

/// <summary>A storage volume (CSV, SMB share or local).</summary>
public sealed record StorageSpec
{
    public required string Name { get; init; }

    /// <summary>Cluster shared volume, SMB share or a host's local disk.</summary>
    public StorageKind Kind { get; init; } = StorageKind.Csv;

    /// <summary>I/O operations per second the volume sustains; null when not limited.</summary>
    public long? Iops { get; init; }

    /// <summary>Bytes per second; null when not limited.</summary>
    public double? BytesPerSecond { get; init; }

    /// <summary>The host a local volume belongs to (only that host reaches it); null for shared volumes.</summary>
    public string? Host { get; init; }
}

/// <summary>What a volume is (scenarios write <c>csv</c>, <c>smb</c> or <c>local</c>).</summary>
public enum StorageKind
{
    Csv,
    Smb,
    Local,
}
