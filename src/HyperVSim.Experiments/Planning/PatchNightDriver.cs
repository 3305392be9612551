using HyperVSim.Engine;
using HyperVSim.Model;
using HyperVSim.Model.Activities;
using HyperVSim.Model.Components;
using HyperVSim.Model.Migration;
using HyperVSim.Model.Specs;

namespace HyperVSim.Experiments.Planning;

/// <summary>
/// Drives a Cluster-Aware-Updating-style run on a live cluster through the model's maintenance actions
/// (docs/patch-night.md): for each node in order, at most <c>MaxParallel</c> at once, pause and drain it; when the drain
/// has ended, install for the node's install time; then restart it (drain: nothing is left; leave the cluster, down for
/// the reboot time, back, rejoin, resume with failback); the node is done when its failback migrations have ended,
/// and the next node starts. Every time it records is read from the cluster's signals, none is computed.
/// </summary>
internal sealed class PatchNightDriver
{
    private readonly Cluster _cluster;
    private readonly Maintenance _maintenance;
    private readonly MigrationService _migrations;
    private readonly Queue<Host> _pending;
    private readonly Func<Host, SimTime> _install;
    private readonly PatchNightOptions _options;
    private readonly Dictionary<Host, NodeTimes> _active = [];
    private readonly List<NodeTimes> _all = [];

    private PatchNightDriver(Cluster cluster, IEnumerable<Host> order, Func<Host, SimTime> install, PatchNightOptions options)
    {
        _cluster = cluster;
        _maintenance = cluster.Component<Maintenance>();
        _migrations = cluster.Component<MigrationService>();
        _pending = new Queue<Host>(order);
        _install = install;
        _options = options;
    }

    /// <summary>Each node's times, in the order the nodes started.</summary>
    public IReadOnlyList<NodeTimes> Nodes => _all;

    /// <summary>Attaches a driver to <paramref name="cluster"/> before its clock starts; it begins at <c>options.Start</c>.</summary>
    public static PatchNightDriver Attach(Cluster cluster, IReadOnlyList<string> order, Func<Host, SimTime> install, PatchNightOptions options)
    {
        var d = new PatchNightDriver(cluster, order.Select(cluster.HostNamed), install, options);
        cluster.HostStateChanged += d.OnHostChanged;
        cluster.ActivityEnded += d.OnActivityEnded;
        d._maintenance.Resumed += d.OnResumed;
        d._migrations.MigrationEnded += _ => d.CheckDone();
        cluster.Simulation.Call(options.Start, d.StartMore, "patch night");
        return d;
    }

    private SimTime Now => _cluster.Simulation.Now;

    private void StartMore()
    {
        while (_active.Count < _options.MaxParallel && _pending.Count > 0)
        {
            Host host = _pending.Dequeue();
            var t = new NodeTimes(host.Name) { DrainStart = Now, Install = _install(host) };
            _active[host] = t;
            _all.Add(t);
            t.Drain = _maintenance.Pause(host, drain: true)!;
            if (t.Drain.HasEnded)
            {
                Drained(host, t);
            }
        }
    }

    private void OnActivityEnded(IActivity a)
    {
        if (a is Drain d && _active.TryGetValue(d.Host, out NodeTimes? t) && ReferenceEquals(t.Drain, d))
        {
            Drained(d.Host, t);
        }
    }

    private void Drained(Host host, NodeTimes t)
    {
        t.DrainEnd = Now;
        _cluster.Simulation.Call(t.Install, () =>
        {
            t.InstallEnd = Now;
            _maintenance.Restart(host, _options.Reboot, drain: true, new FailbackSpec(_options.Failback));
        }, "install updates");
    }

    private void OnHostChanged(Host host)
    {
        if (!_active.TryGetValue(host, out NodeTimes? t))
        {
            return;
        }

        if (!host.IsUp && t.DownAt is null)
        {
            t.DownAt = Now;
        }
        else if (host.IsUp && t.DownAt is not null && t.UpAt is null)
        {
            t.UpAt = Now;
        }
    }

    private void OnResumed(Host host)
    {
        if (_active.TryGetValue(host, out NodeTimes? t) && t.UpAt is not null)
        {
            t.ResumedAt = Now;
            // The node was paused until now, so what is under way to it was just requested by its failback.
            t.Failback = _migrations.InFlight.Where(m => ReferenceEquals(m.Target, host)).ToArray();
            CheckDone();
        }
    }

    /// <summary>A resumed node is done once its failback migrations have ended (other nodes' drains may go on moving VMs to it).</summary>
    private void CheckDone()
    {
        Host[] done = _active.Where(kv => kv.Value.ResumedAt is not null && kv.Value.Failback.All(m => m.Record is not null))
            .Select(kv => kv.Key).OrderBy(h => h.Index).ToArray();
        foreach (Host h in done)
        {
            _active[h].DoneAt = Now;
            _active.Remove(h);
        }

        if (done.Length > 0)
        {
            StartMore();
        }
    }

    /// <summary>One node's times as the run goes (seconds of simulated time on conversion).</summary>
    internal sealed class NodeTimes(string host)
    {
        public string Host { get; } = host;
        public SimTime Install { get; init; }
        public Drain? Drain { get; set; }
        public IReadOnlyList<LiveMigration> Failback { get; set; } = [];
        public SimTime DrainStart { get; init; }
        public SimTime? DrainEnd { get; set; }
        public SimTime? InstallEnd { get; set; }
        public SimTime? DownAt { get; set; }
        public SimTime? UpAt { get; set; }
        public SimTime? ResumedAt { get; set; }
        public SimTime? DoneAt { get; set; }
    }
}
