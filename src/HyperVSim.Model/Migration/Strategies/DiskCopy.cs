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
/// the writes made to that disk during its copy, after which every write goes to both volumes until the switch. A disk
/// with an I/O workload wrote the write fraction (1 − read) of what its I/O flow moved during the copy; a disk without
/// one wrote at the guest's write rate <c>diskWriteRate</c>, shared among the copied disks by size. The network usages are the NIC
/// pair of a shared-nothing move (source transmit, target receive); empty for a storage live migration. An SMB share at either
/// end adds the storage NICs of the host that reads or writes it (<see cref="SmbPath"/>).
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
            // An SMB share is read over the reading host's storage NICs (receive side) and written over the writing host's
            // (transmit side), SMB Multichannel as for disk I/O: the source reads; the target writes when the copy crosses
            // the live-migration network, else the source does both.
            Host writer = wire ? ctx.Target : ctx.Source;
            var between = new List<FlowUsage>();
            if (from.Spec.Kind == StorageKind.Smb)
            {
                SmbPath.Add(ctx.Cluster, between, ctx.Source, readFraction: 1);
            }

            between.AddRange(network);
            if (to.Spec.Kind == StorageKind.Smb)
            {
                SmbPath.Add(ctx.Cluster, between, writer, readFraction: 0);
            }

            IReadOnlyList<FlowUsage> path = StorageIo.Path(ctx.Settings, from, to, [.. between]);
            double storageBound = StorageIo.Bound(ctx.Settings, from, to);
            double bound = Math.Min(storageBound, wire ? ctx.Settings.StreamCeilingBytesPerSecond ?? double.PositiveInfinity : double.PositiveInfinity);
            LimitFactor cap = bound == storageBound ? LimitFactor.StorageRate : networkCap;

            SimTime copyStart = ctx.Now;
            DiskIo? io = ctx.Cluster.FindComponent<Storage.StorageIo>()?.DiskOf(ctx.Vm, disk.Name);
            double ioBefore = io?.BytesAt(copyStart) ?? 0;
            ctx.Waiting($"copying disk {disk.Name} ({disk.SizeBytes:N0} bytes) from {from.Name} to {to.Name}");
            ITransfer copy = ctx.Move(disk.SizeBytes, path, bound, cap, (from, ctx.Source), (to, writer));
            yield return copy.Done;
            ctx.AddPhase(StorageIo.Phase(PhaseKind.Copy, copyStart, ctx.Now, disk.SizeBytes, wire ? disk.SizeBytes : 0, ctx.Account(copy)));

            long written = (long)Math.Round(io is null
                ? ctx.Settings.DiskWriteBytesPerSecond * disk.SizeBytes / total * (ctx.Now - copyStart).Seconds
                : (1 - io.Io.ReadFraction) * (io.BytesAt(ctx.Now) - ioBefore));
            SimTime mirrorStart = ctx.Now;
            ctx.Waiting($"mirroring {written:N0} bytes written to {disk.Name} during its copy");
            ITransfer mirror = ctx.Move(written, path, bound, cap, (from, ctx.Source), (to, writer));
            yield return mirror.Done;
            ctx.AddPhase(StorageIo.Phase(PhaseKind.Mirror, mirrorStart, ctx.Now, written, wire ? written : 0, written > 0 ? ctx.Account(mirror) : null));
        }
    }
}
