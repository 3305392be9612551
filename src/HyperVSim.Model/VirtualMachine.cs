using HyperVSim.Engine;
using HyperVSim.Model.Dirtying;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model;

/// <summary>A virtual machine: where it runs, its state, how it dirties memory, and how long its guest has not run.</summary>
public sealed class VirtualMachine
{
    private readonly Simulation _sim;
    private SimTime? _downSince;
    private SimTime _downtime;
    private Random? _migrationRandom;

    internal VirtualMachine(VmSpec spec, Simulation sim, RandomStreams streams)
    {
        Spec = spec;
        _sim = sim;
        Streams = streams;
        Dirtying = DirtyingModels.Create(spec.Dirtying, spec.MemoryBytes, () => streams.For(spec.Name, "memoryDirtying"));
        State = spec.State == VmInitialState.Running ? VmState.Running : VmState.Off;
    }

    public VmSpec Spec { get; }

    public string Name => Spec.Name;

    /// <summary>The host it runs on (or is registered on); null when it runs nowhere.</summary>
    public Host? Host { get; private set; }

    public VmState State { get; private set; }

    public IMemoryDirtying Dirtying { get; }

    /// <summary>True while a live migration of this VM is queued or running.</summary>
    public bool Migrating { get; internal set; }

    /// <summary>Interruptions longer than a blackout (restarts, crashes, pauses).</summary>
    public int Outages { get; internal set; }

    internal RandomStreams Streams { get; }

    /// <summary>Called after every state change (the cluster relays it to observers).</summary>
    internal Action<VirtualMachine>? StateChanged { get; init; }

    /// <summary>This VM's stream for migration draws (setup jitter), from (seed, VM name, "liveMigration").</summary>
    internal Random MigrationRandom => _migrationRandom ??= Streams.For(Name, "liveMigration");

    /// <summary>Total time the guest did not run, up to <paramref name="now"/>.</summary>
    public SimTime DowntimeAt(SimTime now) => _downtime + (_downSince is { } since ? now - since : SimTime.Zero);

    internal void PlaceOn(Host host)
    {
        Host?.Detach(this);
        Host = host;
        host.Attach(this);
    }

    /// <summary>Leaves a VM off (the cluster found no node to start it on).</summary>
    internal void MarkOff()
    {
        State = VmState.Off;
        StateChanged?.Invoke(this);
    }

    /// <summary>Pauses the guest (a live migration's blackout). Only a running VM can be paused.</summary>
    internal void Pause()
    {
        if (State != VmState.Running)
        {
            throw new InvalidOperationException($"VM '{Name}' cannot pause: it is {State}, not Running");
        }

        State = VmState.Paused;
        _downSince = _sim.Now;
        Host?.RefreshCpu();
        StateChanged?.Invoke(this);
    }

    /// <summary>Resumes a paused guest.</summary>
    internal void Resume()
    {
        if (State != VmState.Paused)
        {
            throw new InvalidOperationException($"VM '{Name}' cannot resume: it is {State}, not Paused");
        }

        State = VmState.Running;
        _downtime += _sim.Now - _downSince!.Value;
        _downSince = null;
        Host?.RefreshCpu();
        StateChanged?.Invoke(this);
    }

    public override string ToString() => Name;
}
