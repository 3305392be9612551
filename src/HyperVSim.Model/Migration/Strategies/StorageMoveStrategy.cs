using HyperVSim.Engine;
using HyperVSim.Model.Results;

namespace HyperVSim.Model.Migration.Strategies;

/// <summary>
/// Storage live migration (<c>moveStorage</c>; docs/model.md §Storage live migration): the VM keeps running on
/// its host while its disks are copied to the target volume and the writes made meanwhile are mirrored
/// (<see cref="DiskCopy"/>); then the switch (<c>switchoverTime</c>) points the VM at the copies. The host does the
/// copy: each byte is read from the source volume and written to the target volume.
/// </summary>
internal sealed class StorageMoveStrategy : IMigrationStrategy
{
    /// <summary>The registered name.</summary>
    public const string Name = "storage";

    public IEnumerable<Event> Run(IMigrationContext ctx)
    {
        foreach (Event step in DiskCopy.Run(ctx, [], LimitFactor.StorageRate))
        {
            yield return step;
        }

        SimTime switchStart = ctx.Now;
        ctx.Waiting("the storage switch");
        yield return ctx.Delay(ctx.Settings.SwitchoverTime);
        ctx.SwitchStorage();
        ctx.AddPhase(StorageIo.Phase(PhaseKind.Switchover, switchStart, ctx.Now, 0, 0, null));
        ctx.Complete(new MigrationOutcome(0, 0, null, 0, null));
    }
}
