using HyperVSim.Engine;
using HyperVSim.Flow;
using HyperVSim.Model.Transports;

namespace HyperVSim.Model.Migration.Strategies;

/// <summary>
/// Shared-nothing live migration (<c>migrate</c> with <c>storage:</c>; docs/model.md §Shared-nothing live
/// migration): the destination's memory is held, the disks are copied over the live-migration network (source
/// volume read, source NIC, target NIC, target volume write) with the writes made meanwhile mirrored
/// (<see cref="DiskCopy"/>), then the memory moves by the wrapped strategy (pre-copy unless named), whose cut-over
/// switches the disks too. Disks already on the target volume, or on an SMB share the destination reaches, are not
/// copied: a VM whose files are on a share moves only its memory.
/// </summary>
internal sealed class SharedNothingStrategy(IMigrationStrategy memory) : IMigrationStrategy
{
    public IEnumerable<Event> Run(IMigrationContext ctx)
    {
        ctx.ReserveTargetMemory();
        if (ctx.DisksToCopy.Count > 0)
        {
            var opening = new TransportContext(ctx.Cluster.Simulation, ctx.Cluster.Flows, ctx.Vm, ctx.Source, ctx.Target, ctx.Cluster.LiveMigrationNetworks, ctx.Settings);
            if (NetworkPath.Choose(opening, out string failure) is not { } p)
            {
                ctx.Fail(failure);
                yield break;
            }

            Nic src = p.Source;
            Nic dst = p.Target;
            foreach (Event step in DiskCopy.Run(ctx, [new FlowUsage(src.Transmit, 1), new FlowUsage(dst.Receive, 1)], LimitFactor.StreamCeiling))
            {
                yield return step;
            }
        }

        foreach (Event step in memory.Run(ctx))
        {
            yield return step;
        }
    }
}
