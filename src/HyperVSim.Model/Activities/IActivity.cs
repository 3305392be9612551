using HyperVSim.Engine;

namespace HyperVSim.Model.Activities;

/// <summary>
/// Something the cluster does over time — a migration, a drain; later a storage move, a boot, a failover — that a
/// component starts and observers follow through <see cref="Cluster.ActivityStarted"/> and
/// <see cref="Cluster.ActivityEnded"/>. A run must not end while one is in flight unless a stop time says so.
/// </summary>
public interface IActivity
{
    /// <summary>A name for people ("live migration of sql1 hv1->hv2", "drain of hv3").</summary>
    string Name { get; }

    /// <summary>True once it has ended, whatever the outcome.</summary>
    bool HasEnded { get; }

    /// <summary>What it waits on now, in words, and since when (for the stall guard).</summary>
    string WaitingOn { get; }

    /// <inheritdoc cref="WaitingOn"/>
    SimTime WaitingSince { get; }
}
