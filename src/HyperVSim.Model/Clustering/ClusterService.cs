using HyperVSim.Engine;
using HyperVSim.Model.Clustering.Detectors;
using HyperVSim.Model.Components;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using HyperVSim.Model.Storage;

namespace HyperVSim.Model.Clustering;

/// <summary>
/// The failover-cluster service (docs/model.md §Failover clustering): the membership of nodes and its quorum, the
/// failure detectors, the faults a scenario or the fault injector causes, and the restart of VMs through
/// <see cref="Restarts"/>. It keeps one <see cref="Incident"/> per fault and the quorum over time for the report.
/// </summary>
public sealed class ClusterService : IClusterComponent
{
    private readonly HashSet<Host> _members = [];
    private readonly List<Incident> _incidents = [];
    private readonly Dictionary<string, Incident> _latestOn = new(StringComparer.Ordinal);
    private readonly List<QuorumRecord> _quorumLog = [];
    private readonly List<IFailureDetector> _detectors = [];
    private Cluster? _cluster;
    private AlarmHandle _regroup;

    public Cluster Cluster => _cluster ?? throw new InvalidOperationException("the cluster service is not attached to a cluster");

    /// <summary>Which nodes hear each other's heartbeats.</summary>
    public Connectivity Connectivity { get; private set; } = null!;

    public QuorumState Quorum { get; private set; } = null!;

    /// <summary>False while the cluster has lost quorum: the cluster service is stopped on every node.</summary>
    public bool HasQuorum { get; private set; } = true;

    /// <summary>Nodes in the cluster membership now (up, joined, in the partition that holds quorum).</summary>
    public IReadOnlyCollection<Host> Members => _members;

    public Restarts Restarts { get; private set; } = null!;

    /// <summary>The start-time model (a fixed per-VM time until a boot model replaces it).</summary>
    public IStartTimeModel StartTime { get; set; } = new FixedStartTime();

    /// <summary>The detectors switched on, in attach order.</summary>
    public IReadOnlyList<IFailureDetector> Detectors => _detectors;

    /// <summary>Faults so far, in the order they happened.</summary>
    public IReadOnlyList<Incident> Incidents => _incidents;

    public IReadOnlyList<QuorumRecord> QuorumLog => _quorumLog;

    internal Simulation Sim => Cluster.Simulation;

    /// <summary>Raised when a guest crashes because its storage became unreachable (the storage-failure detector acts on it).</summary>
    public event Action<VirtualMachine, Incident?>? GuestCrashed;

    /// <summary>Raised after the membership changed (a regroup applied, a node left or joined, quorum lost or regained).</summary>
    public event Action? MembershipChanged;

    public void Attach(Cluster cluster)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        Connectivity = new Connectivity(cluster);
        Quorum = new QuorumState(cluster.Hosts, cluster.Spec.Cluster.Quorum);
        foreach (Host h in cluster.Hosts)
        {
            _members.Add(h);
        }

