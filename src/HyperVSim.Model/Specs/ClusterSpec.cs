namespace HyperVSim.Model.Specs;

/// <summary>Cluster-wide settings (failover-cluster properties and the hosts' shared live-migration settings).</summary>
public sealed record ClusterSpec
{
    /// <summary>Default release for hosts that do not name one.</summary>
    public HyperVVersion Version { get; init; } = HyperVVersion.V2012R2;

    public HeartbeatSpec Heartbeat { get; init; } = new();

    public LiveMigrationSpec LiveMigration { get; init; } = new();

    /// <summary>2012 R2 network health protection (on by default).</summary>
    public bool NetworkHealthProtection { get; init; } = true;

    /// <summary>2012 R2 VM storage failure detection (on by default).</summary>
    public bool StorageFailureDetection { get; init; } = true;
}
