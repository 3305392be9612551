using HyperVSim.Engine;
using HyperVSim.Model.Activities;
using HyperVSim.Model.Components;
using HyperVSim.Model.Results;
using HyperVSim.Flow;
using HyperVSim.Model.Specs;
using HyperVSim.Model.Storage;
using HyperVSim.Model.Transports;

namespace HyperVSim.Model.Migration;

/// <summary>
/// One migration as an activity: it takes the VM and plans its memory on the destination when requested, waits
/// for a simultaneous-migration slot on both hosts (admission), then runs its <see cref="IMigrationStrategy"/>
/// (pre-copy by default: docs/model.md §Live migration) and keeps the record. Everything it holds — the VM, the
/// planned and reserved memory, the slots, the transport session — is a lease released when it ends, however it
/// ends: completed, failed, or aborted from outside with a cause (<see cref="Abort"/>).
/// </summary>
public sealed class LiveMigration : IMigrationContext, IActivity
{
    private readonly MigrationService _service;
    private readonly Cluster _cluster;
    // The phases so far, in an array grown as a list grows (4, 8, ...): the record takes it as it is when it is exactly
    // full (pre-copy's four phases), since a later phase would go to a new array; otherwise it takes a copy.
    private PhaseRecord[] _phases = [];
    private int _phaseCount;
    // Seconds per limiting factor in the order first seen (a list: a migration meets two or three factors).
    private readonly List<(LimitFactor Factor, double Seconds)> _limits = new(4);
    private readonly LeaseSet _leases = new();
    private List<Flow.Flow>? _flows; // storage moves' flows in flight (made at the first: most migrations move only memory)
    private IReadOnlyList<(DiskSpec Disk, Volume From)>? _disksToCopy;
    private readonly SimTime _requestedAt;
    private SimTime? _startedAt;
    private Lease? _planned;
    private Lease? _slots;
    private Lease? _reserved;
    private ITransferSession? _session;
    private Process? _process;
    private Host? _processTarget;
    // What it waits on: the words when given (Waiting), else built when read from the transfer awaited (WaitingToSend)
    // or, with no transfer, the slot awaited (WaitingForSlot); a run that never stalls formats none of them.
    private string? _waitingOn = "its request to be processed";
    private string? _sendStep;
    private long _sendBytes;
    private ITransferSession? _sendSession;

    internal LiveMigration(MigrationService service, VirtualMachine vm, Host source, Host? target, string option, string requestedBy, string strategy = MigrationStrategies.Default, Volume? storage = null)
    {
        StorageTarget = storage;
        _service = service;
        _cluster = service.Cluster;
        Vm = vm;
        Source = source;
        Target = target;
        Option = option;
        RequestedBy = requestedBy;
        Strategy = strategy;
        _requestedAt = _cluster.Simulation.Now;
        WaitingSince = _requestedAt;
    }

    public VirtualMachine Vm { get; }

    public string Name => StorageOnly ? $"storage migration of {Vm.Name} on {Source.Name} to {StorageTarget!.Name}" : $"live migration of {Vm.Name} {Source.Name}->{Target?.Name}";

    /// <summary>The volume the VM's disks move to (a storage live migration, or a shared-nothing move); null when they stay.</summary>
    public Volume? StorageTarget { get; }

    /// <summary>True for a storage live migration: the disks move, the VM stays on its host.</summary>
    public bool StorageOnly => StorageTarget is not null && ReferenceEquals(Source, Target);

    /// <summary>What the report calls it: live, quick, storage or sharedNothing.</summary>
    public string Kind => StorageOnly ? "storage" : StorageTarget is not null ? "sharedNothing" : Strategy == "quick" ? "quick" : "live";

