using HyperVSim.Flow;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model;

/// <summary>A Hyper-V host (cluster node): its CPU, memory, NICs and the VMs it runs.</summary>
public sealed class Host
{
    private readonly List<VirtualMachine> _vms = [];

    private readonly FlowNetwork _flows;

    internal Host(HostSpec spec, FlowNetwork flows)
    {
        Spec = spec;
        _flows = flows;
        var nics = new Nic[spec.Nics.Count];
        for (int i = 0; i < nics.Length; i++)
        {
            nics[i] = new Nic(this, spec.Nics[i], flows);
        }

        Nics = nics;
        SpareCpu = flows.AddResource(this, static h => $"{((Host)h).Name}:spareCpu", spec.Cpu.Cores);
        SmbLiveMigrationLimit = spec.SmbBandwidthLimit.LiveMigration is { } lm ? flows.AddResource($"{spec.Name}:smbLimit:liveMigration", lm) : null;
        SmbVirtualMachineLimit = spec.SmbBandwidthLimit.VirtualMachine is { } vm ? flows.AddResource($"{spec.Name}:smbLimit:virtualMachine", vm) : null;
    }

    /// <summary>The SMB bandwidth limit of category LiveMigration as a resource SMB live migrations from and to the host cross; null: none.</summary>
    public Resource? SmbLiveMigrationLimit { get; }

    /// <summary>The SMB bandwidth limit of category VirtualMachine as a resource its VMs' I/O to SMB shares crosses; null: none.</summary>
    public Resource? SmbVirtualMachineLimit { get; }

    /// <summary>The cores the VMs leave idle, as a resource in core-seconds per second (compression uses only these).</summary>
    public Resource SpareCpu { get; }

    /// <summary>Cores the running VMs ask for: Σ vCPUs × CPU load (kept as VMs come, go and change state).</summary>
    public double CpuDemandCores { get; private set; }

    /// <summary>Cores left after the VMs' demand: max(0, cores − demand).</summary>
    public double SpareCores => Math.Max(0, Spec.Cpu.Cores - CpuDemandCores);

    /// <summary>The share of its demand each VM gets: 1, or cores ÷ demand when the VMs ask for more than the host has.</summary>
    public double GuestCpuShare => CpuDemandCores <= Spec.Cpu.Cores ? 1.0 : Spec.Cpu.Cores / CpuDemandCores;

    /// <summary>True while the node is paused (drained): the cluster places nothing on it.</summary>
    public bool Paused { get; internal set; }

    /// <summary>The host's configuration; its version changes when the host is upgraded in place (<see cref="UpgradeTo"/>).</summary>
    public HostSpec Spec { get; private set; }

    /// <summary>Position in the scenario's list: the stable tie-break wherever nodes are ordered.</summary>
    public int Index { get; internal init; }

    public string Name => Spec.Name;

    /// <summary>The release the host runs now: its scenario's, until an in-place upgrade changes it.</summary>
    public HyperVVersion Version => Spec.Version;

    /// <summary>The host runs <paramref name="version"/> from now on (an in-place upgrade): every rule that reads its version follows.</summary>
    internal void UpgradeTo(HyperVVersion version) => Spec = Spec with { Version = version };

    public IReadOnlyList<Nic> Nics { get; }

