using HyperVSim.Engine;
using HyperVSim.Flow;
using HyperVSim.Model.Migration;
using Drain = HyperVSim.Model.Migration.Drain;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using HyperVSim.Model.Transports;

namespace HyperVSim.Model;

/// <summary>
/// A Hyper-V failover cluster built from a scenario: hosts with NICs on a shared flow network, VMs on
/// hosts, and the cluster's live-migration settings. It starts migrations and reports each one's end
/// through <see cref="MigrationEnded"/>; it never writes anything itself.
/// </summary>
public sealed class Cluster
{
    private readonly Dictionary<string, Host> _hosts;
    private readonly Dictionary<string, VirtualMachine> _vms;
    private readonly List<LiveMigration> _migrations = [];
    private readonly List<LiveMigration> _inFlight = [];

    public Cluster(ScenarioSpec spec, Simulation simulation)
    {
        Spec = spec ?? throw new ArgumentNullException(nameof(spec));
        Simulation = simulation ?? throw new ArgumentNullException(nameof(simulation));
        Flows = new FlowNetwork(simulation);
        Streams = new RandomStreams(spec.Seed);
        Hosts = spec.Hosts.Select(h => new Host(h, Flows)).ToArray();
        _hosts = Hosts.ToDictionary(h => h.Name, StringComparer.Ordinal);
        Vms = spec.Vms.Select(v => new VirtualMachine(v, simulation, Streams) { StateChanged = vm => VmStateChanged?.Invoke(vm) }).ToArray();
        _vms = Vms.ToDictionary(v => v.Name, StringComparer.Ordinal);
        Admission = new MigrationAdmission(simulation, spec.Cluster.LiveMigration.MaxSimultaneous);
        Placement = new Placement(this);
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
                    && (vm.Spec.Generation == 1 || h.Version == HyperVVersion.V2012R2))
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
    }

    public ScenarioSpec Spec { get; }

    public Simulation Simulation { get; }

    /// <summary>The fluid network every NIC, link and CPU pool is a resource of.</summary>
    public FlowNetwork Flows { get; }

    public RandomStreams Streams { get; }

    public IReadOnlyList<Host> Hosts { get; }

    public IReadOnlyList<VirtualMachine> Vms { get; }

    /// <summary>Live-migration networks in the order they are tried: the cluster's list, else every liveMigration network as listed.</summary>
    public IReadOnlyList<string> LiveMigrationNetworks { get; }

    internal MigrationAdmission Admission { get; }

    /// <summary>Where the cluster moves VMs it must move (drain).</summary>
    internal Placement Placement { get; }

    /// <summary>Every migration requested so far, scripted or by the cluster, in request order.</summary>
    public IReadOnlyList<LiveMigration> Migrations => _migrations;

    /// <summary>Migrations requested and not yet ended (queued or running), in request order.</summary>
    public IReadOnlyList<LiveMigration> InFlight => _inFlight;

    /// <summary>Raised when a migration ends, after its record is set and its VM and slots are released.</summary>
    internal event Action<LiveMigration>? MigrationFinished;

    /// <summary>Raised when a migration ends (completed, failed or cancelled) with its record.</summary>
    public event Action<MigrationRecord>? MigrationEnded;

    /// <summary>Raised when a VM's state changes (running, paused, ...).</summary>
    public event Action<VirtualMachine>? VmStateChanged;

    public Host HostNamed(string name) =>
        _hosts.TryGetValue(name, out var h) ? h : throw new ArgumentException($"no host named '{name}'", nameof(name));

    public VirtualMachine VmNamed(string name) =>
        _vms.TryGetValue(name, out var v) ? v : throw new ArgumentException($"no VM named '{name}'", nameof(name));

    /// <summary>
    /// Live-migrates a VM to a host: queued behind the simultaneous-migration limit, then pre-copy. A move
    /// Hyper-V would refuse ends at once as a failed migration with the reason.
    /// </summary>
    public LiveMigration LiveMigrate(VirtualMachine vm, Host target, string requestedBy = "scenario", string? option = null, string? strategy = null)
    {
        ArgumentNullException.ThrowIfNull(vm);
        ArgumentNullException.ThrowIfNull(target);
        string? refusal = vm.Host is null ? $"VM '{vm.Name}' is not on any host" : WhyCannotMove(vm, target, checkMemory: true);
        if (refusal is null && vm.Migrating)
        {
            refusal = $"VM '{vm.Name}' is already being migrated";
        }

        string chosen = OptionFor(vm.Host ?? target, option);
        var migration = new LiveMigration(this, vm, vm.Host ?? target, target, chosen, requestedBy, strategy ?? MigrationStrategies.Default);
        _migrations.Add(migration);
        if (refusal is not null)
        {
            migration.Refuse(refusal);
            return migration;
        }

        _inFlight.Add(migration);
        migration.Start();
        return migration;
    }

    /// <summary>A migration the cluster wanted but could not start (no node can take the VM): failed at once with the reason.</summary>
    internal LiveMigration RefuseMigration(VirtualMachine vm, string reason, string requestedBy)
    {
        var migration = new LiveMigration(this, vm, vm.Host!, null, OptionFor(vm.Host!), requestedBy);
        _migrations.Add(migration);
        migration.Refuse(reason);
        return migration;
    }

    /// <summary>Pauses <paramref name="host"/> and live-migrates every running VM off it (pause node, drain roles).</summary>
    public Drain Drain(Host host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var drain = new Drain(this, host);
        drain.Start();
        return drain;
    }

    /// <summary>The transport option a migration from <paramref name="source"/> uses: a 2012 source offers only TCP/IP.</summary>
    public string OptionFor(Host source, string? requested = null)
    {
        if (source.Version == HyperVVersion.V2012)
        {
            return "tcpip";
        }

        return requested ?? Spec.Cluster.LiveMigration.Option
            ?? (Spec.Cluster.Version == HyperVVersion.V2012 ? "tcpip" : "compression");
    }

    /// <summary>Why Hyper-V would refuse to live-migrate <paramref name="vm"/> to <paramref name="target"/>, or null when it can.</summary>
    public string? WhyCannotMove(VirtualMachine vm, Host target, bool checkMemory)
    {
        Host? source = vm.Host;
        if (source is null)
        {
            return $"VM '{vm.Name}' is not on any host";
        }

        if (ReferenceEquals(source, target))
        {
            return $"VM '{vm.Name}' already runs on {target.Name}";
        }

        if (vm.State != VmState.Running)
        {
            return $"VM '{vm.Name}' is {vm.State.ToString().ToLowerInvariant()}; only a running VM can be live-migrated";
        }

        if (!target.IsUp)
        {
            return $"{target.Name} is down";
        }

        if (target.Paused)
        {
            return $"{target.Name} is paused (drained): the cluster places nothing on a paused node";
        }

        if (source.Version == HyperVVersion.V2012R2 && target.Version == HyperVVersion.V2012)
        {
            return $"{source.Name} runs 2012 R2 and {target.Name} runs 2012: live migration to an older version is not possible";
        }

        if (!string.Equals(source.Spec.Cpu.Vendor, target.Spec.Cpu.Vendor, StringComparison.OrdinalIgnoreCase))
        {
            return $"{source.Name} has {source.Spec.Cpu.Vendor} and {target.Name} has {target.Spec.Cpu.Vendor} processors: live migration cannot cross CPU vendors";
        }

        foreach (VmNicSpec nic in vm.Spec.Nics)
        {
            if (!target.Spec.EffectiveVirtualSwitches.Contains(nic.Network, StringComparer.Ordinal))
            {
                return $"{target.Name} has no virtual switch named '{nic.Network}' for the VM's network adapter";
            }
        }

        if (checkMemory && target.FreeMemoryBytes < vm.Spec.MemoryBytes)
        {
            return $"{target.Name} has not enough memory: the VM needs {Bytes(vm.Spec.MemoryBytes)}, {Bytes(Math.Max(0, target.FreeMemoryBytes))} is free";
        }

        return null;
    }

    internal void OnMigrationEnded(LiveMigration migration)
    {
        _inFlight.Remove(migration);
        MigrationEnded?.Invoke(migration.Record!);
        MigrationFinished?.Invoke(migration);
    }

    private static string Bytes(long b) => b >= 1L << 30
        ? $"{b / (double)(1L << 30):0.##} GiB"
        : $"{b / (double)(1L << 20):0.##} MiB";
}
