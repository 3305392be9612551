using HyperVSim.Model.Activities;
using HyperVSim.Model.Migration;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Components;

/// <summary>
/// The cluster's live-migration service: starts migrations (scripted or asked for by another component), queues them
/// behind the simultaneous-migration limit, and keeps every migration requested and those in flight. A move Hyper-V
/// would refuse ends at once as a failed migration with the reason.
/// </summary>
public sealed class MigrationService : IClusterComponent
{
    private readonly List<LiveMigration> _migrations = [];
    private readonly List<LiveMigration> _inFlight = [];
    private Cluster? _cluster;

    /// <summary>The cluster it serves (set by <see cref="Attach"/>).</summary>
    public Cluster Cluster => _cluster ?? throw new InvalidOperationException("the migration service is not attached to a cluster");

    internal MigrationAdmission Admission { get; private set; } = null!;

    /// <summary>The list a migration tallies a transfer's limiting factors in (<see cref="LiveMigration.Account"/>), reused: one runs at a time.</summary>
    internal List<(LimitFactor Factor, double Seconds)> LimitsScratch { get; } = [];

    /// <summary>Every migration requested so far, in request order.</summary>
    public IReadOnlyList<LiveMigration> Migrations => _migrations;

    /// <summary>Migrations requested and not yet ended (queued or running), in request order.</summary>
    public IReadOnlyList<LiveMigration> InFlight => _inFlight;

    /// <summary>Raised when a migration starts moving (admitted: it holds its slots and its strategy begins).</summary>
    public event Action<LiveMigration>? MigrationStarted;

    internal void OnStarted(LiveMigration migration) => MigrationStarted?.Invoke(migration);

    /// <summary>Raised when a migration ends, after its record is set and everything it held is released.</summary>
    public event Action<LiveMigration>? MigrationEnded;

    public void Attach(Cluster cluster)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        Admission = new MigrationAdmission(cluster.Simulation, cluster.Spec.Cluster.LiveMigration.MaxSimultaneous, cluster.Spec.Cluster.LiveMigration.MaxSimultaneousStorage);
    }

    /// <summary>
    /// Live-migrates a VM to a host: queued behind the simultaneous-migration limit, then the strategy (pre-copy
    /// unless named). A move Hyper-V would refuse ends at once as a failed migration with the reason. A move the cluster
    /// asks for (<paramref name="requestedBy"/> <c>cluster</c>) without a strategy falls back to quick migration when no
    /// live-migration network connects the hosts as it starts.
    /// </summary>
    /// <remarks>
    /// With <paramref name="storage"/> it is a shared-nothing move: the disks not already on that volume are copied to
    /// it first (docs/model.md §Shared-nothing live migration).
    /// </remarks>
    public LiveMigration LiveMigrate(VirtualMachine vm, Host target, string requestedBy = "scenario", string? option = null, string? strategy = null, string? storage = null)
    {
        ArgumentNullException.ThrowIfNull(vm);
        ArgumentNullException.ThrowIfNull(target);
        string? refusal = vm.Host is null ? $"VM '{vm.Name}' is not on any host" : MoveRules.WhyNot(vm, target, checkMemory: true);
        Storage.Volume? volume = storage is null ? null : Cluster.VolumeNamed(storage);
        if (refusal is null && volume is not null && !Cluster.Reaches(target, volume))
        {
            refusal = $"{target.Name} cannot reach volume {volume.Name}";
        }

        if (refusal is null && vm.Migrating)
        {
            refusal = $"VM '{vm.Name}' is already being migrated";
        }

        string name = strategy ?? MigrationStrategies.Default;
        var migration = new LiveMigration(this, vm, vm.Host ?? target, target, OptionFor(vm.Host ?? target, option, name), requestedBy, name, volume)
        {
            MayFallBack = requestedBy == "cluster" && strategy is null,
        };
        return Launch(migration, refusal);
    }

    /// <summary>
    /// Moves a running VM's disks to <paramref name="volume"/> on the host it runs on (storage live migration: copy,
    /// mirror, switch; docs/model.md §Storage live migration), behind the storage-migration limit.
    /// </summary>
    public LiveMigration MoveStorage(VirtualMachine vm, Storage.Volume volume, string requestedBy = "scenario")
    {
        ArgumentNullException.ThrowIfNull(vm);
        ArgumentNullException.ThrowIfNull(volume);
        Host host = vm.Host ?? Cluster.Hosts[0];
        string? refusal = vm.Host is null ? $"VM '{vm.Name}' is not on any host"
            : vm.State != VmState.Running ? $"VM '{vm.Name}' is {vm.State}, not running"
            : !Cluster.Reaches(host, volume) ? $"{host.Name} cannot reach volume {volume.Name}"
            : vm.Migrating ? $"VM '{vm.Name}' is already being migrated"
            : null;
        var migration = new LiveMigration(this, vm, host, host, "none", requestedBy, Migration.Strategies.StorageMoveStrategy.Name, volume);
        return Launch(migration, refusal);
    }

    /// <summary>A migration the cluster wanted but could not start (no node can take the VM): failed at once with the reason.</summary>
    public LiveMigration Refuse(VirtualMachine vm, string reason, string requestedBy)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var migration = new LiveMigration(this, vm, vm.Host!, null, OptionFor(vm.Host!), requestedBy);
        Begin(migration);
        migration.Refuse(reason);
        return migration;
    }

    /// <summary>
    /// The transport option a migration from <paramref name="source"/> uses: the one asked for, else the cluster's,
    /// else the version's default; a source older than the option's minimum version (a 2012 host asked for
    /// compression or SMB, which came with 2012 R2) sends over TCP/IP.
    /// </summary>
    /// <remarks>Post-copy needs a byte stream: with no option named anywhere it sends over TCP/IP, not the 2012 R2 default compression.</remarks>
    public string OptionFor(Host source, string? requested = null, string strategy = MigrationStrategies.Default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ClusterSpec spec = Cluster.Spec.Cluster;
        string fallback = spec.Version == HyperVVersion.V2012 || strategy == Migration.Strategies.PostCopyStrategy.Name ? "tcpip" : "compression";
        string option = requested ?? spec.LiveMigration.Option ?? fallback;
        return source.Version < Transports.MigrationTransports.Registry.Get(option).MinimumVersion ? "tcpip" : option;
    }

    /// <summary>Records the migration; refuses it at once with <paramref name="refusal"/>, or starts it.</summary>
    private LiveMigration Launch(LiveMigration migration, string? refusal)
    {
        Begin(migration);
        if (refusal is not null)
        {
            migration.Refuse(refusal);
            return migration;
        }

        _inFlight.Add(migration);
        migration.Start();
        return migration;
    }

    private void Begin(LiveMigration migration)
    {
        _migrations.Add(migration);
        Cluster.OnActivityStarted(migration);
    }

    internal void OnEnded(LiveMigration migration)
    {
        _inFlight.Remove(migration);
        MigrationEnded?.Invoke(migration);
        Cluster.OnActivityEnded(migration);
    }
}
