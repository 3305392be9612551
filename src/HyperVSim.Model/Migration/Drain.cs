using HyperVSim.Engine;
using HyperVSim.Model.Activities;
using HyperVSim.Model.Components;
using HyperVSim.Model.Results;

namespace HyperVSim.Model.Migration;

/// <summary>
/// Pause a node and drain its roles (docs/model.md §Node drain). The node is paused at once, so nothing is placed
/// on it any more; moves the cluster queued to it that have not started go to another node; every running VM on it
/// is live-migrated away, each to the node <see cref="Placement"/> chooses; a VM still arriving when the node is
/// paused is moved on after it lands, and one whose move away (scripted or not) failed is moved by the drain. The
/// migrations queue behind the simultaneous-migration limit. A VM no node can take fails with every node's reason and
/// stays; the drain ends when no migration to or from the node is left.
/// </summary>
public sealed class Drain : IActivity
{
    private readonly Cluster _cluster;
    private readonly MigrationService _migrationService;
    private readonly Placement _placement;
    private readonly List<LiveMigration> _migrations = [];
    private readonly HashSet<VirtualMachine> _gaveUp = [];
    private readonly double _requestedAt;
    private bool _moving;

    internal Drain(Cluster cluster, MigrationService migrations, Placement placement, Host host)
    {
        _cluster = cluster;
        _migrationService = migrations;
        _placement = placement;
        Host = host;
        _requestedAt = cluster.Simulation.Now.Seconds;
        WaitingSince = cluster.Simulation.Now;
    }

    public Host Host { get; }

    public string Name => $"drain of {Host.Name}";

    public bool HasEnded => Record is not null;

    public string WaitingOn => $"the migrations to and from {Host.Name}";

    public SimTime WaitingSince { get; }

    /// <summary>The migrations this drain started, in request order.</summary>
    public IReadOnlyList<LiveMigration> Migrations => _migrations;

    /// <summary>Set when the drain has ended: no migration to or from the node is left.</summary>
    public DrainRecord? Record { get; private set; }

    internal void Start()
    {
        _cluster.Pause(Host);
        _migrationService.MigrationEnded += OnMigrationFinished;
        RedirectQueuedMoves();
        MoveOffWhatRuns();
        TryFinish();
    }

    /// <summary>Moves the cluster queued to this node and that have not started go where placement says, or fail.</summary>
    private void RedirectQueuedMoves()
    {
        foreach (LiveMigration m in _migrationService.InFlight.Where(w => !w.Started && ReferenceEquals(w.Target, Host) && w.RequestedBy == "cluster").ToArray())
        {
            m.Replace();
        }
    }

    /// <summary>Starts a move for every VM running here that no migration is moving and that the drain has not given up on.</summary>
    private void MoveOffWhatRuns()
    {
        _moving = true;
        // A copy (moves change the host's list) taken with a loop: this runs each time one of the drain's moves ends, and
        // then usually finds nothing to move, so the list is made only for a first VM, with room for the rest.
        List<VirtualMachine>? toMove = null;
        IReadOnlyList<VirtualMachine> vms = Host.Vms;
        for (int i = 0; i < vms.Count; i++)
        {
            if (vms[i] is { State: VmState.Running, Migrating: false } v && !_gaveUp.Contains(v))
            {
                (toMove ??= new List<VirtualMachine>(vms.Count - i)).Add(v);
            }
        }

        if (toMove is not null)
        {
            foreach (VirtualMachine vm in toMove)
            {
                Host? target = _placement.Choose(vm, out string why);
                LiveMigration m = target is null
                    ? _migrationService.Refuse(vm, $"no node can take {vm.Name}: {why}", "cluster")
                    : _migrationService.LiveMigrate(vm, target, "cluster");
                _migrations.Add(m);
                if (m.Record is { Result: not MigrationResult.Completed })
                {
                    _gaveUp.Add(vm);
                }
            }
        }

        _moving = false;
    }

    private void OnMigrationFinished(LiveMigration m)
    {
        if (_moving || Record is not null)
        {
            return;
        }

        if (m.Record is { Result: not MigrationResult.Completed } && _migrations.Contains(m))
        {
            _gaveUp.Add(m.Vm);
        }

        // A VM that just landed here, or whose move away failed, is moved (again) by the drain.
        MoveOffWhatRuns();
        TryFinish();
    }

    /// <summary>True while a migration in flight comes from or goes to the drained host.</summary>
    private bool MovesTouchHost()
    {
        IReadOnlyList<LiveMigration> inFlight = _migrationService.InFlight;
        for (int i = 0; i < inFlight.Count; i++)
        {
            if (ReferenceEquals(inFlight[i].Source, Host) || ReferenceEquals(inFlight[i].Target, Host))
            {
                return true;
            }
        }

        return false;
    }

    private void TryFinish()
    {
        if (Record is null && !MovesTouchHost())
        {
            _migrationService.MigrationEnded -= OnMigrationFinished;
            Record = Snapshot(completed: true);
            _cluster.OnActivityEnded(this);
        }
    }

    /// <summary>The drain's record now; <paramref name="completed"/> false for one still under way when the run stops.</summary>
    internal DrainRecord Snapshot(bool completed) => new(
        Host.Name,
        _requestedAt,
        completed ? _cluster.Simulation.Now.Seconds : null,
        _migrations.Count,
        _migrations.Count(m => m.Record?.Result == MigrationResult.Completed),
        _migrations.Count(m => m.Record is { Result: not MigrationResult.Completed }));
}
