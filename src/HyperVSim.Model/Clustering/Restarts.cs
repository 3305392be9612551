using HyperVSim.Engine;
using HyperVSim.Model.Activities;
using HyperVSim.Model.Migration;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Clustering;

/// <summary>
/// Starts the cluster's VMs (docs/model.md §Restart): after a node is lost, after quorum returns, after a relocation,
/// or on a start event. VMs wait in priority order (High 3000 first; 0 never starts by itself); each goes to the node
/// placement chooses (possible and preferred owners, memory, soft anti-affinity, storage it can reach), where at most
/// <see cref="ClusterSpec.StartThrottle"/> VMs start at once and the rest queue. When memory is short a VM may put
/// lower-priority VMs into saved state (never High ones). A VM that fails over more than the failover threshold within
/// its period stays failed until the retry period has passed. A start that fails (its storage went away while it
/// started) is retried on the node after the restart delay, up to the restart threshold within its period, and then
/// placed afresh.
/// </summary>
public sealed class Restarts
{
    private readonly ClusterService _service;
    private readonly Cluster _cluster;
    private readonly SortedSet<(int Priority, long Seq, int Index, VirtualMachine Vm)> _pending = new(PendingOrder.Instance);
    private readonly Dictionary<VirtualMachine, (int, long, int, VirtualMachine)> _pendingKey = [];
    private readonly Dictionary<Host, int> _starting = [];
    private readonly Dictionary<Host, Queue<VirtualMachine>> _queued = [];
    private readonly Dictionary<VirtualMachine, Lease> _reserved = [];
    private readonly Dictionary<VirtualMachine, int> _startGeneration = [];
    private readonly Dictionary<VirtualMachine, List<SimTime>> _failovers = [];
    private readonly Dictionary<VirtualMachine, List<SimTime>> _restarts = [];
    private readonly HashSet<VirtualMachine> _failoverPending = [];
    private readonly Dictionary<VirtualMachine, SimTime> _requestedAt = [];
    private readonly HashSet<VirtualMachine> _booting = [];
    private long _seq;
    private AlarmHandle _pass;

    internal Restarts(ClusterService service)
    {
        _service = service;
        _cluster = service.Cluster;
    }

    /// <summary>Most VMs starting at once on any node so far (the throttle's invariant, for tests).</summary>
    public int PeakStarting { get; private set; }

    /// <summary>VMs starting on <paramref name="host"/> now.</summary>
    public int StartingOn(Host host) => _starting.GetValueOrDefault(host);

    /// <summary>True while the VM waits for a node or a start slot, or is starting.</summary>
    public bool IsWaiting(VirtualMachine vm) => _pendingKey.ContainsKey(vm) || _reserved.ContainsKey(vm);

    /// <summary>
    /// The cluster's groups whose node is gone: every VM the cluster wants running that is off or saved with no node
    /// is asked to start (a failover when it ran elsewhere before), except those whose node crashed and is not yet
    /// declared down: the cluster does not know yet.
    /// </summary>
    public void RecoverAll()
    {
        if (!_service.HasQuorum)
        {
            return;
        }

        foreach (VirtualMachine vm in _cluster.Vms)
        {
            if (vm.ShouldRun && vm.Host is null && vm.State is (VmState.Off or VmState.Saved) && !IsWaiting(vm)
                && (vm.OwnerNode is not { } owner || !_service.Members.Contains(owner) || owner.IsUp))
            {
                if (vm.Spec.Priority == 0)
                {
                    const string noAutoStart = "priority 0 (no automatic start): the cluster does not start it";
                    if (!vm.Reason.EndsWith(noAutoStart, StringComparison.Ordinal))
                    {
                        vm.SetState(vm.State, $"{vm.Reason}; {noAutoStart}");
                    }

                    continue;
                }

                Request(vm, failover: vm.OwnerNode is not null, $"{vm.Reason}; the cluster will start it elsewhere");
            }
        }

        SchedulePass();
    }

    /// <summary>A start asked for explicitly (a start event): whatever its priority.</summary>
    public void Start(VirtualMachine vm, string reason)
    {
        ArgumentNullException.ThrowIfNull(vm);
        vm.ShouldRun = true;
        if (vm.State is VmState.Running or VmState.Starting || IsWaiting(vm))
        {
            return;
        }

        if (vm.Host is { } h && vm.State is VmState.Off)
        {
            // A VM registered on a node starts there when it can; else the cluster places it.
            vm.Unplace();
            if (_service.HasQuorum && Eligible(vm, h) is null && Free(h) >= vm.Spec.MemoryBytes)
            {
                StartOrQueue(vm, h, reason);
                return;
            }
        }

        Request(vm, failover: false, reason);
        SchedulePass();
    }

