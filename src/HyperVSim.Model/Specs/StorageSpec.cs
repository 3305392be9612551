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

    /// <summary>Nodes of the Scale-Out File Server that serves an SMB share (kind smb only).</summary>
    public int Nodes { get; init; } = 2;

    /// <summary>Bytes per second one file-server node serves (its NICs toward the hosts): 2 × 10 GbE at 94%.</summary>
    public double NodeBytesPerSecond { get; init; } = 2 * 10e9 / 8 * 0.94;

    /// <summary>Service time of one I/O on an idle volume; null: the kind's default (<see cref="DefaultServiceTime"/>).</summary>
    public Engine.SimTime? ServiceTime { get; init; }

    /// <summary>The service time used: the given one, else 2 ms on a CSV (SAN), 2.5 ms on an SMB share, 5 ms on a local disk.</summary>
    public Engine.SimTime EffectiveServiceTime => ServiceTime ?? DefaultServiceTime(Kind);

    /// <summary>The default idle service time of a volume of <paramref name="kind"/>.</summary>
    public static Engine.SimTime DefaultServiceTime(StorageKind kind) => kind switch
    {
        StorageKind.Smb => Engine.SimTime.FromMilliseconds(2.5),
        StorageKind.Local => Engine.SimTime.FromMilliseconds(5),
        _ => Engine.SimTime.FromMilliseconds(2),
    };
}

/// <summary>What a volume is (scenarios write <c>csv</c>, <c>smb</c> or <c>local</c>).</summary>
public enum StorageKind
{
    Csv,
    Smb,
    Local,
}
