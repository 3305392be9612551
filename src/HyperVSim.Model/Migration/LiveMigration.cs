using HyperVSim.Engine;
using HyperVSim.Model.Convergence;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using HyperVSim.Model.Transports;

namespace HyperVSim.Model.Migration;

/// <summary>
/// One pre-copy live migration, read top to bottom as Hyper-V performs it (docs/model.md §Live migration):
/// admission behind the simultaneous-migration limit; setup (connect, configuration, skeleton VM with its
/// memory on the target); pass 0 sends all memory while the VM runs; each further pass resends what the
/// guest dirtied during the previous one; pre-copy stops when the dirty set could be sent within the blackout
/// target or after <c>maxPasses</c>; blackout (guest paused: last dirty pages and device state); switch-over
/// (resume on the target); cleanup. Every phase becomes a <see cref="PhaseRecord"/>.
/// </summary>
public sealed class LiveMigration
{
    private readonly Cluster _cluster;
    private readonly List<PhaseRecord> _phases = [];
    private readonly Dictionary<string, double> _limits = new(StringComparer.Ordinal);
    private readonly SimTime _requestedAt;
    private SimTime? _startedAt;
    private bool _holdsVm;
    private bool _planned;
    private bool _holdsSlots;

    internal LiveMigration(Cluster cluster, VirtualMachine vm, Host source, Host? target, string option, string requestedBy)
    {
        _cluster = cluster;
        Vm = vm;
        Source = source;
        Target = target;
        Option = option;
        RequestedBy = requestedBy;
        _requestedAt = cluster.Simulation.Now;
        WaitingSince = _requestedAt;
    }

    public VirtualMachine Vm { get; }

    public Host Source { get; }

    /// <summary>Destination; null only for a migration refused because no node could take the VM. A queued move the cluster requested may change it (<see cref="Retarget"/>).</summary>
    public Host? Target { get; private set; }

    /// <summary>True once the migration holds its slots (admitted), until it ends.</summary>
    public bool Started => _holdsSlots;

    /// <summary>What the migration waits on now, in words (for the model's stall guard and diagnostics).</summary>
    public string WaitingOn { get; private set; } = "its request to be processed";

    /// <summary>Since when it has waited on <see cref="WaitingOn"/>.</summary>
    public SimTime WaitingSince { get; private set; }

    /// <summary>The transport option used (tcpip, compression, smb, ...).</summary>
    public string Option { get; }

    public string RequestedBy { get; }

    /// <summary>Set when the migration has ended, whatever its result.</summary>
    public MigrationRecord? Record { get; private set; }

    /// <summary>Raised once when the migration ends, after <see cref="Record"/> is set.</summary>
    public event Action? Ended;

    private LiveMigrationSpec Settings => _cluster.Spec.Cluster.LiveMigration;

    private SimTime Now => _cluster.Simulation.Now;

    /// <summary>Ends a migration Hyper-V would not start, as failed with the reason.</summary>
    internal void Refuse(string reason) => Finish("failed", reason, 0, 0, null, null);

    /// <summary>
    /// Takes the VM (no other move may start for it) and counts its memory as planned on the destination until the
    /// migration sets up or ends; called when the move is requested, so that placement in the same instant sees it.
    /// </summary>
    internal void Reserve()
    {
        Vm.Migrating = true;
        _holdsVm = true;
        Plan();
    }

    private void Plan()
    {
        Target!.PlannedIncomingBytes += Vm.Spec.MemoryBytes;
        _planned = true;
    }

    /// <summary>Sends a move that is still queued to another node (its destination was paused meanwhile).</summary>
    internal void Retarget(Host target)
    {
        if (Started || Record is not null)
        {
            throw new InvalidOperationException($"migration of {Vm.Name} has started: its destination is fixed");
        }

        Unplan();
        Target = target;
        Plan();
        Wait($"a simultaneous-migration slot on {Source.Name} and {target.Name}");
        _cluster.Admission.Pump();
    }

    /// <summary>Called by admission when it gives the migration its slots on both hosts.</summary>
    internal void Admit() => _holdsSlots = true;

    /// <summary>Ends a move that is still queued, as failed with the reason (no node can take it any more).</summary>
    internal void Withdraw(string reason)
    {
        if (Started || Record is not null)
        {
            throw new InvalidOperationException($"migration of {Vm.Name} has started: it cannot be withdrawn");
        }

        Finish("failed", reason, 0, 0, null, null);
        _cluster.Admission.Withdraw(this);
    }

