namespace HyperVSim.Model.Specs;

/// <summary>A storage volume (CSV, SMB share or local).</summary>
public sealed record StorageSpec
{
    public required string Name { get; init; }

    /// <summary>csv, smb or local.</summary>
    public string Kind { get; init; } = "csv";

    /// <summary>I/O operations per second the volume sustains; null when not limited.</summary>
    public long? Iops { get; init; }

    /// <summary>Bytes per second; null when not limited.</summary>
    public double? BytesPerSecond { get; init; }
}