    /// <summary>
    /// Power restored (a <c>powerOn</c> event): every VM that is off and starts by itself (priority 1 or more), on
    /// <paramref name="hosts"/> (registered there, or unplaced when every host is powered on), is asked to start; the
    /// cluster places them in priority order and each node starts at most its throttle at once.
    /// </summary>
    public void PowerOn(IReadOnlyCollection<Host> hosts, bool wholeCluster)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        foreach (VirtualMachine vm in _cluster.Vms)
        {
            Host? registered = vm.Host ?? vm.OwnerNode;
            bool ours = registered is null ? wholeCluster : hosts.Contains(registered);
            if (!ours || vm.State != VmState.Off || vm.Spec.Priority == 0 || IsWaiting(vm))
            {
                continue;
            }

            vm.ShouldRun = true;
            if (vm.Host is not null)
            {
                vm.Unplace();
            }

            Request(vm, failover: false, "power restored: the cluster starts it");
        }

        SchedulePass();
    }

    /// <summary>Asks for <paramref name="vm"/> to be placed and started (relocation by a detector counts as a failover).</summary>
    internal void Request(VirtualMachine vm, bool failover, string reason)
    {
        if (IsWaiting(vm))
        {
            return;
        }

        if (failover)
        {
            _failoverPending.Add(vm);
        }

        _requestedAt.TryAdd(vm, _cluster.Simulation.Now);
        var key = (vm.Spec.Priority, _seq++, vm.Index, vm);
        _pending.Add(key);
        _pendingKey[vm] = key;
        vm.SetState(vm.State, reason);
    }

    /// <summary>A guest failed on its node restarts there (its storage is back).</summary>
    internal void RestartInPlace(VirtualMachine vm, Host host, string reason)
    {
        if (IsWaiting(vm))
        {
            return;
        }

        vm.SetState(VmState.Off, reason);
        vm.Unplace();
        StartOrQueue(vm, host, reason);
    }

    /// <summary>Looks at the waiting VMs once, in this instant, after whatever else happens in it.</summary>
    public void SchedulePass()
    {
        if (!_pass.IsPending && _pending.Count > 0)
        {
            _pass = _cluster.Simulation.Schedule(SimTime.Zero, _ => Pass(), null, "restart pass");
        }
    }

    /// <summary>Quorum lost: nothing starts; waiting VMs go back to waiting for the cluster to form again.</summary>
    internal void Suspend()
    {
        foreach (VirtualMachine vm in _reserved.Keys.ToArray())
        {
            Release(vm);
        }

        _pending.Clear();
        _pendingKey.Clear();
        _queued.Clear();
        _starting.Clear();
        _booting.Clear();
    }

    /// <summary>A node is down or out of the membership: its starts are void (the VMs are off), its queue goes back to waiting.</summary>
    internal void OnNodeGone(Host host)
    {
        _starting.Remove(host);
        if (_queued.Remove(host, out var queue))
        {
            foreach (VirtualMachine vm in queue)
            {
                Release(vm);
                Request(vm, failover: false, $"{host.Name} went away before {vm.Name} could start there");
            }
        }

        SchedulePass();
    }

    /// <summary>A VM stopped while starting for a reason of its own (its storage went away): its slot frees.</summary>
    internal void OnStartAbandoned(VirtualMachine vm)
    {
        if (_booting.Remove(vm))
        {
            // Booting past Online: it holds no start slot any more.
            _startGeneration[vm] = _startGeneration.GetValueOrDefault(vm) + 1;
            return;
        }

        if (vm.Host is { } host && _starting.GetValueOrDefault(host) > 0)
        {
            _starting[host]--;
            _startGeneration[vm] = _startGeneration.GetValueOrDefault(vm) + 1;
            Pump(host);
        }
    }

    private void Pass()
    {
        if (!_service.HasQuorum)
        {
            return;
        }

        bool placed = false;
        foreach (var key in _pending.ToArray())
        {
            VirtualMachine vm = key.Vm;
            Host? node = Choose(vm, out string why) ?? Preempt(vm, ref why);
            if (node is null)
            {
                if (vm.Reason != why)
                {
                    vm.SetState(vm.State, why);
                }

                continue;
            }

            placed = true;
            _pending.Remove(key);
            _pendingKey.Remove(vm);
            if (_failoverPending.Remove(vm) && !CountFailover(vm))
            {
                continue;
            }

            if (vm.Host is not null)
            {
                vm.Unplace();
            }

            StartOrQueue(vm, node, $"placed on {node.Name}");
        }

        // VMs saved to make room joined the queue during this pass; look again only when this pass placed something.
        if (placed)
        {
            SchedulePass();
        }
    }

    /// <summary>Holds the VM's memory on <paramref name="node"/> and starts it there, or queues it behind the node's start throttle.</summary>
    private void StartOrQueue(VirtualMachine vm, Host node, string placed)
    {
        _requestedAt.TryAdd(vm, _cluster.Simulation.Now);
        Reserve(vm, node);
        if (_starting.GetValueOrDefault(node) < _cluster.Spec.Cluster.StartThrottle)
        {
            Begin(vm, node, placed);
            return;
        }

        if (!_queued.TryGetValue(node, out var q))
        {
            _queued[node] = q = new Queue<VirtualMachine>();
        }

        q.Enqueue(vm);
        vm.SetState(vm.State, $"{placed}; queued on {node.Name}: {_starting[node]} VMs already starting there (at most {_cluster.Spec.Cluster.StartThrottle} at once)");
    }

    /// <summary>Counts a failover of the VM's group; false when it passed the failover threshold (the VM is left failed until the retry period).</summary>
    private bool CountFailover(VirtualMachine vm)
    {
        ClusterSpec spec = _cluster.Spec.Cluster;
        SimTime now = _cluster.Simulation.Now;
        if (!_failovers.TryGetValue(vm, out var times))
        {
            _failovers[vm] = times = [];
        }

        times.RemoveAll(t => now - t > spec.Failover.Period);
        times.Add(now);
        int threshold = spec.Failover.Threshold ?? Math.Max(1, _cluster.Hosts.Count - 1);
        if (times.Count <= threshold)
        {
            return true;
        }

        vm.SetState(VmState.Failed, $"failover threshold reached: {times.Count} failovers within {spec.Failover.Period} (threshold {threshold}); retried after {spec.Restart.RetryPeriod}");
        _cluster.Simulation.Schedule(spec.Restart.RetryPeriod, _ =>
        {
            if (vm.State == VmState.Failed && vm.Host is null && vm.ShouldRun)
            {
                times.Clear();
                Request(vm, failover: false, $"retry period over: the cluster tries to start {vm.Name} again");
                SchedulePass();
            }
        }, null, "failover retry");
        return false;
    }

    private void Reserve(VirtualMachine vm, Host node) => _reserved[vm] = node.ReserveIncoming(vm.Spec.MemoryBytes);

    private void Release(VirtualMachine vm)
    {
        if (_reserved.Remove(vm, out var lease))
        {
            lease.Dispose();
        }
    }

    private void Begin(VirtualMachine vm, Host node, string placed)
    {
        Release(vm);
        vm.PlaceOn(node);
        SimTime requestedAt = _requestedAt.Remove(vm, out SimTime at) ? at : _cluster.Simulation.Now;
        if (vm.Spec.UsesBootModel && _cluster.FindComponent<Boot.Boots>() is { } boots)
        {
            BeginBoot(boots, vm, node, placed, requestedAt);
            return;
        }

        SimTime duration = _service.StartTime.StartTime(vm, node);
        int generation = TakeStartSlot(vm, node);
        vm.SetState(VmState.Starting, $"{placed}; starting on {node.Name} ({duration})", outage: false);
        _cluster.Simulation.Schedule(duration, _ => Complete(vm, node, generation), null, "vm start");
    }

    /// <summary>Takes one of <paramref name="node"/>'s start slots for <paramref name="vm"/> and returns the start's generation, which stale completions compare against.</summary>
    private int TakeStartSlot(VirtualMachine vm, Host node)
    {
        int generation = _startGeneration.GetValueOrDefault(vm) + 1;
        _startGeneration[vm] = generation;
        int starting = _starting.GetValueOrDefault(node) + 1;
        _starting[node] = starting;
        PeakStarting = Math.Max(PeakStarting, starting);
        return generation;
    }

    /// <summary>
    /// A start through a boot model: the slot is held until the firmware is done (the VM is Online, past POST [B] Elden
    /// Christensen 2010), the VM is starting until its guest runs; a boot that finds nothing to boot leaves it failed.
    /// </summary>
    private void BeginBoot(Boot.Boots boots, VirtualMachine vm, Host node, string placed, SimTime requestedAt)
    {
        _booting.Remove(vm);
        int generation = TakeStartSlot(vm, node);
        vm.SetState(VmState.Starting, $"{placed}; booting on {node.Name}", outage: false);
        boots.Start(vm, node, requestedAt, () => Online(vm, node, generation), why => Booted(vm, node, generation, why));
    }

    private void Online(VirtualMachine vm, Host node, int generation)
    {
        if (_startGeneration.GetValueOrDefault(vm) != generation || vm.State != VmState.Starting || !ReferenceEquals(vm.Host, node))
        {
            return;
        }

        _booting.Add(vm);
        _starting[node]--;
        Pump(node);
    }

    private void Booted(VirtualMachine vm, Host node, int generation, string? failure)
    {
        if (_startGeneration.GetValueOrDefault(vm) != generation || vm.State != VmState.Starting || !ReferenceEquals(vm.Host, node))
        {
            return;
        }

        _booting.Remove(vm);
        _startGeneration[vm] = generation + 1;
        if (failure is not null)
        {
            // The VM is on, but its firmware found nothing to boot: the cluster sees it online, the guest never runs.
            vm.SetState(VmState.Failed, $"booted on {node.Name}, but {failure}");
        }
        else if (!_cluster.StorageReachable(vm, node, out string why))
        {
            StartFailed(vm, node, why);
        }
        else
        {
            vm.SetState(VmState.Running, $"running on {node.Name}");
        }
    }

    private void Complete(VirtualMachine vm, Host node, int generation)
    {
        if (_startGeneration.GetValueOrDefault(vm) != generation || vm.State != VmState.Starting || !ReferenceEquals(vm.Host, node))
        {
            return;
        }

        _startGeneration[vm] = generation + 1;
        _starting[node]--;
        if (!_cluster.StorageReachable(vm, node, out string why))
        {
            StartFailed(vm, node, why);
        }
        else
        {
            vm.SetState(VmState.Running, $"running on {node.Name}");
        }

        Pump(node);
    }

    /// <summary>The resource restart policy: retry on the node after the delay while under the threshold within the period, else place afresh.</summary>
    private void StartFailed(VirtualMachine vm, Host node, string why)
    {
        RestartPolicySpec policy = _cluster.Spec.Cluster.Restart;
        SimTime now = _cluster.Simulation.Now;
        if (!_restarts.TryGetValue(vm, out var times))
        {
            _restarts[vm] = times = [];
        }

        times.RemoveAll(t => now - t > policy.Period);
        vm.SetState(VmState.Failed, $"the start failed on {node.Name}: {why}");
        if (times.Count < policy.Threshold)
        {
            times.Add(now);
            _cluster.Simulation.Schedule(policy.Delay, _ =>
            {
                if (vm.State == VmState.Failed && ReferenceEquals(vm.Host, node) && node.IsUp && !IsWaiting(vm))
                {
                    RestartInPlace(vm, node, $"restart {times.Count} of {policy.Threshold} on {node.Name} (restart policy)");
                }
            }, null, "vm restart");
            return;
        }

        times.Clear();
        vm.SetState(VmState.Off, $"the start failed {policy.Threshold} times on {node.Name} ({why}): the cluster places it elsewhere");
        vm.Unplace();
        Request(vm, failover: true, vm.Reason);
        SchedulePass();
    }

    private void Pump(Host node)
    {
        while (_starting.GetValueOrDefault(node) < _cluster.Spec.Cluster.StartThrottle && _queued.TryGetValue(node, out var q) && q.Count > 0)
        {
            VirtualMachine next = q.Dequeue();
            Begin(next, node, $"a start slot freed on {node.Name}");
        }

        SchedulePass();
    }

    /// <summary>
    /// Where to start <paramref name="vm"/>: among members that are up and not paused, allowed by its possible owners,
    /// able to run it (generation, virtual switches), reaching its storage, with the memory free; its preferred owners
    /// first in their order; else the node with fewest VMs of its anti-affinity class, then one with a free start
    /// slot, then most free memory, then scenario order. Null with every node's reason when none can.
    /// </summary>
    public Host? Choose(VirtualMachine vm, out string why)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var reasons = new List<string>();
        var fits = new List<Host>();
        foreach (Host h in _cluster.Hosts)
        {
            string? refusal = Eligible(vm, h) ?? (Free(h) < vm.Spec.MemoryBytes ? $"{h.Name} has {Free(h) / (double)(1L << 30):0.##} GiB free" : null);
            if (refusal is null)
            {
                fits.Add(h);
            }
            else
            {
                reasons.Add(refusal);
            }
        }

        why = reasons.Count == 0 ? "the cluster has no node" : $"no node can start it: {string.Join("; ", reasons.Distinct())}";
        foreach (string preferred in vm.Spec.PreferredOwners)
        {
            if (fits.FirstOrDefault(h => h.Name == preferred) is { } p)
            {
                return p;
            }
        }

        int throttle = _cluster.Spec.Cluster.StartThrottle;
        return fits
            .OrderBy(h => AntiAffinityCount(vm, h))
            .ThenBy(h => StartingOn(h) + QueuedOn(h) >= throttle ? 1 : 0)
            .ThenByDescending(Free)
            .ThenBy(h => h.Index)
            .FirstOrDefault();
    }

    private int QueuedOn(Host h) => _queued.TryGetValue(h, out var q) ? q.Count : 0;

    private long Free(Host h) => h.FreeMemoryBytes - h.PlannedIncomingBytes;

    /// <summary>Why <paramref name="vm"/> cannot start on <paramref name="h"/> whatever the memory, or null.</summary>
    private string? Eligible(VirtualMachine vm, Host h)
    {
        if (!h.IsUp)
        {
            return $"{h.Name} is down";
        }

        if (!_service.Members.Contains(h))
        {
            return $"{h.Name} is not in the cluster membership";
        }

        if (h.Paused)
        {
            return $"{h.Name} is paused";
        }

        if (vm.Spec.PossibleOwners.Count > 0 && !vm.Spec.PossibleOwners.Contains(h.Name, StringComparer.Ordinal))
        {
            return $"{h.Name} is not a possible owner";
        }

        if (MoveRules.WhyNotOnto(vm.Spec, h.Spec) is { } refusal)
        {
            return refusal.Message;
        }

        return _cluster.StorageReachable(vm, h, out string storage) ? null : storage;
    }

    private static int AntiAffinityCount(VirtualMachine vm, Host h) =>
        vm.Spec.AntiAffinity is not { } cls ? 0 : h.Vms.Count(v => v.Spec.AntiAffinity == cls && v.State is not (VmState.Off or VmState.Saved));

    /// <summary>
    /// Preemption: on the eligible node where the fewest bytes must go, lower-priority running VMs (never High, 3000)
    /// are saved, lowest priority first, until <paramref name="vm"/> fits. Null (and <paramref name="why"/> kept)
    /// when no node can make room.
    /// </summary>
    private Host? Preempt(VirtualMachine vm, ref string why)
    {
        const int neverPreempted = 3000;
        if (vm.Spec.Priority < 1)
        {
            return null;
        }

        Host? best = null;
        List<VirtualMachine>? victims = null;
        long bestBytes = long.MaxValue;
        foreach (Host h in _cluster.Hosts)
        {
            if (Eligible(vm, h) is not null)
            {
                continue;
            }

            long free = Free(h);
            var chosen = new List<VirtualMachine>();
            long freed = 0;
            foreach (VirtualMachine v in h.Vms
                .Where(v => v.State == VmState.Running && !v.Migrating && v.Spec.Priority < vm.Spec.Priority && v.Spec.Priority < neverPreempted)
                .OrderBy(v => v.Spec.Priority).ThenByDescending(v => v.Index))
            {
                if (free + freed >= vm.Spec.MemoryBytes)
                {
                    break;
                }

                chosen.Add(v);
                freed += v.Spec.MemoryBytes;
            }

            if (free + freed >= vm.Spec.MemoryBytes && freed < bestBytes)
            {
                best = h;
                victims = chosen;
                bestBytes = freed;
            }
        }

        if (best is null)
        {
            return null;
        }

        foreach (VirtualMachine v in victims!)
        {
            v.SetState(VmState.Saved, $"saved to make room on {best.Name} for {vm.Name} (priority {vm.Spec.Priority} over {v.Spec.Priority})");
            v.Unplace();
            Request(v, failover: false, $"{v.Reason}; it starts again when memory allows");
        }

        why = string.Empty;
        return best;
    }

    /// <summary>Waiting order: priority high to low, then request order, then scenario order.</summary>
    private sealed class PendingOrder : IComparer<(int Priority, long Seq, int Index, VirtualMachine Vm)>
    {
        public static readonly PendingOrder Instance = new();

        public int Compare((int Priority, long Seq, int Index, VirtualMachine Vm) x, (int Priority, long Seq, int Index, VirtualMachine Vm) y)
        {
            int c = y.Priority.CompareTo(x.Priority);
            return c != 0 ? c : x.Seq != y.Seq ? x.Seq.CompareTo(y.Seq) : x.Index.CompareTo(y.Index);
        }
    }
}
