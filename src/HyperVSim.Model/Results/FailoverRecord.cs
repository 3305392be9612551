namespace HyperVSim.Model.Results;

/// <summary>
/// One fault and how the cluster recovered from it: what failed (<c>Fault</c>: host, nic, storagePath, storage, quorum,
/// network; <c>Target</c> its name) at <c>At</c>, when and by which detector it was detected (heartbeat,
/// networkHealth, storageFailure, crash, quorum), the VMs it took down or moved, when the last of them ran again
/// (<c>RecoveredAt</c>, null while any is not running) and those that did not, with why.
/// </summary>
public sealed record FailoverRecord
{
    public required string Fault { get; init; }
    public required string Target { get; init; }
    public required double At { get; init; }
    public double? DetectedAt { get; init; }
    public string? Detector { get; init; }

    /// <summary>What the detector saw, in words ("hv1 declared down after 10 missed heartbeats on 2 routes").</summary>
    public string? Detail { get; init; }

    /// <summary>The VMs affected, in the order the cluster handled them.</summary>
    public IReadOnlyList<FailoverVm> Vms { get; init; } = [];

    public double? RecoveredAt { get; init; }

    /// <summary>RecoveredAt − At: time until every affected VM ran again (null when some did not).</summary>
    public double? RecoverySeconds => RecoveredAt - At;

    public IReadOnlyList<NotRecovered> NotRecovered { get; init; } = [];
}

/// <summary>An affected VM: where it ran again and when (null when it did not).</summary>
public sealed record FailoverVm(string Vm, string? Host, double? RunningAt)
{
    /// <summary>Seconds from the fault to the VM running again.</summary>
    public double? DowntimeSeconds { get; init; }
}

/// <summary>An affected VM that did not run again by the end of the run, and why.</summary>
public sealed record NotRecovered(string Vm, string Reason);

/// <summary>The cluster's quorum from <c>At</c> on: the votes in play, whether the cluster has quorum, and why it changed.</summary>
public sealed record QuorumRecord(double At, int Votes, bool Has, string Reason)
{
    /// <summary>Nodes in the cluster membership (up and joined) from this time on.</summary>
    public int Nodes { get; init; }

    /// <summary>True when the witness vote counts.</summary>
    public bool WitnessVote { get; init; }
}

/// <summary>Something a guest cluster did: a member evicted, its role moved, with when and why.</summary>
public sealed record GuestClusterEvent(string GuestCluster, double At, string Kind, string Member, string Reason);
