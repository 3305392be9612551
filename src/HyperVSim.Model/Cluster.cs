using HyperVSim.Engine;
using HyperVSim.Flow;
using HyperVSim.Model.Activities;
using HyperVSim.Model.Components;
using HyperVSim.Model.Migration;
using HyperVSim.Model.Specs;

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
    private readonly List<IClusterComponent> _components = [];

    /// <summary>
    /// Builds the inventory from <paramref name="spec"/> and attaches <paramref name="components"/> (by default
    /// placement, the migration service and maintenance), in order.
    /// </summary>
    public Cluster(ScenarioSpec spec, Simulation simulation, IEnumerable<IClusterComponent>? components = null)
    {
        Spec = spec ?? throw new ArgumentNullException(nameof(spec));
        Simulation = simulation ?? throw new ArgumentNullException(nameof(simulation));
        Flows = new FlowNetwork(simulation);
        Streams = new RandomStreams(spec.Seed);
        Hosts = spec.Hosts.Select(h => new Host(h, Flows)).ToArray();
        _hosts = Hosts.ToDictionary(h => h.Name, StringComparer.Ordinal);
        Vms = spec.Vms.Select(v => new VirtualMachine(v, simulation, Streams) { StateChanged = vm => VmStateChanged?.Invoke(vm) }).ToArray();
        _vms = Vms.ToDictionary(v => v.Name, StringComparer.Ordinal);
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

        foreach (IClusterComponent component in components ?? [new Placement(), new MigrationService(), new Maintenance()])
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

    /// <summary>Live-migration networks in the order they are tried: the cluster's list, else every liveMigration network as listed.</summary>
    public IReadOnlyList<string> LiveMigrationNetworks { get; }

    /// <summary>The components attached, in order.</summary>
    public IReadOnlyList<IClusterComponent> Components => _components;

    /// <summary>Raised when a VM's state changes (running, paused, ...).</summary>
    public event Action<VirtualMachine>? VmStateChanged;

    /// <summary>Raised when a host's state changes (paused for maintenance).</summary>
    public event Action<Host>? HostStateChanged;

    /// <summary>Raised when any component starts an activity (a migration, a drain), in the order they start.</summary>
    public event Action<IActivity>? ActivityStarted;

    /// <summary>Raised when an activity ends, whatever its outcome.</summary>
    public event Action<IActivity>? ActivityEnded;

    /// <summary>The attached component of type <typeparamref name="T"/>; throws when there is none.</summary>
    public T Component<T>()
        where T : class, IClusterComponent =>
        _components.OfType<T>().FirstOrDefault() ?? throw new InvalidOperationException($"no {typeof(T).Name} is attached to the cluster");

    public Host HostNamed(string name) =>
        _hosts.TryGetValue(name, out var h) ? h : throw new ArgumentException($"no host named '{name}'", nameof(name));

    public VirtualMachine VmNamed(string name) =>
        _vms.TryGetValue(name, out var v) ? v : throw new ArgumentException($"no VM named '{name}'", nameof(name));

    /// <summary>Pauses a node: nothing is placed on it any more.</summary>
    internal void Pause(Host host)
    {
        host.Paused = true;
        HostStateChanged?.Invoke(host);
    }

    internal void OnActivityStarted(IActivity activity) => ActivityStarted?.Invoke(activity);

    internal void OnActivityEnded(IActivity activity) => ActivityEnded?.Invoke(activity);
}
