using HyperVSim.Flow;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Storage;

/// <summary>
/// A storage volume: up or failed, reached from each host over a path that can fail on its own (a CSV's or a share's
/// path from a node; a local volume only from its host), and, when the scenario gives them, its bandwidth and IOPS
/// as flow resources that every byte read or written there crosses (<see cref="Usages"/>).
/// </summary>
public sealed class Volume
{
    private readonly Dictionary<Host, int> _pathFailures = [];
    private int _failures;

    internal Volume(StorageSpec spec, Host? owner, FlowNetwork flows)
    {
        Spec = spec;
        Owner = owner;
        Bandwidth = spec.BytesPerSecond is { } bps ? flows.AddResource($"{spec.Name}:bandwidth", bps) : null;
        Iops = spec.Iops is { } iops ? flows.AddResource($"{spec.Name}:iops", iops) : null;
        FileServer = spec.Kind == StorageKind.Smb ? flows.AddResource($"{spec.Name}:fileServer", spec.Nodes * spec.NodeBytesPerSecond) : null;
    }

    /// <summary>
    /// An SMB share's Scale-Out File Server: its nodes' bytes per second toward the hosts (nodes × per-node rate) as a
    /// resource every byte to or from the share crosses; null for other kinds.
    /// </summary>
    public Resource? FileServer { get; }

    /// <summary>The volume's limited resources (bandwidth, IOPS, file server), for its utilisation.</summary>
    public IEnumerable<Resource> LimitedResources => new[] { Bandwidth, Iops, FileServer }.OfType<Resource>();

    /// <summary>The volume's bytes per second as a resource; null when the scenario does not limit it.</summary>
    public Resource? Bandwidth { get; }

    /// <summary>The volume's I/O operations per second as a resource; null when the scenario does not limit it.</summary>
    public Resource? Iops { get; }

    /// <summary>
    /// What one byte moved to or from the volume in I/Os of <paramref name="ioSizeBytes"/> costs: one byte of its
    /// bandwidth and 1 ÷ size of an I/O of its IOPS (the parts the scenario limits), and for an SMB share one byte of
    /// its file server.
    /// </summary>
    public IReadOnlyList<FlowUsage> Usages(double ioSizeBytes)
    {
        if (!(ioSizeBytes > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(ioSizeBytes), ioSizeBytes, "an I/O size must be positive");
        }

        var list = new List<FlowUsage>(2);
        if (Bandwidth is { } b)
        {
            list.Add(new FlowUsage(b, 1));
        }

        if (Iops is { } i)
        {
            list.Add(new FlowUsage(i, 1 / ioSizeBytes));
        }

        if (FileServer is { } fs)
        {
            list.Add(new FlowUsage(fs, 1));
        }

        return list;
    }

    public StorageSpec Spec { get; }

    public string Name => Spec.Name;

    /// <summary>The host of a local volume; null for shared volumes.</summary>
    public Host? Owner { get; }

    /// <summary>False while the volume itself has failed.</summary>
    public bool IsUp => _failures == 0;

    /// <summary>True when <paramref name="host"/> has a path to the volume (its own local volume, or any shared one).</summary>
    public bool HasPathFrom(Host host) => Owner is null || ReferenceEquals(Owner, host);

    /// <summary>True when <paramref name="host"/> reaches the volume now: the volume is up, the host is up and its path works.</summary>
    public bool ReachableFrom(Host host) =>
        IsUp && host.IsUp && HasPathFrom(host) && (!_pathFailures.TryGetValue(host, out int n) || n == 0);

    /// <summary>True while the path from <paramref name="host"/> has failed.</summary>
    public bool PathDown(Host host) => _pathFailures.TryGetValue(host, out int n) && n > 0;

    internal bool AddFailure() => ++_failures == 1;

    internal bool RemoveFailure() => _failures > 0 && --_failures == 0;

    internal bool AddPathFailure(Host host)
    {
        _pathFailures[host] = _pathFailures.GetValueOrDefault(host) + 1;
        return _pathFailures[host] == 1;
    }

    internal bool RemovePathFailure(Host host)
    {
        int n = _pathFailures.GetValueOrDefault(host);
        if (n == 0)
        {
            return false;
        }

        _pathFailures[host] = n - 1;
        return n == 1;
    }

    public override string ToString() => Name;
}
