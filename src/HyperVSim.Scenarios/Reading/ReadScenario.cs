using HyperVSim.Engine;
using HyperVSim.Model.Specs;

namespace HyperVSim.Scenarios.Reading;

/// <summary>Everything read from a scenario, each element with its origin, before the cluster-wide rules run.</summary>
internal sealed class ReadScenario
{
    public required Origin Root { get; init; }

    public required string Name { get; init; }

    public long Seed { get; init; }

    public SimTime? Until { get; init; }

    public required Sourced<ClusterSpec> Cluster { get; init; }

    public required IReadOnlyList<Sourced<NetworkSpec>> Networks { get; init; }

    public required IReadOnlyList<Sourced<HostSpec>> Hosts { get; init; }

    public required IReadOnlyList<Sourced<StorageSpec>> Storage { get; init; }

    public required IReadOnlyList<Sourced<VmSpec>> Vms { get; init; }

    public required IReadOnlyList<Sourced<GuestClusterSpec>> GuestClusters { get; init; }

    /// <summary>The <c>faults:</c> mapping; null when the scenario has none.</summary>
    public Sourced<FaultsSpec>? Faults { get; init; }

    public required IReadOnlyList<Sourced<ScenarioEventSpec>> Events { get; init; }

    public ScenarioSpec ToSpec() => new()
    {
        Name = Name,
        Seed = Seed,
        Until = Until,
        Cluster = Cluster.Spec,
        Networks = Networks.Select(n => n.Spec).ToArray(),
        Hosts = Hosts.Select(h => h.Spec).ToArray(),
        Storage = Storage.Select(s => s.Spec).ToArray(),
        Vms = Vms.Select(v => v.Spec).ToArray(),
        GuestClusters = GuestClusters.Select(g => g.Spec).ToArray(),
        Faults = Faults?.Spec ?? new FaultsSpec(),
        Events = Events.Select(e => e.Spec).ToArray(),
    };
}
