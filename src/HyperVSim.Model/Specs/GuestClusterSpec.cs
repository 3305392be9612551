using HyperVSim.Engine;

namespace HyperVSim.Model.Specs;

/// <summary>
/// A guest cluster: VMs (those whose <c>guestCluster</c> names it) clustered inside their guests on shared VHDX,
/// with their own heartbeat. A member that misses <see cref="Threshold"/> heartbeats is evicted and the guest role,
/// if it owned it, fails over to another member in <see cref="RoleFailover"/>.
/// </summary>
public sealed record GuestClusterSpec
{
    public required string Name { get; init; }

    public SimTime Delay { get; init; } = SimTime.FromSeconds(1);

    /// <summary>Missed heartbeats before a member is evicted (5: the API default; Microsoft suggests 20 for guest clusters).</summary>
    public int Threshold { get; init; } = 5;

    /// <summary>Time for the guest cluster's role (e.g. a SQL instance) to come online on another member.</summary>
    public SimTime RoleFailover { get; init; } = SimTime.FromSeconds(30);
}
