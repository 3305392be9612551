using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Storage;
using HyperVSim.Model.Transports;

namespace HyperVSim.Model.Migration.Strategies;

/// <summary>
/// Quick migration (docs/model.md §Quick migration): the VM is saved — paused, its memory written to its storage —
/// its cluster group moves to the target (<c>quickMoveTime</c>), and it is restored there — memory read back — and
/// resumes. The whole is an outage: save + move + restore. Memory goes to and from the volume of the VM's first disk
/// at that volume's bandwidth and IOPS; a VM without disks, or on unlimited volumes, at <c>storageRate</c>.
/// No byte crosses the live-migration network.
/// </summary>
public sealed class QuickStrategy : IMigrationStrategy
{
    /// <summary>The registered name.</summary>
    public const string Name = "quick";

    public IEnumerable<Event> Run(IMigrationContext ctx)
    {
        if (!ctx.Cluster.StorageReachable(ctx.Vm, ctx.Target, out string why))
        {
            ctx.Fail($"quick migration needs the VM's storage on the destination: {why}");
            yield break;
        }

        ctx.ReserveTargetMemory();
        Volume? volume = ctx.Vm.Spec.Disks.FirstOrDefault(d => d.Storage is not null) is { Storage: { } name } ? ctx.Cluster.VolumeNamed(name) : null;
        long memory = ctx.Vm.Spec.MemoryBytes;
        double bound = StorageIo.Bound(ctx.Settings, volume);

        // Save: the guest stops; its memory is written to the volume.
        ctx.PauseVm($"saved for its quick migration to {ctx.Target.Name}", outage: true);
        SimTime outageStart = ctx.Now;
        ctx.Waiting($"saving {memory:N0} bytes to {volume?.Name ?? "its storage"}");
        ITransfer save = ctx.Move(memory, StorageIo.Path(ctx.Settings, null, volume), bound, LimitFactor.StorageRate, (volume, ctx.Source));
        yield return save.Done;
        ctx.AddPhase(StorageIo.Phase(PhaseKind.Save, outageStart, ctx.Now, memory, 0, ctx.Account(save)));

        // Move: the group goes offline on the source and online on the target.
        SimTime moveStart = ctx.Now;
        ctx.Waiting("moving the VM's group to the destination");
        yield return ctx.Delay(ctx.Settings.QuickMoveTime);
        ctx.SwitchToTarget();
        ctx.AddPhase(StorageIo.Phase(PhaseKind.Switchover, moveStart, ctx.Now, 0, 0, null));

        // Restore: the memory is read back on the target; the guest resumes.
        SimTime restoreStart = ctx.Now;
        ctx.Waiting($"restoring {memory:N0} bytes from {volume?.Name ?? "its storage"}");
        ITransfer restore = ctx.Move(memory, StorageIo.Path(ctx.Settings, volume, null), bound, LimitFactor.StorageRate, (volume, ctx.Target));
        yield return restore.Done;
        ctx.AddPhase(StorageIo.Phase(PhaseKind.Restore, restoreStart, ctx.Now, memory, 0, ctx.Account(restore)));
        ctx.ResumeVm();

        ctx.Complete(new MigrationOutcome(0, 0, null, (ctx.Now - outageStart).Seconds, null));
    }
}
