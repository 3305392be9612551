using HyperVSim.Engine;
using HyperVSim.Flow;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using HyperVSim.Model.Storage;
using HyperVSim.Model.Transports;

namespace HyperVSim.Model.Migration.Strategies;

/// <summary>
/// The disk part of a storage move (docs/model.md §Storage live migration), disk after disk: <c>copy</c> sends the
/// disk's bytes from its volume to the target volume while the guest runs and writes on; <c>mirror</c> then applies
/// the writes made to that disk during its copy (the guest's write rate <c>diskWriteRate</c>, shared among its disks
/// by size), after which every write goes to both volumes until the switch. The network usages are the NIC
/// pair of a shared-nothing move (source transmit, target receive); empty for a storage live migration.
/// </summary>
internal static class DiskCopy
{
    public static IEnumerable<Event> Run(IMigrationContext ctx, IReadOnlyList<FlowUsage> network, LimitFactor networkCap)
    {
        Volume to = ctx.StorageTarget!;
        IReadOnlyList<(DiskSpec Disk, Volume From)> disks = ctx.DisksToCopy;
        double total = disks.Sum(d => (double)d.Disk.SizeBytes);
        bool wire = network.Count > 0;
        foreach ((DiskSpec disk, Volume from) in disks)
        {
            IReadOnlyList<FlowUsage> path = StorageIo.Path(ctx.Settings, from, to, [.. network]);
            double storageBound = StorageIo.Bound(ctx.Settings, from, to);
            double bound = Math.Min(storageBound, wire ? ctx.Settings.StreamCeilingBytesPerSecond ?? double.PositiveInfinity : double.PositiveInfinity);
            LimitFactor cap = bound == storageBound ? LimitFactor.StorageRate : networkCap;

            SimTime copyStart = ctx.Now;
            ctx.Waiting($"copying disk {disk.Name} ({disk.SizeBytes:N0} bytes) from {from.Name} to {to.Name}");
            ITransfer copy = ctx.Move(disk.SizeBytes, path, bound, cap);
            yield return copy.Done;
            ctx.AddPhase(StorageIo.Phase(PhaseKind.Copy, copyStart, ctx.Now, disk.SizeBytes, wire ? disk.SizeBytes : 0, ctx.Account(copy)));

            double writeRate = ctx.Settings.DiskWriteBytesPerSecond * disk.SizeBytes / total;
            long written = (long)Math.Round(writeRate * (ctx.Now - copyStart).Seconds);
            SimTime mirrorStart = ctx.Now;
            ctx.Waiting($"mirroring {written:N0} bytes written to {disk.Name} during its copy");
            ITransfer mirror = ctx.Move(written, path, bound, cap);
            yield return mirror.Done;
            ctx.AddPhase(StorageIo.Phase(PhaseKind.Mirror, mirrorStart, ctx.Now, written, wire ? written : 0, written > 0 ? ctx.Account(mirror) : null));
        }
    }
}
