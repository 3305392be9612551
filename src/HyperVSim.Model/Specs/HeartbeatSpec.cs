using HyperVSim.Engine;

namespace HyperVSim.Model.Specs;

/// <summary>
/// Cluster heartbeats (SameSubnetDelay/Threshold, CrossSubnetDelay/Threshold). A null threshold takes the release's
/// default with Hyper-V VMs present: 10 same-subnet and 20 cross-subnet on 2012 R2 (relaxed heartbeat, [B] Savill
/// 2013), 5 and 5 on 2012 (API defaults): docs/model.md §Membership.
/// </summary>
public sealed record HeartbeatSpec
{
    public SimTime Delay { get; init; } = SimTime.FromSeconds(1);

    /// <summary>Missed heartbeats before a same-subnet route is dead; null: the release's default.</summary>
    public int? Threshold { get; init; }

    public SimTime CrossSubnetDelay { get; init; } = SimTime.FromSeconds(1);

    /// <summary>Missed heartbeats before a cross-subnet route is dead; null: the release's default.</summary>
    public int? CrossSubnetThreshold { get; init; }

    /// <summary>The same-subnet threshold in force for a cluster of <paramref name="version"/>.</summary>
    public int ThresholdFor(HyperVVersion version) => Threshold ?? (version == HyperVVersion.V2012R2 ? 10 : 5);

    /// <summary>The cross-subnet threshold in force for a cluster of <paramref name="version"/>.</summary>
    public int CrossSubnetThresholdFor(HyperVVersion version) => CrossSubnetThreshold ?? (version == HyperVVersion.V2012R2 ? 20 : 5);
}
