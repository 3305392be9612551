using HyperVSim.Engine;

namespace HyperVSim.Model.Specs;

/// <summary>Cluster-wide settings (failover-cluster properties and the hosts' shared live-migration settings).</summary>
public sealed record ClusterSpec
{
    /// <summary>Default release for hosts that do not name one.</summary>
    public HyperVVersion Version { get; init; } = HyperVVersion.V2012R2;

    public HeartbeatSpec Heartbeat { get; init; } = new();

    /// <summary>How long the nodes take to agree on a new membership once a node is declared down, joins or leaves.</summary>
    public SimTime Regroup { get; init; } = SimTime.FromSeconds(2);

    public QuorumSpec Quorum { get; init; } = new();

    public LiveMigrationSpec LiveMigration { get; init; } = new();

    /// <summary>2012 R2 network health protection (on by default).</summary>
    public bool NetworkHealthProtection { get; init; } = true;

    /// <summary>2012 R2 VM storage failure detection (on by default).</summary>
    public bool StorageFailureDetection { get; init; } = true;

    /// <summary>Detection delays of the detectors whose time-outs Microsoft does not publish.</summary>
    public DetectionSpec Detection { get; init; } = new();

    /// <summary>Group failover policy: FailoverThreshold within FailoverPeriod.</summary>
    public FailoverPolicySpec Failover { get; init; } = new();

    /// <summary>Resource restart policy of a VM resource.</summary>
    public RestartPolicySpec Restart { get; init; } = new();

    /// <summary>Most VMs a node starts at once; the rest queue (32: [B] Elden Christensen 2010).</summary>
    public int StartThrottle { get; init; } = 32;

    /// <summary>How saving and restoring a VM's memory costs (docs/model.md §Saved state).</summary>
    public SavedStateSpec SavedState { get; init; } = new();

    /// <summary>How an online VHDX resize costs (docs/model.md §Online VHDX resize).</summary>
    public ResizeSpec Resize { get; init; } = new();

    /// <summary>The boot models' parameters (docs/model.md §Boot).</summary>
    public BootSpec Boot { get; init; } = new();
}

/// <summary>
/// Saving a VM writes its assigned memory to its first disk's volume in I/Os of <see cref="IoSizeBytes"/>, after a
/// fixed cost (pausing, device state, configuration); restoring reads it back likewise. Without a limited volume
/// the transfer runs at <see cref="BytesPerSecond"/>.
/// </summary>
public sealed record SavedStateSpec
{
    /// <summary>Size of each saved-state write or read (1 MiB: large sequential I/O, [I]).</summary>
    public long IoSizeBytes { get; init; } = 1L << 20;

    /// <summary>Time a save or a restore takes besides moving the memory (1 s, [I]).</summary>
    public SimTime FixedCost { get; init; } = SimTime.FromSeconds(1);

    /// <summary>Bytes per second when the VM has no disk on a volume whose bandwidth or IOPS are given (500 MB/s, [I]).</summary>
    public double BytesPerSecond { get; init; } = 500e6;
}

/// <summary>
/// An online VHDX resize takes <see cref="FixedCost"/> (metadata, the guest told of the new size); growing a fixed
/// VHDX also writes zeros over the added bytes in I/Os of <see cref="IoSizeBytes"/> through its volume (at the
/// saved-state bandwidth when the volume is not limited).
/// </summary>
public sealed record ResizeSpec
{
    /// <summary>Size of each zeroing write (1 MiB, [I]).</summary>
    public long IoSizeBytes { get; init; } = 1L << 20;

    /// <summary>Time every resize takes, the only cost of growing a dynamic VHDX or of a shrink (100 ms, [I]).</summary>
    public SimTime FixedCost { get; init; } = SimTime.FromMilliseconds(100);
}

/// <summary>Quorum witness and dynamic quorum (docs/model.md §Quorum).</summary>
public sealed record QuorumSpec
{
    public WitnessKind Witness { get; init; } = WitnessKind.None;

    /// <summary>Dynamic quorum and dynamic witness, as 2012 R2 (on by default).</summary>
    public bool Dynamic { get; init; } = true;

    /// <summary>Time a partition spends arbitrating for the witness when it needs the witness's vote (file-share ArbitrationDelay 6 s).</summary>
    public SimTime Arbitration { get; init; } = SimTime.FromSeconds(6);
}

/// <summary>The quorum witness (scenarios write none, disk or fileShare).</summary>
public enum WitnessKind
{
    None,
    Disk,
    FileShare,
}

/// <summary>How long each detector waits before it acts (none of these time-outs is published: parameters).</summary>
public sealed record DetectionSpec
{
    /// <summary>From a protected network's loss on a host to the cluster's decision to move the VMs.</summary>
    public SimTime NetworkHealth { get; init; } = SimTime.FromSeconds(10);

    /// <summary>From a VM's storage loss to the guest's crash and the cluster's relocation.</summary>
    public SimTime StorageFailure { get; init; } = SimTime.FromSeconds(60);
}

/// <summary>FailoverThreshold (null: nodes − 1) failovers of a group within FailoverPeriod (6 h), then it stays failed.</summary>
public sealed record FailoverPolicySpec
{
    public int? Threshold { get; init; }

    public SimTime Period { get; init; } = SimTime.FromSeconds(6 * 3600);
}

/// <summary>RestartDelay 500 ms, RestartThreshold 3 within RestartPeriod 15 min, RetryPeriodOnFailure 1 h (cluster API defaults).</summary>
public sealed record RestartPolicySpec
{
    public SimTime Delay { get; init; } = SimTime.FromMilliseconds(500);

    public int Threshold { get; init; } = 3;

    public SimTime Period { get; init; } = SimTime.FromSeconds(15 * 60);

    public SimTime RetryPeriod { get; init; } = SimTime.FromSeconds(3600);
}
