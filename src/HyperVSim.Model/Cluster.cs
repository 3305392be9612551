using HyperVSim.Engine;
using HyperVSim.Flow;
using HyperVSim.Model.Activities;
using HyperVSim.Model.Components;
using HyperVSim.Model.Migration;
using HyperVSim.Model.Specs;
using HyperVSim.Model.Storage;

namespace HyperVSim.Model;

/// <summary>
/// A Hyper-V failover cluster built from a scenario, as inventory plus signals: hosts with NICs on a shared flow
/// network, VMs on hosts, and typed signals when a host, a VM or an activity changes. Behaviour lives in the
/// <see cref="IClusterComponent"/>s attached to it (migration service, placement, maintenance); results are
/// collected by observers of its signals. It never writes anything itself.
/// </summary>
public sealed class Cluster
{
    private readonly Dictionary<string, Host> _hosts;
    private readonly Dictionary<string, VirtualMachine> _vms;
    private readonly Dictionary<string, Volume> _volumes;
    private readonly List<IClusterComponent> _components = [];
    private readonly List<(Flow.Flow Flow, Volume Volume, Host Host)> _volumeUsers = [];

    /// <summary>
    /// Builds the inventory from <paramref name="spec"/> and attaches <paramref name="components"/> (by default
    /// placement, the migration service and maintenance), in order.
    /// </summary>
    public Cluster(ScenarioSpec spec, Simulation simulation, IEnumerable<IClusterComponent>? components = null)
    {
        Spec = spec ?? throw new ArgumentNullException(nameof(spec));
        Simulation = simulation ?? throw new ArgumentNullException(nameof(simulation));
        Flows = new FlowNetwork(simulation);

        // Room for the hosts' resources (two per NIC, spare CPU, at most two SMB limits), not regrown host by host.
        int hostResources = 0;
        foreach (HostSpec h in spec.Hosts)
        {
            hostResources += (2 * h.Nics.Count) + 3;
        }

        Flows.EnsureResourceCapacity(hostResources);
        Streams = new RandomStreams(spec.Seed, spec.CaseIndex, spec.Replication);
        Hosts = spec.Hosts.Select((h, i) => new Host(h, Flows) { Index = i }).ToArray();
        _hosts = Hosts.ToDictionary(h => h.Name, StringComparer.Ordinal);
        Vms = spec.Vms.Select((v, i) => new VirtualMachine(v, simulation, Streams, i)
        {
            StateChanged = (vm, before) => VmStateChanged?.Invoke(vm, before),
            ConfigurationVersion = VirtualMachine.ConfigurationVersionOf(v.Host is { } h ? HostNamed(h).Version : spec.Cluster.Version),
        }).ToArray();
        _vms = Vms.ToDictionary(v => v.Name, StringComparer.Ordinal);
        Volumes = spec.Storage.Select(s => new Volume(s, s.Host is { } owner ? HostNamed(owner) : null, Flows)).ToArray();
        _volumes = Volumes.ToDictionary(v => v.Name, StringComparer.Ordinal);
        LiveMigrationNetworks = spec.Cluster.LiveMigration.Networks.Count > 0
            ? spec.Cluster.LiveMigration.Networks
            : spec.Networks.Where(n => n.Role == NetworkRole.LiveMigration).Select(n => n.Name).ToArray();
        foreach (VirtualMachine vm in Vms)
        {
            if (vm.Spec.Host is { } host)
            {
                vm.PlaceOn(HostNamed(host));
            }
        }

        // VMs without a host are placed by the cluster, in scenario order, each on the node with the most free
        // memory that can run it (2012 R2's memory-aware placement); one that fits nowhere stays off.
        foreach (VirtualMachine vm in Vms.Where(v => v.Spec.Host is null))
        {
            Host? best = Hosts
                .Where(h => h.FreeMemoryBytes >= (vm.State == VmState.Off ? 0 : vm.Spec.MemoryBytes)
                    && (vm.Spec.Generation == VmGeneration.One || h.Version == HyperVVersion.V2012R2))
                .OrderByDescending(h => h.FreeMemoryBytes)
                .FirstOrDefault();
            if (best is not null)
            {
                vm.PlaceOn(best);
            }
            else
            {
                vm.MarkOff();
            }
        }

        foreach (IClusterComponent component in components ?? DefaultComponents())
        {
            _components.Add(component);
            component.Attach(this);
        }
    }

