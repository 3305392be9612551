using HyperVSim.Engine;

namespace HyperVSim.Model.Specs;

/// <summary>A scripted event of a scenario, at a simulated time.</summary>
public abstract record ScenarioEventSpec(SimTime At);

/// <summary>Live-migrate a VM to a host.</summary>
public sealed record MigrateEventSpec(SimTime At, string Vm, string To) : ScenarioEventSpec(At)
{
    /// <summary>Performance option for this move only (tcpip, compression, smb); null: the cluster's.</summary>
    public string? Option { get; init; }

    /// <summary>Migration strategy by its registered name (precopy, ...).</summary>
    public string Strategy { get; init; } = Migration.MigrationStrategies.Default;
}

/// <summary>Pause a node and move every VM off it (drain roles).</summary>
public sealed record DrainEventSpec(SimTime At, string Host) : ScenarioEventSpec(At);

/// <summary>Something fails (<see cref="Repair"/> false) or is repaired.</summary>
public sealed record FaultEventSpec(SimTime At, FaultTarget Target, bool Repair) : ScenarioEventSpec(At);

/// <summary>What a fail or repair event acts on.</summary>
public sealed record FaultTarget(FaultTargetKind Kind, string Name);

/// <summary>Kinds of fault targets: a host, a host's NIC (host/nic), a host's path to a volume (host/storage), a volume.</summary>
public enum FaultTargetKind
{
    Host,
    Nic,
    StoragePath,
    Storage,
}
