namespace HyperVSim.Model.Results;

/// <summary>
/// The outcome of one migration, as the report contract names its fields (times in seconds, sizes in bytes).
/// <c>TotalSeconds</c> = completedAt − startedAt; queueing is startedAt − requestedAt.
/// </summary>
public sealed record MigrationRecord
{
    public required string Vm { get; init; }
    public required string From { get; init; }
    /// <summary>Destination; null when the cluster found no host to take the VM.</summary>
    public required string? To { get; init; }
    /// <summary>live, quick, storage (a storage live migration) or sharedNothing (memory and disks to another host).</summary>
    public string Kind { get; init; } = "live";

    /// <summary>The migration strategy's registered name (precopy, quick, postcopy, storage).</summary>
    public string Strategy { get; init; } = Migration.MigrationStrategies.Default;

    /// <summary>Why the cluster quick-migrated a VM it would have live-migrated (live migration was impossible); null otherwise.</summary>
    public string? Fallback { get; init; }

    /// <summary>Disk bytes copied to the target volume (storage and shared-nothing moves).</summary>
    public long CopyBytes { get; init; }

    /// <summary>Guest writes made during the copy and applied to the target volume (storage and shared-nothing moves).</summary>
    public long MirrorBytes { get; init; }

    /// <summary>Post-copy: seconds the guest ran on the target before all its memory had arrived.</summary>
    public double DegradedSeconds { get; init; }

    /// <summary>Post-copy: of those, the seconds the guest stood stalled on pages not yet received (docs/model.md §Post-copy).</summary>
    public double StallSeconds { get; init; }
    public required string Option { get; init; }
    public required double RequestedAt { get; init; }
    public double? StartedAt { get; init; }
    public double? CompletedAt { get; init; }
    public double? TotalSeconds => StartedAt is { } s && CompletedAt is { } c ? c - s : null;
    public double QueuedSeconds { get; init; }
    public double BlackoutSeconds { get; init; }
    public int Rounds { get; init; }
    public long MemoryBytes { get; init; }
    public long BytesOnWire { get; init; }
    public double CpuSeconds { get; init; }
    public string? Network { get; init; }
    public IReadOnlyList<string> Nics { get; init; } = [];
    public Migration.LimitFactor? LimitedBy { get; init; }

    /// <summary>Words on the limiting factor for people ("on hv1: 2.1 spare cores"), when the transport has any.</summary>
    public string? LimitedByDetail { get; init; }

    /// <summary>The stop rule that ended pre-copy: blackoutTarget, maxPasses or noDirtyMemory.</summary>
    public string? StopReason { get; init; }

    /// <summary>Completed, failed or cancelled.</summary>
    public required MigrationResult Result { get; init; }

    /// <summary>Why it failed or was cancelled.</summary>
    public string? Reason { get; init; }

    /// <summary>Who asked: scenario (scripted) or cluster (chosen by the cluster, e.g. a drain).</summary>
    public string RequestedBy { get; init; } = "scenario";

    public IReadOnlyList<PhaseRecord> Phases { get; init; } = [];
}