    /// <summary>
    /// The disks a storage move copies, with the volume each is on: those on a volume other than the target, except,
    /// in a shared-nothing move, disks on an SMB share the destination reaches (only the memory moves for them).
    /// </summary>
    public IReadOnlyList<(DiskSpec Disk, Volume From)> DisksToCopy => _disksToCopy ??= StorageTarget is not { } target ? [] :
        Vm.Spec.Disks
            .Where(d => d.Storage is { } name && name != target.Name)
            .Select(d => (Disk: d, From: _cluster.VolumeNamed(d.Storage!)))
            .Where(x => StorageOnly || !(x.From.Spec.Kind == StorageKind.Smb && _cluster.Reaches(Target!, x.From)))
            .ToArray();

    public bool HasEnded => Record is not null;

    public Host Source { get; }

    /// <summary>Destination; null only for a migration refused because no node could take the VM. A queued move the cluster requested may change it (<see cref="Replace"/>).</summary>
    public Host? Target { get; private set; }

    Host IMigrationContext.Target => Target ?? throw new InvalidOperationException($"migration of {Vm.Name} has no destination");

    /// <summary>The transport option used (tcpip, compression, smb, ...).</summary>
    public string Option { get; }

    /// <summary>The migration strategy's registered name (precopy, ...); <c>quick</c> once the cluster fell back to it.</summary>
    public string Strategy { get; private set; }

    /// <summary>
    /// True for a move the cluster makes itself (a drain, a shutdown, network health protection) with no strategy named:
    /// when live migration is impossible as it starts, the cluster quick-migrates the VM instead (docs/model.md §Quick migration).
    /// </summary>
    internal bool MayFallBack { get; init; }

    /// <summary>Why the cluster used quick migration instead of live migration; null when it did not fall back.</summary>
    public string? FallbackReason { get; private set; }

    public string RequestedBy { get; }

    /// <summary>Where the migration is in its life.</summary>
    public MigrationState State { get; private set; } = MigrationState.Queued;

    /// <summary>True once the migration holds its slots (admitted), until it ends.</summary>
    public bool Started => _slots is { Held: true };

    /// <summary>What the migration waits on now, in words (for the model's stall guard and diagnostics).</summary>
    public string WaitingOn => _waitingOn ??= _sendSession is { } session
        ? $"{_sendStep}: {_sendBytes:N0} bytes over {session.Network} ({string.Join(", ", session.Nics)})"
        : $"a simultaneous-migration slot on {Source.Name} and {Target?.Name}";

    /// <summary>Since when it has waited on <see cref="WaitingOn"/>.</summary>
    public SimTime WaitingSince { get; private set; }

    /// <summary>What it holds now (slots, memory, the VM), for diagnostics and tests.</summary>
    public IEnumerable<Lease> Holding => _leases.Held;

    /// <summary>Set when the migration has ended, whatever its result.</summary>
    public MigrationRecord? Record { get; private set; }

    /// <summary>Raised once when the migration ends, after <see cref="Record"/> is set.</summary>
    public event Action? Ended;

    public LiveMigrationSpec Settings => _cluster.Spec.Cluster.LiveMigration;

    public SimTime Now => _cluster.Simulation.Now;

    Random IMigrationContext.Random => Vm.MigrationRandom;

    /// <summary>Ends a migration Hyper-V would not start, as failed with the reason.</summary>
    internal void Refuse(string reason) => Finish(MigrationState.Failed, reason, null);

    /// <summary>
    /// Takes the VM (no other move may start for it) and plans its memory on the destination until the migration
    /// sets up or ends, then starts its process; called when the move is requested, so that placement in the same
    /// instant sees it.
    /// </summary>
    internal void Start()
    {
        Vm.Migrating = true;
        _leases.Add(new VmLease(Vm));
        if (!StorageOnly)
        {
            Plan();
        }

        _processTarget = Target;
        _process = _cluster.Simulation.Process(Run(), this, static m => ((LiveMigration)m).ProcessName);
        _process.AddCallback(OnProcessEnded);
    }

    /// <summary>The process's name (messages only, so built when read), with the destination it had when it started.</summary>
    private string ProcessName => StorageTarget is not null && ReferenceEquals(Source, _processTarget)
        ? $"storage-migration {Vm.Name} {Source.Name}"
        : $"live-migration {Vm.Name} {Source.Name}->{_processTarget!.Name}";