        Restarts = new Restarts(this);
        LogQuorum("the cluster formed with every node");
        cluster.VmStateChanged += OnVmState;
        cluster.HostStateChanged += OnHostState;
        cluster.NicStateChanged += _ => Reconcile();
        cluster.StorageStateChanged += OnStorage;
        HyperVVersion version = cluster.Spec.Cluster.Version;
        foreach (var d in FailureDetectors.Registry.Descriptors)
        {
            IFailureDetector detector = d.Create();
            if (version >= d.MinimumVersion && detector.Enabled(cluster))
            {
                _detectors.Add(detector);
                detector.Attach(this);
            }
        }
    }

    /// <summary>The records of every fault, at the end of the run.</summary>
    public IReadOnlyList<FailoverRecord> FailoverRecords() => _incidents.Select(i => i.Record()).ToArray();

    /// <summary>The latest incident on a target key ("host:hv1", "nic:hv1/lm1", "storage:csv1", "storagePath:hv1/csv1"), if any.</summary>
    public Incident? LatestOn(string key) => _latestOn.GetValueOrDefault(key);

    /// <summary>
    /// Something fails now (a scripted <c>fail</c> or a random fault): its physical effects at once, and an incident
    /// for the report. Returns null when the target was already failed (the failure nests, nothing changes).
    /// </summary>
    public Incident? Fail(FaultTarget target, string cause)
    {
        ArgumentNullException.ThrowIfNull(target);
        var incident = new Incident(Word(target.Kind), target.Name, Sim.Now);
        switch (target.Kind)
        {
            case FaultTargetKind.Host:
                Host host = Cluster.HostNamed(target.Name);
                if (!host.IsUp)
                {
                    host.AddFailure();
                    return null;
                }

                foreach (VirtualMachine vm in host.Vms.Where(v => v.State is not (VmState.Off or VmState.Saved)))
                {
                    incident.Affect(vm);
                }

                Record(incident, $"host:{host.Name}");
                Cluster.FailHost(host, cause);
                return incident;
            case FaultTargetKind.Nic:
                Nic nic = Cluster.NicNamed(target.Name);
                if (!nic.IsUp)
                {
                    nic.AddFailure();
                    return null;
                }

                Record(incident, $"nic:{nic.FullName}");
                _latestOn[$"host:{nic.Host.Name}"] = incident;
                Cluster.FailNic(nic, cause);
                return incident;
            default:
                var (volume, pathHost) = Storage(target);
                bool wasDown = pathHost is null ? !volume.IsUp : volume.PathDown(pathHost);
                if (wasDown)
                {
                    Cluster.FailStorage(volume, pathHost);
                    return null;
                }

                Record(incident, StorageKey(volume, pathHost));
                Cluster.FailStorage(volume, pathHost);
                return incident;
        }
    }

    /// <summary>Something is repaired now; false when another failure of the same target keeps it down.</summary>
    public bool Repair(FaultTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        switch (target.Kind)
        {
            case FaultTargetKind.Host:
                return Cluster.RepairHost(Cluster.HostNamed(target.Name));
            case FaultTargetKind.Nic:
                return Cluster.RepairNic(Cluster.NicNamed(target.Name));
            default:
                var (volume, pathHost) = Storage(target);
                return Cluster.RepairStorage(volume, pathHost);
        }
    }

    /// <summary>True when <paramref name="target"/> is failed now.</summary>
    public bool IsFailed(FaultTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        switch (target.Kind)
        {
            case FaultTargetKind.Host:
                return !Cluster.HostNamed(target.Name).IsUp;
            case FaultTargetKind.Nic:
                return !Cluster.NicNamed(target.Name).IsUp;
            default:
                var (volume, pathHost) = Storage(target);
                return pathHost is null ? !volume.IsUp : volume.PathDown(pathHost);
        }
    }

    private (Volume Volume, Host? Host) Storage(FaultTarget target)
    {
        if (target.Kind == FaultTargetKind.Storage)
        {
            return (Cluster.VolumeNamed(target.Name), null);
        }

        int slash = target.Name.IndexOf('/', StringComparison.Ordinal);
        return (Cluster.VolumeNamed(target.Name[(slash + 1)..]), Cluster.HostNamed(target.Name[..slash]));
    }

    private static string StorageKey(Volume volume, Host? host) => host is null ? $"storage:{volume.Name}" : $"storagePath:{host.Name}/{volume.Name}";

    private static string Word(FaultTargetKind kind) => kind switch
    {
        FaultTargetKind.Host => "host",
        FaultTargetKind.Nic => "nic",
        FaultTargetKind.StoragePath => "storagePath",
        _ => "storage",
    };

    private void Record(Incident incident, string key)
    {
        _incidents.Add(incident);
        _latestOn[key] = incident;
    }

    /// <summary>A cluster-level incident (quorum lost) recorded as it happens.</summary>
    internal Incident NewIncident(string fault, string target)
    {
        var incident = new Incident(fault, target, Sim.Now);
        Record(incident, $"{fault}:{target}");
        return incident;
    }

    // ---- Membership and quorum -------------------------------------------------------------------------------

    /// <summary>
    /// The heartbeat detector declares <paramref name="lost"/> down (each with the words of its detection): the
    /// nodes regroup, which takes <see cref="ClusterSpec.Regroup"/>, and then the membership and quorum are decided.
    /// </summary>
    internal void Declare(IReadOnlyList<(Host Node, string Detail)> lost)
    {
        foreach (var (node, detail) in lost)
        {
            Incident incident = LatestOn($"host:{node.Name}") ?? NewIncident("host", node.Name);
            incident.Detected(Sim.Now, "heartbeat", detail);
        }

        ScheduleRegroup();
    }

    /// <summary>Asks for a regroup (coalesced: one at a time), after the regroup duration.</summary>
    internal void ScheduleRegroup()
    {
        if (!_regroup.IsPending)
        {
            _regroup = Sim.Schedule(Cluster.Spec.Cluster.Regroup, _ => Regroup(arbitrated: false), null, "cluster regroup");
        }
    }

    /// <summary>
    /// The nodes agree on a membership: of the groups of up nodes that hear each other, the first (most votes, then
    /// lowest node) that holds quorum under the votes in force keeps the cluster; members outside it leave (their
    /// VMs stop) and up nodes inside it join. When the decision needs the witness, it waits the arbitration time
    /// first. Without quorum the cluster stops; a stopped cluster forms again when a group holds quorum under the
    /// last votes it had.
    /// </summary>
    private void Regroup(bool arbitrated)
    {
        Host[] up = Cluster.Hosts.Where(h => h.IsUp).ToArray();
        IReadOnlyList<IReadOnlyList<Host>> groups = Connectivity.Components(up);
        IEnumerable<IReadOnlyList<Host>> ordered = groups
            .OrderByDescending(g => Quorum.NodeVotes(HasQuorum ? g.Where(_members.Contains) : g))
            .ThenBy(g => g[0].Index);
        foreach (IReadOnlyList<Host> group in ordered)
        {
            Host[] voters = HasQuorum ? group.Where(_members.Contains).ToArray() : group.ToArray();
            if (voters.Length == 0 || !Quorum.HasQuorum(voters, out bool usesWitness))
            {
                continue;
            }

            if (usesWitness && !arbitrated && Cluster.Spec.Cluster.Quorum.Arbitration > SimTime.Zero)
            {
                _regroup = Sim.Schedule(Cluster.Spec.Cluster.Quorum.Arbitration, _ => Regroup(arbitrated: true), null, "witness arbitration");
                return;
            }

            Apply(group, usesWitness);
            return;
        }

        if (HasQuorum)
        {
            LoseQuorum();
        }
    }

    private void Apply(IReadOnlyList<Host> group, bool usedWitness)
    {
        bool reform = !HasQuorum;
        var leaving = _members.Where(m => !group.Contains(m)).OrderBy(h => h.Index).ToArray();
        var joining = group.Where(h => !_members.Contains(h)).ToArray();
        foreach (Host h in leaving)
        {
            if (h.IsUp)
            {
                StopNode(h, $"{h.Name} lost its cluster membership (cut off from the nodes that kept quorum)", LatestOn($"host:{h.Name}"));
            }

            _members.Remove(h);
        }

        foreach (Host h in joining)
        {
            _members.Add(h);
        }

        HasQuorum = true;
        Quorum.Adjust(_members);
        string why = reform
            ? $"quorum regained: {Names(group)} formed the cluster"
            : string.Join("; ", new[]
            {
                leaving.Length > 0 ? $"{Names(leaving)} left the membership" : null,
                joining.Length > 0 ? $"{Names(joining)} joined" : null,
                usedWitness ? "the witness's vote decided" : null,
            }.OfType<string>().DefaultIfEmpty("regrouped"));
        LogQuorum(why);
        MembershipChanged?.Invoke();
        Restarts.RecoverAll();
    }

    private void LoseQuorum()
    {
        Incident incident = NewIncident("quorum", "cluster");
        incident.Detected(Sim.Now, "quorum", $"no group of nodes holds more than half of the {Quorum.TotalVotes} votes");
        HasQuorum = false;
        foreach (Host h in _members.OrderBy(h => h.Index).ToArray())
        {
            StopNode(h, "the cluster lost quorum: the cluster service stopped on every node", incident);
        }

        _members.Clear();
        Restarts.Suspend();
        LogQuorum("quorum lost: the cluster service stopped on every node");
        MembershipChanged?.Invoke();
    }

    /// <summary>
    /// A node leaves cleanly (a restart, after its drain): what still runs there is saved, it leaves the membership and
    /// hands its vote over at once (no detection, no quorum risk), and goes down.
    /// </summary>
    public void Leave(Host host, string reason)
    {
        ArgumentNullException.ThrowIfNull(host);
        foreach (VirtualMachine vm in host.Vms.ToArray())
        {
            foreach (var m in Cluster.Component<MigrationService>().InFlight.Where(m => ReferenceEquals(m.Vm, vm)).ToArray())
            {
                m.Abort($"{host.Name} is shutting down");
            }

            if (vm.State is not (VmState.Off or VmState.Saved))
            {
                vm.SetState(VmState.Saved, $"saved: {host.Name} shut down ({reason}) before it could move");
            }

            vm.Unplace();
        }

        if (_members.Remove(host))
        {
            Quorum.Adjust(_members);
            LogQuorum($"{host.Name} left cleanly ({reason}) and handed its vote over");
            MembershipChanged?.Invoke();
        }

        Cluster.FailHost(host, reason);
        Restarts.RecoverAll();
    }

    /// <summary>Stops everything on a node that is up but no longer a member: migrations to or from it abort, its VMs go off.</summary>
    private void StopNode(Host host, string reason, Incident? incident)
    {
        foreach (var m in Cluster.Component<MigrationService>().InFlight.Where(m => ReferenceEquals(m.Source, host) || ReferenceEquals(m.Target, host)).ToArray())
        {
            m.Abort(reason);
        }

        foreach (VirtualMachine vm in host.Vms.ToArray())
        {
            if (vm.State is not (VmState.Off or VmState.Saved))
            {
                incident?.Affect(vm);
                vm.SetState(VmState.Off, reason);
            }

            vm.Unplace();
        }

        Restarts.OnNodeGone(host);
    }

    /// <summary>
    /// After any change of hosts or links: the heartbeat detector watches members that became unreachable; up nodes
    /// outside the membership that now hear the cluster (or, without quorum, any group that could form it) regroup.
    /// </summary>
    private void Reconcile()
    {
        foreach (IFailureDetector d in _detectors)
        {
            (d as HeartbeatDetector)?.OnChange();
        }

        Host[] up = Cluster.Hosts.Where(h => h.IsUp).ToArray();
        if (!HasQuorum)
        {
            if (up.Length > 0)
            {
                ScheduleRegroup();
            }

            return;
        }

        foreach (IReadOnlyList<Host> group in Connectivity.Components(up))
        {
            if (group.Any(_members.Contains) && group.Any(h => !_members.Contains(h)))
            {
                ScheduleRegroup();
                return;
            }
        }
    }

    private void OnHostState(Host host)
    {
        if (!host.IsUp)
        {
            Restarts.OnNodeGone(host);
        }
        else if (HasQuorum && _members.Contains(host) && host.Vms.Count == 0 && _latestOn.TryGetValue($"host:{host.Name}", out Incident? crash) && crash.DetectedAt is null)
        {
            // Back before the heartbeats declared it down: its cluster service starts afresh and joins, so the
            // cluster learns of the restart then.
            crash.Detected(Sim.Now, "heartbeat", $"{host.Name} rejoined after a restart before its heartbeats ran out");
            _members.Remove(host);
        }

        Reconcile();
        Restarts.SchedulePass();
    }

    // ---- Storage ---------------------------------------------------------------------------------------------

    /// <summary>
    /// A volume or a path failed or came back. On loss, every guest with a disk there on a host that no longer reaches
    /// it crashes (2012 R2 guests do: domain reference §2) and stays failed on its host; the storage-failure detector,
    /// when on, relocates it. On repair, a guest failed on a host that reaches its storage again restarts there.
    /// </summary>
    private void OnStorage(Volume volume, Host? host)
    {
        Incident? incident = LatestOn(StorageKey(volume, host));
        foreach (VirtualMachine vm in Cluster.Vms)
        {
            if (vm.Host is not { } on || !vm.Spec.Disks.Any(d => d.Storage == volume.Name))
            {
                continue;
            }

            bool reachable = Cluster.StorageReachable(vm, on, out string why);
            if (!reachable && vm.State is VmState.Running or VmState.Paused or VmState.Starting)
            {
                foreach (var m in Cluster.Component<MigrationService>().InFlight.Where(m => ReferenceEquals(m.Vm, vm)).ToArray())
                {
                    m.Abort($"{vm.Name}'s guest crashed: {why}");
                }

                bool starting = vm.State == VmState.Starting;
                incident?.Affect(vm);
                vm.SetState(VmState.Failed, $"the guest crashed: {why}");
                if (starting)
                {
                    Restarts.OnStartAbandoned(vm);
                }

                GuestCrashed?.Invoke(vm, incident);
            }
            else if (reachable && vm.State == VmState.Failed && vm.ShouldRun)
            {
                Restarts.RestartInPlace(vm, on, $"its storage is reachable again from {on.Name}: the guest restarts there");
            }
        }

        Restarts.SchedulePass();
    }

    // ---- Reporting -------------------------------------------------------------------------------------------

    private void OnVmState(VirtualMachine vm, VmState before)
    {
        // Not back: a blackout ending, or a running VM whose reason changed (the network health detector's words).
        if (vm.State != VmState.Running || before is VmState.Paused or VmState.Running)
        {
            return;
        }

        foreach (Incident i in _incidents)
        {
            if (i.Affects(vm))
            {
                i.Back(vm, vm.Host, Sim.Now);
            }
        }
    }

    private void LogQuorum(string reason) => _quorumLog.Add(new QuorumRecord(Sim.Now.Seconds, Quorum.TotalVotes, HasQuorum, reason)
    {
        Nodes = _members.Count,
        WitnessVote = Quorum.WitnessVote,
    });

    internal static string Names(IEnumerable<Host> hosts) => string.Join(", ", hosts.Select(h => h.Name));
}