    internal IEnumerable<Event> Run()
    {
        _ = Target ?? throw new InvalidOperationException($"migration of {Vm.Name} has no destination");
        if (Record is not null)
        {
            // Withdrawn before its process first ran.
            yield break;
        }

        while (true)
        {
            Wait($"a simultaneous-migration slot on {Source.Name} and {Target!.Name}");
            Event admitted = _cluster.Admission.Request(this);
            yield return admitted;
            if (Record is not null)
            {
                // Withdrawn while queued: already ended with its reason.
                yield break;
            }

            if (!Target.Paused || RequestedBy != "cluster")
            {
                break;
            }

            // Admitted in the very instant its destination was paused: give the slots back and go where placement says.
            _holdsSlots = false;
            _cluster.Admission.Release(Source, Target);
            if (_cluster.Placement.Choose(Vm, out string why) is not { } other)
            {
                Finish("failed", $"{Target.Name} was paused before the move started and no node can take {Vm.Name}: {why}", 0, 0, null, null);
                yield break;
            }

            Unplan();
            Target = other;
            Plan();
        }

        Host target = Target;
        _startedAt = Now;
        Unplan();
        string? refusal = _cluster.WhyCannotMove(Vm, target, checkMemory: true);
        if (refusal is not null)
        {
            Finish("failed", refusal, 0, 0, null, null);
            yield break;
        }

        // Setup: connect, send the configuration, create the skeleton VM holding its memory on the target.
        target.IncomingReservedBytes += Vm.Spec.MemoryBytes;
        SimTime setupStart = Now;
        double jitter = Settings.SetupJitter * ((2 * Vm.MigrationRandom.NextDouble()) - 1);
        Wait("setup");
        yield return _cluster.Simulation.Delay(SimTime.FromSeconds(Settings.SetupTime.Seconds * (1 + jitter)));
        AddPhase("setup", null, setupStart, 0, 0, 0, null);

        TransportOpening opening = MigrationTransports.Get(Option).Open(new TransportContext(
            _cluster.Simulation, _cluster.Flows, Vm, Source, target, _cluster.LiveMigrationNetworks, Settings));
        if (opening.Session is not { } session)
        {
            target.IncomingReservedBytes -= Vm.Spec.MemoryBytes;
            Finish("failed", opening.FailureReason, 0, 0, null, null);
            yield break;
        }

        // Pre-copy passes while the guest runs.
        long memory = Vm.Spec.MemoryBytes;
        long toSend = memory;
        long wire = 0;
        int rounds = 0;
        string stopReason;
        SimTime dirtyPassesTime = SimTime.Zero;
        var resendLimits = new List<ITransfer>();
        IConvergenceStrategy convergence = ConvergenceStrategies.Get(Settings.Convergence);
        double throttle = 0;
        while (true)
        {
            SimTime passStart = Now;

            // The guest dirties at the speed it runs: its CPU share on a busy host, less any throttle.
            double guestSpeed = Source.GuestCpuShare * (1 - throttle);
            Wait($"pass {rounds}: {toSend:N0} bytes over {session.Network} ({string.Join(", ", session.Nics)})");
            ITransfer pass = session.Send(toSend);
            yield return pass.Done;
            SimTime passTime = Now - passStart;
            long dirtied = Math.Min(memory, Vm.Dirtying.DirtiedBytes(passTime.Seconds * guestSpeed));
            wire += pass.BytesOnWire;
            rounds++;
            if (rounds > 1)
            {
                dirtyPassesTime += passTime;
            }

            AddPhase("pass", rounds - 1, passStart, toSend, pass, dirtied, Tally(pass, count: rounds == 1), throttle);
            resendLimits.Add(pass);
            throttle = convergence.NextThrottle(throttle, toSend, dirtied);
            double rate = passTime > SimTime.Zero ? toSend / passTime.Seconds : double.PositiveInfinity;
            if (dirtied == 0)
            {
                stopReason = "noDirtyMemory";
                toSend = 0;
                break;
            }

            if (dirtied / rate <= Settings.BlackoutTarget.Seconds)
            {
                stopReason = "blackoutTarget";
                toSend = dirtied;
                break;
            }

            toSend = dirtied;
            if (rounds >= Settings.MaxPasses)
            {
                stopReason = "maxPasses";
                break;
            }
        }

        // Blackout: the guest is paused; the last dirty pages and the device state cross.
        Vm.Pause();
        SimTime blackoutStart = Now;
        long blackoutBytes = toSend + Settings.DeviceStateBytes;
        Wait($"the blackout: {blackoutBytes:N0} bytes over {session.Network} ({string.Join(", ", session.Nics)})");
        ITransfer last = session.Send(blackoutBytes);
        yield return last.Done;
        wire += last.BytesOnWire;
        AddPhase("blackout", null, blackoutStart, blackoutBytes, last, 0, Tally(last));

        // Switch-over: the VM resumes on the target; the source is cleaned up.
        SimTime switchStart = Now;
        Wait("switch-over");
        yield return _cluster.Simulation.Delay(Settings.SwitchoverTime);
        target.IncomingReservedBytes -= memory;
        Vm.PlaceOn(target);
        Vm.Resume();
        AddPhase("switchover", null, switchStart, 0, 0, 0, null);
        session.Close();

        // Passes after the first resend dirtied memory. When pre-copy ran out of passes, dirtying outpaced
        // sending: their time counts against the dirty rate; otherwise against what bound each transfer.
        if (stopReason == "maxPasses")
        {
            AddLimit("dirtyRate", dirtyPassesTime.Seconds);
        }
        else
        {
            foreach (ITransfer resend in resendLimits.Skip(1))
            {
                Tally(resend, count: true);
            }
        }

        Finish("completed", null, rounds, wire, stopReason, session, blackout: (Now - blackoutStart).Seconds, cpu: session.CpuSeconds);
    }