    public ScenarioSpec Spec { get; }

    public Simulation Simulation { get; }

    /// <summary>The fluid network every NIC, link and CPU pool is a resource of.</summary>
    public FlowNetwork Flows { get; }

    public RandomStreams Streams { get; }

    public IReadOnlyList<Host> Hosts { get; }

    public IReadOnlyList<VirtualMachine> Vms { get; }

    /// <summary>Storage volumes in the scenario's order.</summary>
    public IReadOnlyList<Volume> Volumes { get; }

    /// <summary>Live-migration networks in the order they are tried: the cluster's list, else every liveMigration network as listed.</summary>
    public IReadOnlyList<string> LiveMigrationNetworks { get; }

    /// <summary>The components attached, in order.</summary>
    public IReadOnlyList<IClusterComponent> Components => _components;

    /// <summary>The first component of type <typeparamref name="T"/>, or null; an index loop, allocation-free (placement asks it per candidate host).</summary>
    public T? FindComponent<T>()
        where T : class
    {
        for (int i = 0; i < _components.Count; i++)
        {
            if (_components[i] is T found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Raised when a VM's state changes (running, paused, ...), with the state before; the VM says why (<see cref="VirtualMachine.Reason"/>).</summary>
    public event Action<VirtualMachine, VmState>? VmStateChanged;

    /// <summary>Raised when a host's state changes: paused or resumed for maintenance, down (crashed, shut down) or up again.</summary>
    public event Action<Host>? HostStateChanged;

    /// <summary>Raised when a NIC's link goes down or comes back.</summary>
    public event Action<Nic>? NicStateChanged;

    /// <summary>Raised when a volume fails or is repaired, or a host's path to it does (the host is null for the volume itself).</summary>
    public event Action<Volume, Host?>? StorageStateChanged;

    /// <summary>Raised when a storage move's switch has pointed some of a VM's disks at another volume (the VM's spec says which).</summary>
    public event Action<VirtualMachine>? DisksMoved;

    /// <summary>Raised when any component starts an activity (a migration, a drain), in the order they start.</summary>
    public event Action<IActivity>? ActivityStarted;

    /// <summary>Raised when an activity ends, whatever its outcome.</summary>
    public event Action<IActivity>? ActivityEnded;

    /// <summary>The attached component of type <typeparamref name="T"/>; throws when there is none.</summary>
    public T Component<T>()
        where T : class, IClusterComponent =>
        FindComponent<T>() ?? throw new InvalidOperationException($"no {typeof(T).Name} is attached to the cluster");

    public Host HostNamed(string name) =>
        _hosts.TryGetValue(name, out var h) ? h : throw new ArgumentException($"no host named '{name}'", nameof(name));

    public Volume VolumeNamed(string name) =>
        _volumes.TryGetValue(name, out var v) ? v : throw new ArgumentException($"no volume named '{name}'", nameof(name));

    /// <summary>The NIC named host/nic.</summary>
    public Nic NicNamed(string fullName)
    {
        int slash = fullName.IndexOf('/', StringComparison.Ordinal);
        Host host = HostNamed(slash < 0 ? fullName : fullName[..slash]);
        return host.Nics.FirstOrDefault(n => n.Name == fullName[(slash + 1)..]) ?? throw new ArgumentException($"no NIC named '{fullName}'", nameof(fullName));
    }

    /// <summary>
    /// True when every disk of <paramref name="vm"/> that lives on a volume is reachable from <paramref name="host"/>:
    /// directly, or, for a CSV whose path from the host is lost, in redirected I/O through another up node that has
    /// a path (docs/model.md §Faults).
    /// </summary>
    public bool StorageReachable(VirtualMachine vm, Host host, out string why)
    {
        foreach (DiskSpec d in vm.Spec.Disks)
        {
            if (d.Storage is { } name && !Reaches(host, VolumeNamed(name)))
            {
                Volume v = VolumeNamed(name);
                why = !v.IsUp ? $"volume {name} has failed" : v.PathDown(host) ? $"{host.Name} lost its path to {name}" : !v.HasPathFrom(host) ? $"{name} is local to {v.Owner!.Name}" : $"{host.Name} is down";
                return false;
            }
        }

        why = string.Empty;
        return true;
    }

    /// <summary>True when <paramref name="host"/> reaches <paramref name="volume"/>, directly or (a CSV) redirected through another node.</summary>
    public bool Reaches(Host host, Volume volume)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(volume);
        if (volume.ReachableFrom(host))
        {
            return true;
        }

        return volume.Spec.Kind == StorageKind.Csv && volume.IsUp && host.IsUp && volume.HasPathFrom(host)
            && Hosts.Any(h => !ReferenceEquals(h, host) && volume.ReachableFrom(h));
    }

    public VirtualMachine VmNamed(string name) =>
        _vms.TryGetValue(name, out var v) ? v : throw new ArgumentException($"no VM named '{name}'", nameof(name));

    /// <summary>The components a cluster has unless a test says otherwise, in attach order.</summary>
    public static IReadOnlyList<IClusterComponent> DefaultComponents() =>
        [new Placement(), new MigrationService(), new Maintenance(), new Clustering.ClusterService(), new GuestClusters(), new Clustering.FaultInjector(), new SavedStates(), new DiskResizes(), new StorageIo(), new Boot.Boots(), new Sessions()];

    /// <summary>Pauses a node: nothing is placed on it any more.</summary>
    internal void Pause(Host host)
    {
        host.Paused = true;
        HostStateChanged?.Invoke(host);
    }

    /// <summary>Resumes a paused node: the cluster may place VMs on it again.</summary>
    internal void Resume(Host host)
    {
        host.Paused = false;
        HostStateChanged?.Invoke(host);
    }

    /// <summary>
    /// A host goes down (crash, power loss, or shut down): live migrations from it are aborted (their VM is lost with
    /// the host), those to it fail with the VM still running on its source, and every VM on it is off at once,
    /// with no host. Returns false when it was already down (the failure nests).
    /// </summary>
    internal bool FailHost(Host host, string cause)
    {
        if (!host.IsUp)
        {
            host.AddFailure();
            return false;
        }

        var service = Component<MigrationService>();
        foreach (var m in service.InFlight.Where(m => ReferenceEquals(m.Target, host) || ReferenceEquals(m.Source, host)).ToArray())
        {
            m.Abort(ReferenceEquals(m.Source, host) ? $"its source {host.Name} went down ({cause})" : $"its destination {host.Name} went down ({cause})");
        }

        foreach (VirtualMachine vm in host.Vms.ToArray())
        {
            if (vm.State is not (VmState.Off or VmState.Saved))
            {
                vm.SetState(VmState.Off, $"{host.Name} went down ({cause})");
            }

            vm.Unplace();
        }

        host.AddFailure();
        HostStateChanged?.Invoke(host);
        return true;
    }

    /// <summary>A host is up again (its VMs are not: the cluster starts them where it chooses). Returns false while another failure keeps it down.</summary>
    internal bool RepairHost(Host host)
    {
        if (!host.RemoveFailure())
        {
            return false;
        }

        HostStateChanged?.Invoke(host);
        return true;
    }

    /// <summary>A NIC's link goes down: the flows over it fail (a migration over it fails, its VM stays on its source).</summary>
    internal bool FailNic(Nic nic, string cause)
    {
        if (!nic.AddFailure())
        {
            return false;
        }

        var error = new InvalidOperationException($"{nic.FullName} went down ({cause})");
        Flows.Fail(nic.Transmit, error);
        Flows.Fail(nic.Receive, error);
        NicStateChanged?.Invoke(nic);
        return true;
    }

    /// <summary>A NIC's link is back at full rate.</summary>
    internal bool RepairNic(Nic nic)
    {
        if (!nic.RemoveFailure())
        {
            return false;
        }

        Flows.SetCapacity(nic.Transmit, nic.PayloadBytesPerSecond);
        Flows.SetCapacity(nic.Receive, nic.PayloadBytesPerSecond);
        NicStateChanged?.Invoke(nic);
        return true;
    }

    /// <summary>A volume fails (<paramref name="host"/> null) or one host's path to it does.</summary>
    internal bool FailStorage(Volume volume, Host? host)
    {
        if (!(host is null ? volume.AddFailure() : volume.AddPathFailure(host)))
        {
            return false;
        }

        StorageStateChanged?.Invoke(volume, host);

        // Every transfer that needs the volume (a copy, a save, a zeroing write) and can no longer reach it fails, whether
        // or not the volume has bandwidth or IOPS resources: a volume the scenario leaves unlimited fails its users too.
        var lost = new InvalidOperationException(host is null ? $"volume {volume.Name} failed" : $"{host.Name} lost its path to volume {volume.Name}");
        foreach (var (flow, v, user) in _volumeUsers.ToArray())
        {
            if (ReferenceEquals(v, volume) && !Reaches(user, volume))
            {
                Flows.Fail(flow, lost);
            }
        }

        if (host is null)
        {
            // What still moves bytes to or from the failed volume (a copy, a save, a zeroing write) fails with it,
            // as flows over a dead NIC do; disk I/O was stopped by the signal's observers.
            var error = new InvalidOperationException($"volume {volume.Name} failed");
            foreach (Resource? r in new[] { volume.Bandwidth, volume.Iops })
            {
                if (r is not null)
                {
                    Flows.Fail(r, error);
                }
            }
        }

        return true;
    }

    /// <summary>A volume, or one host's path to it, works again.</summary>
    internal bool RepairStorage(Volume volume, Host? host)
    {
        if (!(host is null ? volume.RemoveFailure() : volume.RemovePathFailure(host)))
        {
            return false;
        }

        if (host is null)
        {
            if (volume.Bandwidth is { } b)
            {
                Flows.SetCapacity(b, volume.Spec.BytesPerSecond!.Value);
            }

            if (volume.Iops is { } i)
            {
                Flows.SetCapacity(i, volume.Spec.Iops!.Value);
            }
        }

        StorageStateChanged?.Invoke(volume, host);
        return true;
    }

    /// <summary>
    /// Records that <paramref name="flow"/> reads or writes <paramref name="volume"/> from <paramref name="host"/>: it fails
    /// when the volume fails or the host can no longer reach it (docs/model.md §8), at once when it cannot reach it now.
    /// Forgotten when the flow ends.
    /// </summary>
    internal void NeedsVolume(Flow.Flow flow, Volume? volume, Host host)
    {
        if (volume is null || !flow.Active)
        {
            return;
        }

        if (!Reaches(host, volume))
        {
            // Refused by reachability: a failed volume without resources would otherwise let the bytes through.
            Flows.Fail(flow, new InvalidOperationException(!volume.IsUp ? $"volume {volume.Name} has failed" : $"{host.Name} cannot reach volume {volume.Name}"));
            return;
        }

        var use = (flow, volume, host);
        _volumeUsers.Add(use);
        flow.Completion.AddCallback(_ => _volumeUsers.Remove(use));
    }

    /// <summary>Points <paramref name="disks"/> of <paramref name="vm"/> at <paramref name="volume"/> (a storage move's switch) and says so.</summary>
    internal void MoveDisks(VirtualMachine vm, IReadOnlyCollection<string> disks, Volume volume)
    {
        vm.MoveDisks(disks, volume.Name);
        DisksMoved?.Invoke(vm);
    }

    internal void OnActivityStarted(IActivity activity) => ActivityStarted?.Invoke(activity);

    internal void OnActivityEnded(IActivity activity) => ActivityEnded?.Invoke(activity);
}
