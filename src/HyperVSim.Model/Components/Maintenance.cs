using HyperVSim.Engine;
using HyperVSim.Model.Clustering;
using HyperVSim.Model.Migration;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Components;

/// <summary>
/// Node maintenance (docs/model.md §Maintenance): pause a node (and drain its roles), resume it (with failback of
/// what its drains moved away: off by default, immediate, or in a daily window), and restart it (drain, leave the
/// cluster cleanly, down for a while, back, resume): the building blocks of a patch night.
/// </summary>
public sealed class Maintenance : IClusterComponent
{
    private Cluster? _cluster;

    /// <summary>Each node's drains since its last failback: failback moves back what these moved away, nothing else.</summary>
    private readonly Dictionary<Host, List<Drain>> _drains = [];

    private Cluster Cluster => _cluster ?? throw new InvalidOperationException("maintenance is not attached to a cluster");

    public void Attach(Cluster cluster) => _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));

    /// <summary>A node was resumed; raised after its immediate failback migrations (if any) were requested.</summary>
    public event Action<Host>? Resumed;

    /// <summary>Pauses <paramref name="host"/> and live-migrates every running VM off it (pause node, drain roles).</summary>
    public Drain Drain(Host host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var drain = new Drain(Cluster, Cluster.Component<MigrationService>(), Cluster.Component<Placement>(), host);
        if (!_drains.TryGetValue(host, out List<Drain>? drains))
        {
            _drains[host] = drains = [];
        }

        drains.Add(drain);
        Cluster.OnActivityStarted(drain);
        drain.Start();
        return drain;
    }

    /// <summary>Pauses a node; with <paramref name="drain"/>, drains it too (the drain, else null).</summary>
    public Drain? Pause(Host host, bool drain)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (drain)
        {
            return Drain(host);
        }

        Cluster.Pause(host);
        return null;
    }

    /// <summary>
    /// Resumes a paused node. Failback moves back, by live migration, the VMs its drains moved away that still run
    /// elsewhere: now (immediate), at the next start of the daily window (window), or never (none, the default).
    /// </summary>
    public void Resume(Host host, FailbackSpec failback)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(failback);
        Cluster.Resume(host);
        Cluster.Component<ClusterService>().Restarts.SchedulePass();
        switch (failback.Mode)
        {
            case FailbackMode.Immediate:
                Failback(host);
                break;
            case FailbackMode.Window:
                SimTime wait = UntilWindow(Cluster.Simulation.Now, failback.WindowStartHour, failback.WindowEndHour);
                Cluster.Simulation.Schedule(wait, _ => Failback(host), null, "failback window");
                break;
        }

        Resumed?.Invoke(host);
    }

    /// <summary>
    /// Restarts a node: drains it (or, without <paramref name="drain"/>, shuts it down as an administrator would
    /// without maintenance mode: a 2012 R2 node live-migrates its VMs away first all the same, a 2012 node saves them
    /// and the cluster starts them elsewhere), leaves the cluster cleanly, is down for <paramref name="downFor"/>, comes
    /// back, joins, and is resumed with <paramref name="failback"/>.
    /// </summary>
    public void Restart(Host host, SimTime downFor, bool drain, FailbackSpec failback)
    {
        ArgumentNullException.ThrowIfNull(host);
        var service = Cluster.Component<ClusterService>();
        bool liveMigrates = drain || host.Version == HyperVVersion.V2012R2;
        string reason = drain ? "restart after drain" : liveMigrates ? "shut down without maintenance mode: 2012 R2 live-migrates its VMs away first" : "shut down without maintenance mode: 2012 saves its VMs";
        void GoDown()
        {
            service.Leave(host, reason);
            Cluster.Simulation.Schedule(downFor, _ =>
            {
                Cluster.RepairHost(host);
                ResumeOnceJoined(host, failback);
            }, null, "node back");
        }

        // A node a drain already emptied and paused (a patch run's drain, then its restart) goes down as it is: draining
        // it again would move nothing and add an empty drain to the report.
        if (!liveMigrates || (host.Paused && host.RunningVms == 0))
        {
            GoDown();
            return;
        }

        Drain d = Drain(host);
        if (d.HasEnded)
        {
            GoDown();
            return;
        }

        Cluster.ActivityEnded += OnEnded;

        void OnEnded(Activities.IActivity a)
        {
            if (ReferenceEquals(a, d))
            {
                Cluster.ActivityEnded -= OnEnded;
                GoDown();
            }
        }
    }

    /// <summary>A node back from a restart is resumed (and fails back) once it has joined the membership, not before.</summary>
    private void ResumeOnceJoined(Host host, FailbackSpec failback)
    {
        var service = Cluster.Component<ClusterService>();
        if (service.Members.Contains(host))
        {
            Resume(host, failback);
            return;
        }

        void OnChanged()
        {
            if (service.Members.Contains(host))
            {
                service.MembershipChanged -= OnChanged;
                Resume(host, failback);
            }
        }

        service.MembershipChanged += OnChanged;
    }

    /// <summary>
    /// The VMs <paramref name="host"/>'s drains moved away since its last failback go back there by live migration, those
    /// that still run where the drain put them (a failback of another node's VMs that left from here is not a drain).
    /// </summary>
    private void Failback(Host host)
    {
        if (!host.IsUp || host.Paused)
        {
            return;
        }

        var service = Cluster.Component<MigrationService>();
        var moved = new HashSet<VirtualMachine>();
        LiveMigration[] drained = _drains.Remove(host, out List<Drain>? drains) ? drains.SelectMany(d => d.Migrations).ToArray() : [];
        // Only the drains' own moves: a failback to another node that started here is not one of them.
        foreach (LiveMigration m in drained.Where(m => m.Record is { Result: MigrationResult.Completed }))
        {
            VirtualMachine vm = m.Vm;
            if (vm.State == VmState.Running && !vm.Migrating && ReferenceEquals(vm.Host, m.Target) && moved.Add(vm))
            {
                service.LiveMigrate(vm, host, "cluster");
            }
        }
    }

    /// <summary>Time from <paramref name="now"/> to the next instant inside the daily window [start, end) hours (0 when inside).</summary>
    internal static SimTime UntilWindow(SimTime now, int startHour, int endHour)
    {
        const long hour = 3600L * SimTime.NanosecondsPerSecond;
        const long day = 24 * hour;
        long t = now.Nanoseconds % day;
        long start = startHour * hour, end = endHour * hour;
        bool inside = start < end ? t >= start && t < end : t >= start || t < end;
        return inside ? SimTime.Zero : new SimTime((start - t + day) % day);
    }
}
