using HyperVSim.Engine;
using HyperVSim.Model.Clustering;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using HyperVSim.Model.Storage;

namespace HyperVSim.Model.Components;

/// <summary>
/// Saved state and in-place upgrades (docs/model.md §Saved state): a save pauses the guest, writes its assigned
/// memory to the volume of its first disk through the flow model and leaves it saved (its memory freed on its host);
/// a restore reads it back on its host (or, when that host cannot take it, where the cluster would start it) and
/// resumes it. An upgrade saves a 2012 host's VMs, takes the host out of the cluster for a while, brings it back as
/// 2012 R2 and restores them (configuration version 4 → 5).
/// </summary>
public sealed class SavedStates : IClusterComponent
{
    private readonly List<Operation> _operations = [];
    private readonly Dictionary<VirtualMachine, Operation> _active = [];
    private readonly Dictionary<VirtualMachine, Volume?> _savedOn = [];
    private readonly List<UpgradeRun> _upgrades = [];
    private Cluster? _cluster;

    private Cluster Cluster => _cluster ?? throw new InvalidOperationException("saved states are not attached to a cluster");

    public void Attach(Cluster cluster)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        cluster.VmStateChanged += OnVmState;
    }

    /// <summary>Every save and restore so far, in the order asked.</summary>
    public IReadOnlyList<SavedStateRecord> Records() => _operations.Select(o => o.Record()).ToArray();

    /// <summary>Every in-place upgrade so far, in the order asked.</summary>
    public IReadOnlyList<UpgradeRecord> UpgradeRecords() => _upgrades.Select(u => u.Record()).ToArray();

    /// <summary>
    /// Saves <paramref name="vm"/>: only a running VM that is not being live-migrated; the event returned succeeds
    /// when the save ends, whatever its result.
    /// </summary>
    public Event Save(VirtualMachine vm, string requestedBy = "scenario")
    {
        ArgumentNullException.ThrowIfNull(vm);
        Volume? volume = VolumeTransfer.FirstDiskVolume(Cluster, vm);
        var op = new Operation(this, vm, "save", vm.Host, volume, requestedBy);
        if (Refusal(vm, VmState.Running, "saved") is { } refused)
        {
            return op.End("failed", refused);
        }

        Host host = vm.Host!;
        if (volume is not null && !Cluster.Reaches(host, volume))
        {
            return op.End("failed", $"{host.Name} cannot reach {volume.Name}, where {vm.Name}'s saved state would go");
        }

        op.Change(VmState.Paused, $"saving its memory to {Where(volume)}{Why(requestedBy)}");
        op.Run(SaveSteps(op, host));
        return op.Done;
    }

    /// <summary>
    /// Restores a saved <paramref name="vm"/> on its host when that host is up, in the cluster, not paused, reaches its
    /// storage and has the memory; else where the cluster would start it. The event returned succeeds when it ends.
    /// </summary>
    public Event Restore(VirtualMachine vm, string requestedBy = "scenario")
    {
        ArgumentNullException.ThrowIfNull(vm);
        Volume? volume = _savedOn.TryGetValue(vm, out Volume? v) ? v : VolumeTransfer.FirstDiskVolume(Cluster, vm);
        if (Refusal(vm, VmState.Saved, "restored") is { } refused)
        {
            return new Operation(this, vm, "restore", vm.Host, volume, requestedBy).End("failed", refused);
        }

        string why = string.Empty;
        Host? host = vm.Host ?? vm.OwnerNode;
        if (host is null || !CanTake(host, vm))
        {
            host = Cluster.FindComponent<ClusterService>()?.Restarts.Choose(vm, out why);
        }

        var op = new Operation(this, vm, "restore", host, volume, requestedBy);
        if (host is null)
        {
            return op.End("failed", why.Length > 0 ? why : "no host can take it");
        }

        int before = vm.ConfigurationVersion;
        if (!ReferenceEquals(vm.Host, host))
        {
            vm.Unplace();
            vm.PlaceOn(host);
        }

        vm.ConfigurationVersion = Math.Max(before, VirtualMachine.ConfigurationVersionOf(host.Version));
        vm.ShouldRun = true;
        op.Change(VmState.Paused, $"restoring its memory from {Where(volume)} on {host.Name}{Why(requestedBy)}");
        op.Run(RestoreSteps(op, host, before));
        return op.Done;
    }

    /// <summary>
    /// Upgrades <paramref name="host"/> in place from 2012 to 2012 R2: pauses it, saves its running VMs, leaves the
    /// cluster (as a restart does), is down for <paramref name="duration"/>, comes back running 2012 R2, joins,
    /// and restores the VMs it saved.
    /// </summary>
    public void Upgrade(Host host, SimTime duration)
    {
        ArgumentNullException.ThrowIfNull(host);
        var run = new UpgradeRun(host, Cluster.Simulation.Now.Seconds);
        _upgrades.Add(run);
        if (host.Version != HyperVVersion.V2012 || !host.IsUp)
        {
            run.Reason = host.IsUp ? $"{host.Name} runs 2012 R2 already" : $"{host.Name} is down";
            run.CompletedAt = run.RequestedAt;
            return;
        }

        Cluster.Pause(host);
        foreach (Migration.LiveMigration m in Cluster.Component<MigrationService>().InFlight
            .Where(m => ReferenceEquals(m.Source, host) || ReferenceEquals(m.Target, host)).ToArray())
        {
            m.Abort($"{host.Name} is being upgraded in place");
        }

        VirtualMachine[] vms = host.Vms.Where(v => v.State == VmState.Running).ToArray();
        run.Vms = vms.Length;
        int pending = vms.Length;
        foreach (VirtualMachine vm in vms)
        {
            Save(vm, "upgrade").AddCallback(_ =>
            {
                if (vm.State == VmState.Saved)
                {
                    run.Saved.Add(vm);
                }

                if (--pending == 0)
                {
                    GoDown(run, duration);
                }
            });
        }

        if (vms.Length == 0)
        {
            GoDown(run, duration);
        }
    }

    private void GoDown(UpgradeRun run, SimTime duration)
    {
        Host host = run.Host;
        const string reason = "in-place upgrade to 2012 R2";
        if (Cluster.FindComponent<ClusterService>() is { } service)
        {
            service.Leave(host, reason);
        }
        else
        {
            Cluster.FailHost(host, reason);
        }

        run.DownAt = Cluster.Simulation.Now.Seconds;
        Cluster.Simulation.Schedule(duration, _ => ComeBack(run), null, $"upgrade of {host.Name} done");
    }

    private void ComeBack(UpgradeRun run)
    {
        Host host = run.Host;
        host.UpgradeTo(HyperVVersion.V2012R2);
        Cluster.RepairHost(host);
        Cluster.Component<Maintenance>().Resume(host, FailbackSpec.None);
        run.UpAt = Cluster.Simulation.Now.Seconds;
        ClusterService? service = Cluster.FindComponent<ClusterService>();
        if (service is null || service.Members.Contains(host))
        {
            RestoreAll(run);
            return;
        }

        service.MembershipChanged += OnJoined;

        void OnJoined()
        {
            if (service.Members.Contains(host))
            {
                service.MembershipChanged -= OnJoined;
                RestoreAll(run);
            }
        }
    }

    private void RestoreAll(UpgradeRun run)
    {
        VirtualMachine[] saved = run.Saved.Where(v => v.State == VmState.Saved).ToArray();
        int pending = saved.Length;
        if (pending == 0)
        {
            run.CompletedAt = Cluster.Simulation.Now.Seconds;
            return;
        }

        foreach (VirtualMachine vm in saved)
        {
            Restore(vm, "upgrade").AddCallback(_ =>
            {
                if (vm.State == VmState.Running)
                {
                    run.Restored++;
                }

                if (--pending == 0)
                {
                    run.CompletedAt = Cluster.Simulation.Now.Seconds;
                }
            });
        }
    }

    private IEnumerable<Event> SaveSteps(Operation op, Host host)
    {
        SavedStateSpec p = Cluster.Spec.Cluster.SavedState;
        yield return Cluster.Simulation.Timeout(p.FixedCost);
        op.Flow = VolumeTransfer.Start(Cluster, $"save:{op.Vm.Name}", op.Bytes, op.Volume, host, p.IoSizeBytes, p.BytesPerSecond);
        yield return op.Flow.Completion;
        _savedOn[op.Vm] = op.Volume;
        op.Vm.ShouldRun = false;
        op.Change(VmState.Saved, $"saved to {Where(op.Volume)} from {host.Name}: {Units(op.Bytes)} in {Seconds(op)} s{Why(op.RequestedBy)}");
        op.End("completed", null);
    }

    private IEnumerable<Event> RestoreSteps(Operation op, Host host, int versionBefore)
    {
        SavedStateSpec p = Cluster.Spec.Cluster.SavedState;
        yield return Cluster.Simulation.Timeout(p.FixedCost);
        op.Flow = VolumeTransfer.Start(Cluster, $"restore:{op.Vm.Name}", op.Bytes, op.Volume, host, p.IoSizeBytes, p.BytesPerSecond);
        yield return op.Flow.Completion;
        _savedOn.Remove(op.Vm);
        int after = op.Vm.ConfigurationVersion;
        string version = after != versionBefore ? $"; configuration version {versionBefore} → {after}" : string.Empty;
        op.Change(VmState.Running, $"restored on {host.Name} from {Where(op.Volume)}: {Units(op.Bytes)} in {Seconds(op)} s{version}{Why(op.RequestedBy)}");
        op.End("completed", null);
    }

    /// <summary>A VM that changed state for another reason (its host went down, its storage was lost) ends its save or restore, failed.</summary>
    private void OnVmState(VirtualMachine vm, VmState before)
    {
        if (_active.TryGetValue(vm, out Operation? op) && !op.Changing)
        {
            op.Abort($"{vm.Name} went {vm.State.ToString().ToLowerInvariant()}: {vm.Reason}");
        }
    }

    private string? Refusal(VirtualMachine vm, VmState needed, string verb)
    {
        if (_active.TryGetValue(vm, out Operation? busy))
        {
            return $"{vm.Name} is already being {(busy.Kind == "save" ? "saved" : "restored")}";
        }

        if (vm.Migrating)
        {
            return $"{vm.Name} is being live-migrated";
        }

        if (vm.State != needed || (needed == VmState.Running && vm.Host is null))
        {
            return $"only a {needed.ToString().ToLowerInvariant()} VM can be {verb}: {vm.Name} is {vm.State.ToString().ToLowerInvariant()}";
        }

        return null;
    }

    private bool CanTake(Host host, VirtualMachine vm)
    {
        ClusterService? service = Cluster.FindComponent<ClusterService>();
        long needed = vm.Spec.MemoryBytes - (ReferenceEquals(vm.Host, host) && Host.HoldsMemory(vm.State) ? vm.Spec.MemoryBytes : 0);
        return host.IsUp && !host.Paused && (service is null || service.Members.Contains(host))
            && Migration.MoveRules.WhyNotOnto(vm.Spec, host.Spec) is null
            && Cluster.StorageReachable(vm, host, out _) && host.FreeMemoryBytes - host.PlannedIncomingBytes >= needed;
    }

    private static string Where(Volume? volume) => volume?.Name ?? "its host's storage";

    private static string Why(string requestedBy) => requestedBy == "upgrade" ? " (in-place upgrade of its host)" : string.Empty;

    private static string Units(long bytes) => bytes >= 1L << 30 ? $"{bytes / (double)(1L << 30):0.##} GiB" : $"{bytes / (double)(1L << 20):0.##} MiB";

    private string Seconds(Operation op) => $"{(Cluster.Simulation.Now.Seconds - op.RequestedAt):0.###}";

    /// <summary>One save or restore in progress or done.</summary>
    private sealed class Operation(SavedStates owner, VirtualMachine vm, string kind, Host? host, Volume? volume, string requestedBy)
    {
        private Process? _process;
        private string? _result;
        private string? _reason;
        private double? _completedAt;
        private int _version;

        public VirtualMachine Vm { get; } = vm;

        public string Kind { get; } = kind;

        public Volume? Volume { get; } = volume;

        public string RequestedBy { get; } = requestedBy;

        public double RequestedAt { get; } = owner.Cluster.Simulation.Now.Seconds;

        /// <summary>Assigned memory: the saved-state file holds every page, zero pages included (docs/model.md §Saved state).</summary>
        public long Bytes { get; } = vm.Spec.MemoryBytes;

        public Event Done { get; } = owner.Cluster.Simulation.Event($"{kind} {vm.Name}");

        public Flow.Flow? Flow { get; set; }

        /// <summary>True while the operation itself changes the VM's state (not a change to react to).</summary>
        public bool Changing { get; private set; }

        public void Change(VmState state, string reason)
        {
            Changing = true;
            try
            {
                Vm.SetState(state, reason);
            }
            finally
            {
                Changing = false;
            }
        }

        public void Run(IEnumerable<Event> steps)
        {
            owner._operations.Add(this);
            owner._active[Vm] = this;
            _process = owner.Cluster.Simulation.Process(steps, $"{Kind} {Vm.Name}");
        }

        public Event End(string result, string? reason)
        {
            if (_result is not null)
            {
                return Done;
            }

            if (!owner._operations.Contains(this))
            {
                owner._operations.Add(this);
            }

            owner._active.Remove(Vm);
            _result = result;
            _reason = reason;
            _completedAt = owner.Cluster.Simulation.Now.Seconds;
            _version = Vm.ConfigurationVersion;
            Done.Succeed();
            return Done;
        }

        public void Abort(string reason)
        {
            if (Flow is { } f)
            {
                owner.Cluster.Flows.Cancel(f);
            }

            End("failed", reason);
            _process?.Kill(reason);
        }

        public SavedStateRecord Record() => new(Vm.Name, Kind, host?.Name, Volume?.Name, RequestedAt)
        {
            CompletedAt = _result == "completed" ? _completedAt : null,
            Bytes = _result == "completed" ? Bytes : 0,
            ConfigurationVersion = _result is null ? Vm.ConfigurationVersion : _version,
            RequestedBy = RequestedBy,
            Result = _result ?? "running",
            Reason = _reason,
        };
    }

    /// <summary>One in-place upgrade in progress or done.</summary>
    private sealed class UpgradeRun(Host host, double requestedAt)
    {
        public Host Host { get; } = host;

        public double RequestedAt { get; } = requestedAt;

        public List<VirtualMachine> Saved { get; } = [];

        public int Vms { get; set; }

        public int Restored { get; set; }

        public double? DownAt { get; set; }

        public double? UpAt { get; set; }

        public double? CompletedAt { get; set; }

        public string? Reason { get; set; }

        public UpgradeRecord Record() => new(Host.Name, "2012", "2012R2", RequestedAt)
        {
            DownAt = DownAt,
            UpAt = UpAt,
            CompletedAt = CompletedAt,
            Vms = Vms,
            Restored = Restored,
            Reason = Reason,
        };
    }
}
