using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using HyperVSim.Model.Transports;

namespace HyperVSim.Model.Migration;

/// <summary>
/// The steps of one kind of migration (pre-copy today; quick, post-copy and storage moves later), run by a
/// <see cref="LiveMigration"/> once it holds its slots. A strategy sees only its <see cref="IMigrationContext"/>:
/// it waits on the events it yields and ends with <see cref="IMigrationContext.Complete"/> or
/// <see cref="IMigrationContext.Fail"/>. Everything it holds is released by the migration, however it ends.
/// </summary>
public interface IMigrationStrategy
{
    /// <summary>The steps, as events to wait on.</summary>
    IEnumerable<Event> Run(IMigrationContext context);
}

/// <summary>What a migration strategy may do: read the VM, hosts and settings; open the transport; send; pause, switch and resume the VM; record phases and limits.</summary>
public interface IMigrationContext
{
    VirtualMachine Vm { get; }

    Host Source { get; }

    Host Target { get; }

    LiveMigrationSpec Settings { get; }

    SimTime Now { get; }

    /// <summary>An event that succeeds after <paramref name="delay"/>.</summary>
    Event Delay(SimTime delay);

    /// <summary>The VM's own stream for migration draws (setup jitter), from (seed, VM, "liveMigration").</summary>
    Random Random { get; }

    /// <summary>Holds the VM's memory on the target (the skeleton VM) until <see cref="SwitchToTarget"/> or the end.</summary>
    void ReserveTargetMemory();

    /// <summary>Opens the transport of the migration's option, or returns null with why (no usable network).</summary>
    ITransferSession? OpenTransport(out string failure);

    /// <summary>Says what the migration now waits on (for diagnostics and the stall guard).</summary>
    void Waiting(string what);

    /// <summary>
    /// Says the migration now waits on <paramref name="bytes"/> crossing <paramref name="session"/> ("pass 2: 1,024 bytes
    /// over lm (hv1/lm1, hv2/lm1)"); the words are built only when read, as passes come often and stalls rarely.
    /// </summary>
    void WaitingToSend(string step, long bytes, ITransferSession session);

    /// <summary>Pauses the guest on the source (the blackout begins).</summary>
    void PauseVm();

    /// <summary>Pauses the guest on the source for <paramref name="why"/> (an outage when <paramref name="outage"/>, e.g. quick migration's save).</summary>
    void PauseVm(string why, bool outage);

    /// <summary>The cluster (volumes, the flow network, the live-migration networks).</summary>
    Cluster Cluster { get; }

    /// <summary>The volume the VM's disks move to (a storage or shared-nothing move); null when they stay.</summary>
    Storage.Volume? StorageTarget { get; }

    /// <summary>
    /// Moves <paramref name="bytes"/> along <paramref name="path"/> (volumes, NICs) as one flow, at most
    /// <paramref name="bound"/> bytes per second; the migration cancels it if it ends first. A bottleneck on a volume
    /// counts as <see cref="LimitFactor.Storage"/>, the bound as <paramref name="ownCap"/>. Each of <paramref name="needs"/>
    /// is a volume the flow reads or writes and the host that does it: the flow fails when that volume fails or the host
    /// can no longer reach it, whether or not the volume is a resource of <paramref name="path"/>.
    /// </summary>
    ITransfer Move(long bytes, IReadOnlyList<Flow.FlowUsage> path, double bound, LimitFactor ownCap, params (Storage.Volume? Volume, Host Host)[] needs);

    /// <summary>The transport option the migration uses (tcpip, compression, smb; none for a storage live migration).</summary>
    string Option { get; }

    /// <summary>The disks a storage move copies, each with the volume it is on now (empty when no storage moves).</summary>
    IReadOnlyList<(DiskSpec Disk, Storage.Volume From)> DisksToCopy { get; }

    /// <summary>Points the VM's disks at <see cref="StorageTarget"/> (the storage switch).</summary>
    void SwitchStorage();

    /// <summary>Gives back the reserved memory and moves the (paused) VM to the target; a shared-nothing move switches its disks too.</summary>
    void SwitchToTarget();

    /// <summary>Resumes the guest where it now is.</summary>
    void ResumeVm();

    /// <summary>Adds a phase record (setup, pass, blackout, switch-over).</summary>
    void AddPhase(PhaseRecord phase);

    /// <summary>The factor that bound <paramref name="transfer"/> longest; adds each factor's time to the migration's tally when <paramref name="count"/>.</summary>
    LimitFactor? Account(ITransfer transfer, bool count = true);

    /// <summary>Adds seconds to a limiting factor's tally (e.g. dirtyRate).</summary>
    void AddLimit(LimitFactor factor, double seconds);

    /// <summary>Ends the migration as completed.</summary>
    void Complete(MigrationOutcome outcome);

    /// <summary>Ends the migration as failed, the VM staying on its source.</summary>
    void Fail(string reason);
}

/// <summary>What a completed migration reports besides its phases: passes, bytes on the wire, the stop rule, the blackout, CPU, and the session used.</summary>
public sealed record MigrationOutcome(int Rounds, long BytesOnWire, string? StopReason, double BlackoutSeconds, ITransferSession? Session)
{
    /// <summary>Post-copy: seconds the guest ran degraded on the target.</summary>
    public double DegradedSeconds { get; init; }

    /// <summary>Post-copy: seconds of those the guest stood stalled on missing pages.</summary>
    public double StallSeconds { get; init; }
}
