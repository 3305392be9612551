using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using HyperVSim.Model.Storage;

namespace HyperVSim.Model.Components;

/// <summary>
/// Online VHDX resize (docs/model.md §Online VHDX resize): a VHDX on the SCSI controller of a running VM grows or
/// shrinks while the guest runs; a shrink stops at the size its partitions use. Every resize takes a fixed cost;
/// growing a fixed VHDX also writes zeros over the added bytes through its volume's flow resources, a dynamic or
/// differencing one only changes metadata.
/// </summary>
public sealed class DiskResizes : IClusterComponent
{
    private readonly Dictionary<(VirtualMachine Vm, string Disk), long> _sizes = [];
    private readonly HashSet<(VirtualMachine Vm, string Disk)> _busy = [];
    private readonly List<Func<ResizeRecord>> _records = [];
    private Cluster? _cluster;

    private Cluster Cluster => _cluster ?? throw new InvalidOperationException("disk resizes are not attached to a cluster");

    public void Attach(Cluster cluster) => _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));

    /// <summary>Every resize so far, in the order asked.</summary>
    public IReadOnlyList<ResizeRecord> Records() => _records.Select(r => r()).ToArray();

    /// <summary>The size of <paramref name="vm"/>'s disk <paramref name="disk"/> now.</summary>
    public long SizeOf(VirtualMachine vm, string disk)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return _sizes.TryGetValue((vm, disk), out long size) ? size : vm.Spec.Disks.First(d => d.Name == disk).SizeBytes;
    }

    /// <summary>Resizes the disk to <paramref name="sizeBytes"/>; the event returned succeeds when the resize ends, whatever its result.</summary>
    public Event Resize(VirtualMachine vm, string disk, long sizeBytes)
    {
        ArgumentNullException.ThrowIfNull(vm);
        Simulation sim = Cluster.Simulation;
        Event done = sim.Event($"resize {vm.Name}/{disk}");
        double requestedAt = sim.Now.Seconds;
        DiskSpec? spec = vm.Spec.Disks.FirstOrDefault(d => d.Name == disk);
        long from = spec is null ? 0 : SizeOf(vm, disk);
        ResizeRecord record = new(vm.Name, disk, from, sizeBytes, requestedAt) { Result = "running" };
        _records.Add(() => record);

        void End(string result, string? reason, long zeroed)
        {
            record = record with { Result = result, Reason = reason, ZeroedBytes = zeroed, CompletedAt = result == "completed" ? sim.Now.Seconds : null };
            _busy.Remove((vm, disk));
            done.Succeed();
        }

        string? refusal = spec is null ? $"{vm.Name} has no disk '{disk}'"
            : spec.Format != DiskFormat.Vhdx ? $"{vm.Name}/{disk} is a VHD file: only a VHDX can be resized online"
            : spec.Controller != DiskController.Scsi ? $"{vm.Name}/{disk} is on the IDE controller: only a disk on the SCSI controller can be resized online"
            : spec.Shared ? $"{vm.Name}/{disk} is a shared VHDX, which cannot be resized online"
            : vm.State != VmState.Running ? $"online resize needs a running VM: {vm.Name} is {vm.State.ToString().ToLowerInvariant()}"
            : _busy.Contains((vm, disk)) ? $"{vm.Name}/{disk} is being resized already"
            : sizeBytes < spec.MinimumBytes ? $"{vm.Name}/{disk} cannot shrink below the {spec.MinimumBytes} bytes its partitions use"
            : null;
        if (refusal is not null)
        {
            End("failed", refusal, 0);
            return done;
        }

        _busy.Add((vm, disk));
        long zero = spec!.Type == DiskType.Fixed && sizeBytes > from ? sizeBytes - from : 0;
        Volume? volume = spec.Storage is { } name ? Cluster.VolumeNamed(name) : null;
        Host host = vm.Host!;
        sim.Process(Steps(), $"resize {vm.Name}/{disk}");
        return done;

        IEnumerable<Event> Steps()
        {
            ResizeSpec p = Cluster.Spec.Cluster.Resize;
            yield return sim.Timeout(p.FixedCost);
            if (zero > 0)
            {
                Flow.Flow flow = VolumeTransfer.Start(Cluster, $"zero:{vm.Name}/{disk}", zero, volume, host, p.IoSizeBytes, Cluster.Spec.Cluster.SavedState.BytesPerSecond);
                yield return flow.Completion;
            }

            _sizes[(vm, disk)] = sizeBytes;
            End("completed", null, zero);
        }
    }
}