    /// <summary>
    /// A process that failed: a transfer it waited on failed (a NIC or link under it died), so the migration fails and
    /// the VM stays on its source (its <c>finally</c> already released what it held). Any other failure is a bug in a
    /// strategy and stops the run loudly. A killed process (<see cref="Abort"/>) has its record already.
    /// </summary>
    private void OnProcessEnded(Event ended)
    {
        if (ended.Ok || Record is not null)
        {
            return;
        }

        if (ended.Error is UnhandledFailureException { InnerException: { } cause })
        {
            ResumeOnSource();

            Finish(MigrationState.Failed, $"the transfer failed: {cause.Message}", null);
            return;
        }

        throw new SimulationException($"live migration of {Vm.Name} ended with an error: {ended.Error!.Message}", ended.Error);
    }

    /// <summary>
    /// Its destination was paused before the move started (still queued, or admitted in that very instant): it gives
    /// back any slots and goes, queued again, where placement says; when no node can take the VM it fails with every
    /// node's reason. Returns false when it failed.
    /// </summary>
    internal bool Replace()
    {
        if (Record is not null || _startedAt is not null)
        {
            throw new InvalidOperationException($"migration of {Vm.Name} has started or ended: its destination is fixed");
        }

        Host paused = Target!;
        _slots?.Dispose();
        if (_cluster.Component<Placement>().Choose(Vm, out string why) is not { } other)
        {
            Finish(MigrationState.Failed, $"{paused.Name} was paused before the move started and no node can take {Vm.Name}: {why}", null);
            _service.Admission.Withdraw(this);
            return false;
        }

        _planned?.Dispose();
        Target = other;
        Plan();
        WaitingForSlot();
        _service.Admission.Pump();
        return true;
    }

    /// <summary>
    /// Ends the migration now, from outside (a fault, a component), with <paramref name="cause"/>: its process is killed,
    /// so its <c>finally</c> block closes the transport session (cancelling the flows in flight) and releases every
    /// lease (slots, planned and reserved memory, the VM); a queued request leaves the queue; a VM paused for the
    /// blackout resumes on its source, where it still is. The record says <c>failed</c>, "aborted: cause", with the
    /// phases and bytes so far. Returns false when the migration had already ended.
    /// </summary>
    public bool Abort(string cause) => End(cause, MigrationState.Aborted, $"aborted: {cause}");

    /// <summary>
    /// Withdraws a move that is no longer wanted (the reason for it went away, e.g. a protected network came back
    /// while the move was queued): ended as <see cref="Abort"/> does, but the record says <c>cancelled</c> with
    /// <paramref name="cause"/>. Returns false when the migration had already ended.
    /// </summary>
    public bool Cancel(string cause) => End(cause, MigrationState.Cancelled, cause);

    private bool End(string cause, MigrationState state, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cause);
        if (Record is not null)
        {
            return false;
        }

        // Kill runs the process's finally block; these two calls cover a process killed before it first ran.
        _process?.Kill(cause);
        _service.Admission.Withdraw(this);
        _session?.Close();
        CancelFlows();
        _leases.Dispose();
        ResumeOnSource();

