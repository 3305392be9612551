using HyperVSim.Engine;

namespace HyperVSim.Model.Specs;

/// <summary>A scripted event of a scenario, at a simulated time.</summary>
public abstract record ScenarioEventSpec(SimTime At);

/// <summary>Live-migrate a VM to a host.</summary>
public sealed record MigrateEventSpec(SimTime At, string Vm, string To) : ScenarioEventSpec(At)
{
    /// <summary>Performance option for this move only (tcpip, compression, smb); null: the cluster's.</summary>
    public string? Option { get; init; }

    /// <summary>Migration strategy by its registered name (precopy, quick, postcopy).</summary>
    public string Strategy { get; init; } = Migration.MigrationStrategies.Default;

    /// <summary>A shared-nothing move: the volume the VM's disks are copied to; null when they stay where they are.</summary>
    public string? Storage { get; init; }
}

/// <summary>Storage live migration: move a running VM's disks to another volume, the VM staying on its host.</summary>
public sealed record MoveStorageEventSpec(SimTime At, string Vm, string To) : ScenarioEventSpec(At);

/// <summary>Pause a node and move every VM off it (drain roles).</summary>
public sealed record DrainEventSpec(SimTime At, string Host) : ScenarioEventSpec(At);

/// <summary>Pause a node (nothing is placed on it); with <see cref="Drain"/>, live-migrate its VMs away too.</summary>
public sealed record PauseEventSpec(SimTime At, string Host, bool Drain = true) : ScenarioEventSpec(At);

/// <summary>Resume a paused node, and fail back the VMs drained from it as <see cref="Failback"/> says.</summary>
public sealed record ResumeEventSpec(SimTime At, string Host, FailbackSpec Failback) : ScenarioEventSpec(At);

/// <summary>
/// Restart a node: drain it (or, with <see cref="Drain"/> false, shut it down as an administrator would without
/// maintenance mode), down for <see cref="DownFor"/>, back, and resumed with <see cref="Failback"/>.
/// </summary>
public sealed record RestartEventSpec(SimTime At, string Host, SimTime DownFor, bool Drain = true) : ScenarioEventSpec(At)
{
    public FailbackSpec Failback { get; init; } = FailbackSpec.None;
}

/// <summary>Change a disk's Storage QoS while running; a null bound keeps its current value, 0 removes it.</summary>
public sealed record SetQosEventSpec(SimTime At, string Vm, string Disk) : ScenarioEventSpec(At)
{
    /// <summary>New minimum in normalized IOPS; null keeps the current one.</summary>
    public long? Minimum { get; init; }

    /// <summary>New maximum in normalized IOPS; null keeps the current one.</summary>
    public long? Maximum { get; init; }
}

/// <summary>Start a VM that is off (or saved).</summary>
public sealed record StartEventSpec(SimTime At, string Vm) : ScenarioEventSpec(At);

/// <summary>Power restored: the hosts named (every host when empty) come up if down, and their VMs that are off start.</summary>
public sealed record PowerOnEventSpec(SimTime At, IReadOnlyList<string> Hosts) : ScenarioEventSpec(At);

/// <summary>A console (Virtual Machine Connection) session to a VM, basic or enhanced, redirecting USB or not.</summary>
public sealed record ConnectEventSpec(SimTime At, string Vm, SessionMode Mode) : ScenarioEventSpec(At)
{
    /// <summary>The user asks to redirect USB devices (needs the client's RemoteFX USB redirection policy).</summary>
    public bool Usb { get; init; }

    /// <summary>The client computer's policy allowing RemoteFX USB device redirection.</summary>
    public bool ClientUsbPolicy { get; init; }

    /// <summary>The user is in the guest's Administrators or Remote Desktop Users group.</summary>
    public bool UserAllowed { get; init; } = true;
}

/// <summary>A console session's mode: basic (keyboard, mouse, screen) or enhanced (RDP over VMBus).</summary>
public enum SessionMode
{
    Basic,
    Enhanced,
}

/// <summary>Save a running VM: pause it, write its memory to its storage, leave it saved (docs/model.md §Saved state).</summary>
public sealed record SaveEventSpec(SimTime At, string Vm) : ScenarioEventSpec(At);

/// <summary>Restore a saved VM: read its memory back on its host (or where the cluster places it) and resume it.</summary>
public sealed record RestoreEventSpec(SimTime At, string Vm) : ScenarioEventSpec(At);

/// <summary>In-place upgrade of a 2012 host to 2012 R2: save its VMs, down for <see cref="Duration"/>, back as 2012 R2, restore them.</summary>
public sealed record UpgradeEventSpec(SimTime At, string Host, SimTime Duration) : ScenarioEventSpec(At);

/// <summary>Online resize of a VM's VHDX on the SCSI controller to <see cref="SizeBytes"/> (grow or shrink).</summary>
public sealed record ResizeEventSpec(SimTime At, string Vm, string Disk, long SizeBytes) : ScenarioEventSpec(At);

/// <summary>
/// Failback of the VMs a drain moved away: none (the default: failback is off), immediate, or within a daily window
/// of hours [<see cref="WindowStartHour"/>, <see cref="WindowEndHour"/>) where simulated time 0 is midnight.
/// </summary>
public sealed record FailbackSpec(FailbackMode Mode, int WindowStartHour = 0, int WindowEndHour = 0)
{
    public static FailbackSpec None { get; } = new(FailbackMode.None);
}

/// <summary>When drained VMs go back to a resumed node.</summary>
public enum FailbackMode
{
    None,
    Immediate,
    Window,
}

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
