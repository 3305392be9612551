using HyperVSim.Engine;

namespace HyperVSim.Model.Specs;

/// <summary>A whole scenario, validated and in base units: what the model builds a cluster from.</summary>
public sealed record ScenarioSpec
{
    public required string Name { get; init; }

    /// <summary>Root seed of every random stream.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The study case (parameter point) this run is, 0 for a single run: a term of every random stream.</summary>
    public long CaseIndex { get; init; }

    /// <summary>The replication of that case, 0 for a single run: a term of every random stream.</summary>
    public long Replication { get; init; }

    /// <summary>Stop time; null runs until no event is left.</summary>
    public SimTime? Until { get; init; }

    public ClusterSpec Cluster { get; init; } = new();

    public IReadOnlyList<NetworkSpec> Networks { get; init; } = [];

    public IReadOnlyList<HostSpec> Hosts { get; init; } = [];

    public IReadOnlyList<StorageSpec> Storage { get; init; } = [];

    public IReadOnlyList<VmSpec> Vms { get; init; } = [];

    /// <summary>Guest clusters on shared VHDX, by name.</summary>
    public IReadOnlyList<GuestClusterSpec> GuestClusters { get; init; } = [];

    /// <summary>Stochastic faults; <see cref="FaultsSpec.Any"/> false when none.</summary>
    public FaultsSpec Faults { get; init; } = new();

    /// <summary>Scripted events, in the order the scenario lists them.</summary>
    public IReadOnlyList<ScenarioEventSpec> Events { get; init; } = [];
}
