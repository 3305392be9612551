using HyperVSim.Engine;
using HyperVSim.Model.Dirtying;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model;

/// <summary>
/// A virtual machine: where it runs, its state and why it is in it, how it dirties memory, and how long its guest has
/// run and not run. Every state change goes through one method that keeps the host's accounting, the downtime and
/// the outage count, and tells the cluster (which relays it to observers such as the timeline).
/// </summary>
public sealed class VirtualMachine
{
    private readonly Simulation _sim;
    private SimTime? _downSince;
    private SimTime _downtime;
    private SimTime? _runningSince;
    private SimTime _runningTime;
    private Random? _migrationRandom;

    internal VirtualMachine(VmSpec spec, Simulation sim, RandomStreams streams, int index)
    {
        Spec = spec;
        _sim = sim;
        Streams = streams;
        Index = index;
        Dirtying = DirtyingModels.Create(spec.Dirtying, spec.MemoryBytes, DirtyingRandom);
        State = spec.State == VmInitialState.Running ? VmState.Running : VmState.Off;
        ShouldRun = State == VmState.Running;
        if (State == VmState.Running)
        {
            _runningSince = SimTime.Zero;
        }

        Reason = State == VmState.Running ? "running at the start of the run" : "off at the start of the run";
    }

    public VmSpec Spec { get; private set; }

    public string Name => Spec.Name;

    /// <summary>Position in the scenario's list: the stable tie-break wherever VMs are ordered.</summary>
    public int Index { get; }

    /// <summary>The host it runs on (or is registered on); null when it runs nowhere.</summary>
    public Host? Host { get; private set; }

    public VmState State { get; private set; }

    /// <summary>Why the VM is in its state, in words (the last change's reason).</summary>
    public string Reason { get; private set; }

    /// <summary>The cluster wants this VM running (its group is online): true from the start for a running VM, set by a start event.</summary>
    public bool ShouldRun { get; internal set; }

    public IMemoryDirtying Dirtying { get; }

    /// <summary>True while a live migration of this VM is queued or running.</summary>
    public bool Migrating { get; internal set; }

    /// <summary>Interruptions longer than a blackout (restarts, crashes, pauses other than a migration's).</summary>
    public int Outages { get; internal set; }

    internal RandomStreams Streams { get; }

    /// <summary>Called after every state change with the state before (the cluster relays it to observers).</summary>
    internal Action<VirtualMachine, VmState>? StateChanged { get; init; }

    /// <summary>This VM's stream for migration draws (setup jitter), from (seed, VM name, "liveMigration").</summary>
    internal Random MigrationRandom => _migrationRandom ??= Streams.For(Name, "liveMigration");

    /// <summary>A new stream for the dirtying model's draws, from (seed, VM name, "memoryDirtying"); a method, so that no closure is made per VM.</summary>
    private Random DirtyingRandom() => Streams.For(Name, "memoryDirtying");

    /// <summary>Total time the guest did not run after it first ran, up to <paramref name="now"/>.</summary>
    public SimTime DowntimeAt(SimTime now) => _downtime + (_downSince is { } since ? now - since : SimTime.Zero);

    /// <summary>Total time the guest ran, up to <paramref name="now"/>.</summary>
    public SimTime RunningTimeAt(SimTime now) => _runningTime + (_runningSince is { } since ? now - since : SimTime.Zero);

    /// <summary>The node the VM last ran on (its group's owner), kept when it stops: the cluster fails it over once that node is gone.</summary>
    public Host? OwnerNode { get; private set; }

    /// <summary>
    /// The VM's configuration version: 4 when created on 2012, 5 on 2012 R2; a 2012 R2 host upgrades a version 4 VM
    /// to 5 when it takes it (a cross-version live migration, a restore after an in-place upgrade).
    /// </summary>
    public int ConfigurationVersion { get; internal set; }

    /// <summary>The configuration version a VM created on a host of <paramref name="version"/> has.</summary>
    public static int ConfigurationVersionOf(HyperVVersion version) => version == HyperVVersion.V2012R2 ? 5 : 4;

    internal void PlaceOn(Host host)
    {
        ConfigurationVersion = Math.Max(ConfigurationVersion, ConfigurationVersionOf(host.Version));
        Host?.Detach(this);
        Host = host;
        OwnerNode = host;
        host.Attach(this);
    }

    /// <summary>Takes the VM off its host (it runs nowhere): only in a state that holds no memory.</summary>
    internal void Unplace()
    {
        if (Host.HoldsMemory(State))
        {
            throw new InvalidOperationException($"VM '{Name}' is {State} on {Host?.Name}: it cannot leave its host");
        }

        Host?.Detach(this);
        Host = null;
    }

    /// <summary>Leaves a VM off (the cluster found no node to start it on).</summary>
    internal void MarkOff() => SetState(VmState.Off, "no node could take it at the start of the run");

    /// <summary>Pauses the guest (a live migration's blackout, unless <paramref name="why"/> says otherwise). Only a running VM can be paused.</summary>
    internal void Pause(string why = "paused for the blackout of its live migration", bool outage = false)
    {
        if (State != VmState.Running)
        {
            throw new InvalidOperationException($"VM '{Name}' cannot pause: it is {State}, not Running");
        }

        SetState(VmState.Paused, why, outage);
    }

    /// <summary>Points the disks in <paramref name="disks"/> at volume <paramref name="volume"/> (a storage move's switch).</summary>
    internal void MoveDisks(IReadOnlyCollection<string> disks, string volume) =>
        Spec = Spec with { Disks = Spec.Disks.Select(d => disks.Contains(d.Name) ? d with { Storage = volume } : d).ToArray() };

    /// <summary>Resumes a paused guest.</summary>
    internal void Resume()
    {
        if (State != VmState.Paused)
        {
            throw new InvalidOperationException($"VM '{Name}' cannot resume: it is {State}, not Paused");
        }

        SetState(VmState.Running, Host is { } h ? $"running on {h.Name}" : "running");
    }

    /// <summary>
    /// Changes state with <paramref name="reason"/>: keeps the host's memory and CPU accounting, the downtime (from
    /// leaving running to running again) and the running time; leaving running counts an outage unless
    /// <paramref name="outage"/> is false (a migration's blackout). Off, saved and failed VMs without a host stay
    /// without one.
    /// </summary>
    internal void SetState(VmState state, string reason, bool outage = true)
    {
        VmState before = State;
        Reason = reason;
        if (before == state)
        {
            StateChanged?.Invoke(this, before);
            return;
        }

        SimTime now = _sim.Now;
        State = state;
        if (before == VmState.Running)
        {
            _runningTime += now - _runningSince!.Value;
            _runningSince = null;
            _downSince = now;
            if (outage)
            {
                Outages++;
            }
        }
        else if (state == VmState.Running)
        {
            _runningSince = now;
            if (_downSince is { } since)
            {
                _downtime += now - since;
                _downSince = null;
            }
        }

        Host?.VmChanged(this, before);
        StateChanged?.Invoke(this, before);
    }

    public override string ToString() => Name;
}