    /// <summary>True when a NIC of this host that is up is on <paramref name="network"/> (a loop: asked per move and per regroup).</summary>
    internal bool HasNicUpOn(string network)
    {
        for (int i = 0; i < Nics.Count; i++)
        {
            if (Nics[i].IsUpOn(network))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>VMs whose memory lives here now, in arrival order.</summary>
    public IReadOnlyList<VirtualMachine> Vms => _vms;

    /// <summary>Memory held by incoming migrations (the skeleton VM created on the target at setup).</summary>
    public long IncomingReservedBytes { get; internal set; }

    /// <summary>
    /// Memory of migrations to this host that are requested but not yet set up (queued behind the limit): placement
    /// counts it as taken, so VMs spread over nodes instead of all choosing the one that looks emptiest now.
    /// </summary>
    public long PlannedIncomingBytes { get; internal set; }

    /// <summary>Holds <paramref name="bytes"/> of memory for an incoming VM (its skeleton on the target) until the lease ends.</summary>
    internal Activities.Lease ReserveIncoming(long bytes)
    {
        IncomingReservedBytes += bytes;
        return new IncomingMemoryLease(this, bytes, planned: false);
    }

    /// <summary>Counts <paramref name="bytes"/> as planned here (a requested move not yet set up) until the lease ends.</summary>
    internal Activities.Lease PlanIncoming(long bytes)
    {
        PlannedIncomingBytes += bytes;
        return new IncomingMemoryLease(this, bytes, planned: true);
    }

    /// <summary>Memory counted on a host for a VM coming to it: reserved (its skeleton) or planned (a move not yet set up).</summary>
    private sealed class IncomingMemoryLease(Host host, long bytes, bool planned) : Activities.Lease
    {
        public override string What => $"{bytes:N0} bytes {(planned ? "planned" : "reserved")} on {host.Name}";

        private protected override void Release()
        {
            if (planned)
            {
                host.PlannedIncomingBytes -= bytes;
            }
            else
            {
                host.IncomingReservedBytes -= bytes;
            }
        }
    }

    // Told after the host's spare CPU changed (a VM arrived, left, paused or resumed), in the order they began watching.
    // A list of watchers, not an event: a compressed pass watches both hosts, and adding to an event with another
    // handler on it allocates a new delegate each time. The snapshot buffer is reused between notices.
    private List<ISpareCpuWatcher>? _spareCpuWatchers;
    private ISpareCpuWatcher[] _spareCpuSnapshot = [];
    private bool _notifyingSpareCpu;

    /// <summary>Tells <paramref name="watcher"/> of every change of the host's spare CPU until <see cref="UnwatchSpareCpu"/>.</summary>
    internal void WatchSpareCpu(ISpareCpuWatcher watcher) => (_spareCpuWatchers ??= new List<ISpareCpuWatcher>(2)).Add(watcher);

    /// <summary>Stops telling <paramref name="watcher"/> (its last registration, as removing an event handler does); nothing when it does not watch.</summary>
    internal void UnwatchSpareCpu(ISpareCpuWatcher watcher)
    {
        if (_spareCpuWatchers is { } watchers && watchers.LastIndexOf(watcher) is var i and >= 0)
        {
            watchers.RemoveAt(i);
        }
    }

    /// <summary>
    /// Tells the watchers, as an event's handlers are called: those watching now, in order; one that starts or stops
    /// watching meanwhile does not change who is told this time.
    /// </summary>
    private void NotifySpareCpuChanged()
    {
        if (_spareCpuWatchers is not { Count: > 0 } watchers)
        {
            return;
        }

        int count = watchers.Count;
        bool outer = !_notifyingSpareCpu;
        ISpareCpuWatcher[] snapshot = !outer ? new ISpareCpuWatcher[count]
            : _spareCpuSnapshot.Length >= count ? _spareCpuSnapshot
            : _spareCpuSnapshot = new ISpareCpuWatcher[Math.Max(count, 2 * _spareCpuSnapshot.Length)];
        watchers.CopyTo(snapshot);
        _notifyingSpareCpu = true;
        try
        {
            for (int i = 0; i < count; i++)
            {
                snapshot[i].OnSpareCpuChanged(this);
            }
        }
        finally
        {
            if (outer)
            {
                _notifyingSpareCpu = false;
                Array.Clear(snapshot, 0, count);
            }
        }
    }

    /// <summary>Memory VMs may still take: physical − reserve − resident VMs that hold memory (not off) − incoming reservations.</summary>
    public long FreeMemoryBytes => Spec.MemoryBytes - Spec.MemoryReserveBytes - HeldMemoryBytes - IncomingReservedBytes;

    /// <summary>Memory of the resident VMs that hold memory (every state but off and saved).</summary>
    public long HeldMemoryBytes { get; private set; }

    /// <summary>True when a VM in <paramref name="state"/> holds its memory on its host.</summary>
    internal static bool HoldsMemory(VmState state) => state is not (VmState.Off or VmState.Saved);

    /// <summary>Live migrations running now with this host as source or destination.</summary>
    public int ActiveMigrations { get; internal set; }

    /// <summary>False while the host is down (crashed, or shut down by a restart); its failures are counted so that overlapping faults nest.</summary>
    public bool IsUp => _failures == 0;

    private int _failures;

    /// <summary>Counts one more failure; true when the host went down with it.</summary>
    internal bool AddFailure() => ++_failures == 1;

    /// <summary>Ends one failure; true when the host is up again.</summary>
    internal bool RemoveFailure() => _failures > 0 && --_failures == 0;

    internal void Attach(VirtualMachine vm)
    {
        _vms.Add(vm);
        Account(vm.State, +1, vm);
    }

    internal void Detach(VirtualMachine vm)
    {
        _vms.Remove(vm);
        Account(vm.State, -1, vm);
    }

    /// <summary>A resident VM changed state: its memory and CPU demand move with it.</summary>
    internal void VmChanged(VirtualMachine vm, VmState before)
    {
        Account(before, -1, vm);
        Account(vm.State, +1, vm);
    }

    private void Account(VmState state, int sign, VirtualMachine vm)
    {
        if (HoldsMemory(state))
        {
            HeldMemoryBytes += sign * vm.Spec.MemoryBytes;
        }

        if (state == VmState.Running)
        {
            // Summed again in arrival order (not adjusted by ±), so the figure is the same however the VMs got here.
            RunningVms += sign;
            double demand = 0;
            foreach (VirtualMachine v in _vms)
            {
                if (v.State == VmState.Running)
                {
                    demand += v.Spec.Vcpus * v.Spec.CpuLoad;
                }
            }

            CpuDemandCores = demand;
            RefreshCpu();
        }
    }

    /// <summary>Resident VMs running now.</summary>
    public int RunningVms { get; private set; }

    /// <summary>Re-evaluates spare CPU after the VMs' demand changed, and tells whoever relies on it (compression).</summary>
    internal void RefreshCpu()
    {
        double spare = SpareCores;
        if (spare == SpareCpu.Capacity)
        {
            return;
        }

        _flows.SetCapacity(SpareCpu, spare);
        NotifySpareCpuChanged();
    }

    public override string ToString() => Name;
}

/// <summary>Something that acts when a host's spare CPU changes (a compressed pass re-checks that compressing still pays).</summary>
internal interface ISpareCpuWatcher
{
    void OnSpareCpuChanged(Host host);
}
