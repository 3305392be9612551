namespace HyperVSim.Model.Results;

/// <summary>Everything a run produced, for reports: immutable, ordered deterministically.</summary>
public sealed record SimulationResult
{
    public required string Scenario { get; init; }
    public required long Seed { get; init; }
    public required double SimulatedSeconds { get; init; }
    public required long EventsProcessed { get; init; }

    /// <summary>Migrations in the order they were requested.</summary>
    public required IReadOnlyList<MigrationRecord> Migrations { get; init; }

    /// <summary>Node drains in the order they were asked.</summary>
    public IReadOnlyList<DrainRecord> Drains { get; init; } = [];

    /// <summary>Step series over time (running VMs, NIC throughput) for plots.</summary>
    public IReadOnlyList<TimeSeries> Series { get; init; } = [];

    /// <summary>Faults and the cluster's recovery from each, in the order they happened.</summary>
    public IReadOnlyList<FailoverRecord> Failovers { get; init; } = [];

    /// <summary>The quorum over time (empty when the cluster never changed membership).</summary>
    public IReadOnlyList<QuorumRecord> Quorum { get; init; } = [];

    /// <summary>What guest clusters did (evictions, role moves), in time order.</summary>
    public IReadOnlyList<GuestClusterEvent> GuestClusters { get; init; } = [];

    /// <summary>Saves and restores of VMs, in the order asked.</summary>
    public IReadOnlyList<SavedStateRecord> SavedStates { get; init; } = [];

    /// <summary>In-place host upgrades, in the order asked.</summary>
    public IReadOnlyList<UpgradeRecord> Upgrades { get; init; } = [];

    /// <summary>Online VHDX resizes, in the order asked.</summary>
    public IReadOnlyList<ResizeRecord> Resizes { get; init; } = [];

    /// <summary>Disks with an I/O workload, in VM and disk order (empty when no disk has one).</summary>
    public IReadOnlyList<DiskRecord> Disks { get; init; } = [];

    /// <summary>Storage QoS events 32930 and 32931 in time order.</summary>
    public IReadOnlyList<QosEventRecord> QosEvents { get; init; } = [];

    /// <summary>Volumes that carried disk I/O, in the scenario's order.</summary>
    public IReadOnlyList<VolumeRecord> Volumes { get; init; } = [];

    /// <summary>Boots through a boot model, in the order they started (empty when no VM uses one).</summary>
    public IReadOnlyList<BootRecord> Boots { get; init; } = [];

    /// <summary>Console sessions, in time order.</summary>
    public IReadOnlyList<SessionRecord> Sessions { get; init; } = [];

    /// <summary>VMs in the scenario's order.</summary>
    public required IReadOnlyList<VmRecord> Vms { get; init; }
}