    /// <summary>The factor that bound a transfer longest; adds each factor's time to the migration's tally when <paramref name="count"/>.</summary>
    private string? Tally(ITransfer transfer, bool count = true)
    {
        string? longest = null;
        double best = -1;
        foreach (var (factor, seconds) in transfer.LimitedBy())
        {
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

    private void AddLimit(string factor, double seconds) =>
        _limits[factor] = _limits.GetValueOrDefault(factor) + seconds;

    private void AddPhase(string kind, int? pass, SimTime start, long bytes, long wire, long dirtied, string? limitedBy, double throttle = 0) =>
        _phases.Add(new PhaseRecord(kind, pass, start.Seconds, Now.Seconds, bytes, wire, dirtied, limitedBy, throttle));

    /// <summary>A phase that sent a payload: its bytes on the wire and, for compression, how they went.</summary>
    private void AddPhase(string kind, int? pass, SimTime start, long bytes, ITransfer sent, long dirtied, string? limitedBy, double throttle = 0) =>
        _phases.Add(new PhaseRecord(kind, pass, start.Seconds, Now.Seconds, bytes, sent.BytesOnWire, dirtied, limitedBy, throttle)
        {
            Encoding = sent.Encoding,
            FellBackAt = sent.FellBackAt?.Seconds,
        });

    private void Wait(string what)
    {
        WaitingOn = what;
        WaitingSince = Now;
    }

    private void Unplan()
    {
        if (_planned)
        {
            Target!.PlannedIncomingBytes -= Vm.Spec.MemoryBytes;
            _planned = false;
        }
    }

    private void Finish(string result, string? reason, int rounds, long wire, string? stopReason, ITransferSession? session, double blackout = 0, double cpu = 0)
    {
        double queued = ((_startedAt ?? Now) - _requestedAt).Seconds;
        AddLimit("queue", queued);
        string? limitedBy = _limits.Where(kv => kv.Value > 0)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key).FirstOrDefault();
        Record = Snapshot(result, reason, queued) with
        {
            CompletedAt = Now.Seconds,
            BlackoutSeconds = blackout,
            Rounds = rounds,
            BytesOnWire = wire,
            CpuSeconds = cpu,
            Network = session?.Network,
            Nics = session?.Nics ?? [],
            LimitedBy = limitedBy,
            LimitedByDetail = limitedBy is null ? null : session?.Describe(limitedBy),
            StopReason = stopReason,
        };
        Unplan();
        if (_holdsVm)
        {
            Vm.Migrating = false;
        }

        if (_holdsSlots)
        {
            _holdsSlots = false;
            _cluster.Admission.Release(Source, Target!);
        }

        _cluster.OnMigrationEnded(this);
        Ended?.Invoke();
    }

    /// <summary>The record of a migration still queued or running when the run stops: cancelled, with what it had done.</summary>
    internal MigrationRecord Unfinished(string reason) => Snapshot("cancelled", reason, ((_startedAt ?? Now) - _requestedAt).Seconds) with
    {
        BytesOnWire = _phases.Sum(p => p.BytesOnWire),
        Rounds = _phases.Count(p => p.Kind == "pass"),
    };

    /// <summary>What every record of this migration says, whatever its end: who, where, when asked and started, and its phases so far.</summary>
    private MigrationRecord Snapshot(string result, string? reason, double queued) => new()
    {
        Vm = Vm.Name,
        From = Source.Name,
        To = Target?.Name,
        Option = Option,
        RequestedAt = _requestedAt.Seconds,
        StartedAt = _startedAt?.Seconds,
        QueuedSeconds = queued,
        MemoryBytes = Vm.Spec.MemoryBytes,
        Result = result,
        Reason = reason,
        RequestedBy = RequestedBy,
        Phases = _phases.ToArray(),
    };
}