        Finish(state, reason, null);
        return true;
    }

    /// <summary>A guest paused for the blackout of a migration that will not complete runs again on its source, where it still is.</summary>
    private void ResumeOnSource()
    {
        if (Vm.State == VmState.Paused && ReferenceEquals(Vm.Host, Source))
        {
            Vm.Resume();
        }
    }

    /// <summary>Called by admission when it gives the migration its slots on both hosts; disposing the lease frees them.</summary>
    internal void Admit(Lease slots) => _slots = _leases.Add(slots);

    /// <summary>The VM itself, taken while a move runs: no other move may start for it.</summary>
    private sealed class VmLease(VirtualMachine vm) : Lease
    {
        public override string What => $"the VM {vm.Name}";

        private protected override void Release() => vm.Migrating = false;
    }

    private void Plan() => _planned = _leases.Add(Target!.PlanIncoming(Vm.Spec.MemoryBytes));

    private IEnumerable<Event> Run()
    {
        try
        {
            if (Record is not null)
            {
                // Withdrawn before its process first ran.
                yield break;
            }

            while (true)
            {
                WaitingForSlot();
                Event admitted = _service.Admission.Request(this);
                yield return admitted;
                if (Record is not null)
                {
                    // Withdrawn while queued: already ended with its reason.
                    yield break;
                }

                if (!Target!.Paused || RequestedBy != "cluster")
                {
                    break;
                }

                // Admitted in the very instant its destination was paused: placed again, or failed.
                if (!Replace())
                {
                    yield break;
                }
            }

            _startedAt = Now;
            State = MigrationState.Running;
            _service.OnStarted(this);
            _planned?.Dispose();
            if (!StorageOnly && MoveRules.WhyNot(Vm, Target, checkMemory: true) is { } refusal)
            {
                Finish(MigrationState.Failed, refusal, null);
                yield break;
            }

            if (StorageTarget is { } volume && !_cluster.Reaches(Target, volume))
            {
                Finish(MigrationState.Failed, $"{Target.Name} cannot reach volume {volume.Name}", null);
                yield break;
            }

            if (MayFallBack && StorageTarget is null && Strategy == MigrationStrategies.Default
                && NetworkPath.WhyNotConnected(Source, Target, _cluster.LiveMigrationNetworks) is { } impossible)
            {
                Strategy = Strategies.QuickStrategy.Name;
                FallbackReason = $"live migration impossible: {impossible}";
            }

            IMigrationStrategy strategy = MigrationStrategies.Registry.Get(Strategy).Create();
            if (StorageTarget is not null && !StorageOnly)
            {
                strategy = new Strategies.SharedNothingStrategy(strategy);
            }

            foreach (Event step in strategy.Run(this))
            {
                yield return step;
            }

            if (Record is null)
            {
                throw new InvalidOperationException($"migration strategy '{Strategy}' ended without completing or failing the migration of {Vm.Name}");
            }
        }
        finally
        {
            // However the steps end (completed, failed, or the process killed by Abort), nothing stays held.
            _session?.Close();
            CancelFlows();
            _leases.Dispose();
        }
    }

    private void CancelFlows()
    {
        if (_flows is null)
        {
            return;
        }

        foreach (Flow.Flow f in _flows.ToArray())
        {
            _cluster.Flows.Cancel(f);
        }

        _flows.Clear();
    }

    void IMigrationContext.ReserveTargetMemory() => _reserved ??= _leases.Add(Target!.ReserveIncoming(Vm.Spec.MemoryBytes));

    Cluster IMigrationContext.Cluster => _cluster;

    /// <inheritdoc cref="IMigrationContext.Move"/>
    public ITransfer Move(long bytes, IReadOnlyList<FlowUsage> path, double bound, LimitFactor ownCap, params (Volume? Volume, Host Host)[] needs)
    {
        ArgumentNullException.ThrowIfNull(path);
        var volumes = new HashSet<Resource>(_cluster.Volumes.SelectMany(v => new[] { v.Bandwidth, v.Iops }).OfType<Resource>());
        Flow.Flow flow = _cluster.Flows.Start($"move:{Vm.Name}", bytes, path, bound);
        if (flow.Active)
        {
            List<Flow.Flow> flows = _flows ??= [];
            flows.Add(flow);
            flow.Completion.AddCallback(_ => flows.Remove(flow));
            foreach (var (volume, host) in needs)
            {
                _cluster.NeedsVolume(flow, volume, host);
            }
        }

        return new FlowTransfer(flow, bytes, (_, span) =>
            span.Resource is { } r && volumes.Contains(r) ? LimitFactor.Storage : NetworkPath.Factor(span, ownCap));
    }

    void IMigrationContext.PauseVm(string why, bool outage) => Vm.Pause(why, outage);

    void IMigrationContext.SwitchStorage()
    {
        if (StorageTarget is { } volume)
        {
            _cluster.MoveDisks(Vm, DisksToCopy.Select(d => d.Disk.Name).ToArray(), volume);
        }
    }

    ITransferSession? IMigrationContext.OpenTransport(out string failure)
    {
        TransportOpening opening = MigrationTransports.Get(Option).Open(new TransportContext(
            _cluster.Simulation, _cluster.Flows, Vm, Source, Target!, _cluster.LiveMigrationNetworks, Settings));
        failure = opening.FailureReason ?? string.Empty;
        _session = opening.Session;
        return _session;
    }

    Event IMigrationContext.Delay(SimTime delay) => _cluster.Simulation.Delay(delay);

    /// <inheritdoc cref="IMigrationContext.Waiting"/>
    public void Waiting(string what)
    {
        _waitingOn = what;
        WaitingSince = Now;
    }

    /// <summary>Says the migration waits for a simultaneous-migration slot on its two hosts.</summary>
    private void WaitingForSlot()
    {
        _waitingOn = null;
        _sendSession = null;
        WaitingSince = Now;
    }

    /// <inheritdoc cref="IMigrationContext.WaitingToSend"/>
    public void WaitingToSend(string step, long bytes, ITransferSession session)
    {
        _waitingOn = null;
        _sendStep = step;
        _sendBytes = bytes;
        _sendSession = session;
        WaitingSince = Now;
    }

    void IMigrationContext.PauseVm() => Vm.Pause();

    void IMigrationContext.SwitchToTarget()
    {
        _reserved?.Dispose();
        Vm.PlaceOn(Target!);
        ((IMigrationContext)this).SwitchStorage();
    }

    void IMigrationContext.ResumeVm() => Vm.Resume();

    void IMigrationContext.AddPhase(PhaseRecord phase)
    {
        if (_phaseCount == _phases.Length)
        {
            Array.Resize(ref _phases, Math.Max(4, 2 * _phases.Length));
        }

        _phases[_phaseCount++] = phase;
    }

    /// <summary>The phases recorded so far.</summary>
    private ReadOnlySpan<PhaseRecord> PhasesSoFar => _phases.AsSpan(0, _phaseCount);

    /// <inheritdoc cref="IMigrationContext.Account"/>
    public LimitFactor? Account(ITransfer transfer, bool count = true)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        LimitFactor? longest = null;
        double best = -1;
        List<(LimitFactor Factor, double Seconds)> limits = _service.LimitsScratch;
        limits.Clear();
        transfer.LimitedBy(limits);
        for (int i = 0; i < limits.Count; i++)
        {
            var (factor, seconds) = limits[i];
            if (count)
            {
                AddLimit(factor, seconds);
            }

            if (seconds > best)
            {
                best = seconds;
                longest = factor;
            }
        }

        return longest;
    }

    /// <inheritdoc cref="IMigrationContext.AddLimit"/>
    public void AddLimit(LimitFactor factor, double seconds) => LimitFactor.Tally(_limits, factor, seconds);

    void IMigrationContext.Complete(MigrationOutcome outcome) => Finish(MigrationState.Completed, null, outcome);

    void IMigrationContext.Fail(string reason)
    {
        _reserved?.Dispose();
        Finish(MigrationState.Failed, reason, null);
    }

    private void Finish(MigrationState state, string? reason, MigrationOutcome? outcome)
    {
        if (Record is not null)
        {
            throw new InvalidOperationException($"migration of {Vm.Name} has already ended ({Record.Result})");
        }

        State = state;
        double queued = ((_startedAt ?? Now) - _requestedAt).Seconds;
        AddLimit(LimitFactor.Queue, queued);
        LimitFactor? limitedBy = LongestLimit();
        ITransferSession? session = outcome?.Session ?? _session;
        MigrationResult result = state switch
        {
            MigrationState.Completed => MigrationResult.Completed,
            MigrationState.Cancelled => MigrationResult.Cancelled,
            _ => MigrationResult.Failed,
        };
        Record = Snapshot(result, reason, queued, Now, outcome, session, limitedBy);
        _leases.Dispose();
        _service.OnEnded(this);
        Ended?.Invoke();
    }

    /// <summary>The record of a migration still queued or running when the run stops: cancelled, with what it had done.</summary>
    internal MigrationRecord Unfinished(string reason) => Snapshot(MigrationResult.Cancelled, reason, ((_startedAt ?? Now) - _requestedAt).Seconds);

    /// <summary>
    /// The factor that held the migration longest (time &gt; 0), ties broken by name (ordinal), then by the order
    /// first seen; null when none held it.
    /// </summary>
    private LimitFactor? LongestLimit()
    {
        LimitFactor? longest = null;
        double most = 0;
        foreach (var (factor, seconds) in _limits)
        {
            if (seconds > 0 && (longest is not { } l || seconds > most
                || (seconds == most && string.CompareOrdinal(factor.Name, l.Name) < 0)))
            {
                longest = factor;
                most = seconds;
            }
        }

        return longest;
    }

    /// <summary>Pre-copy passes recorded so far.</summary>
    private int Passes()
    {
        int n = 0;
        foreach (PhaseRecord p in PhasesSoFar)
        {
            n += p.Kind == PhaseKind.Pass ? 1 : 0;
        }

        return n;
    }

    /// <summary>Bytes on the wire of the phases of <paramref name="kind"/> (all phases when null).</summary>
    private long PhaseWire(PhaseKind? kind)
    {
        long sum = 0;
        foreach (PhaseRecord p in PhasesSoFar)
        {
            sum += kind is null || p.Kind == kind ? p.BytesOnWire : 0;
        }

        return sum;
    }

    /// <summary>Payload bytes of the phases of <paramref name="kind"/>.</summary>
    private long PhaseBytes(PhaseKind kind)
    {
        long sum = 0;
        foreach (PhaseRecord p in PhasesSoFar)
        {
            sum += p.Kind == kind ? p.Bytes : 0;
        }

        return sum;
    }

    /// <summary>
    /// The record of this migration (one object: a study builds one per migration of every case): who, where, when asked
    /// and started, its phases so far; when it ended (<paramref name="completedAt"/>), what its outcome, transport session
    /// and longest limit say. Without them (a run stopped while it was queued or running) those fields keep their
    /// defaults, and its bytes and passes are those of the phases recorded.
    /// </summary>
    private MigrationRecord Snapshot(MigrationResult result, string? reason, double queued, SimTime? completedAt = null,
        MigrationOutcome? outcome = null, ITransferSession? session = null, LimitFactor? limitedBy = null) => new()
    {
        Vm = Vm.Name,
        From = Source.Name,
        To = Target?.Name,
        Kind = Kind,
        Strategy = Strategy,
        Option = Option,
        CopyBytes = PhaseBytes(PhaseKind.Copy),
        MirrorBytes = PhaseBytes(PhaseKind.Mirror),
        RequestedAt = _requestedAt.Seconds,
        StartedAt = _startedAt?.Seconds,
        QueuedSeconds = queued,
        MemoryBytes = Vm.Spec.MemoryBytes,
        Result = result,
        Reason = reason,
        Fallback = FallbackReason,
        RequestedBy = RequestedBy,
        Phases = _phaseCount == _phases.Length ? _phases : PhasesSoFar.ToArray(),
        CompletedAt = completedAt?.Seconds,
        BlackoutSeconds = outcome?.BlackoutSeconds ?? 0,
        Rounds = outcome?.Rounds ?? Passes(),
        BytesOnWire = outcome is { } o
            ? o.BytesOnWire + PhaseWire(PhaseKind.Copy) + PhaseWire(PhaseKind.Mirror)
            : PhaseWire(null),
        CpuSeconds = session?.CpuSeconds ?? 0,
        Network = session?.Network,
        Nics = session?.Nics ?? [],
        LimitedBy = limitedBy,
        LimitedByDetail = limitedBy is { } factor ? session?.Describe(factor) : null,
        StopReason = outcome?.StopReason,
        DegradedSeconds = outcome?.DegradedSeconds ?? 0,
        StallSeconds = outcome?.StallSeconds ?? 0,
    };
}
