using HyperVSim.Engine;
using HyperVSim.Model;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;

namespace HyperVSim.Experiments.Planning;

/// <summary>
/// <c>plan patch-night</c> (docs/patch-night.md): runs the cluster model with a <see cref="PatchNightDriver"/> updating
/// every node in turn, none of the scenario's events or random faults, until nothing is left to happen; reads the
/// node windows, each VM's downtime and the slowest node from the run; then runs the same plan
/// <c>Replications</c> more times with drawn install times for the suggested CAU WarnAfter / StopAfter.
/// </summary>
public static class PatchNightPlanner
{
    /// <summary>The stream purpose of the drawn install times: (seed, case, replication, host, this).</summary>
    public const string InstallStream = "patchInstall";

    /// <exception cref="ArgumentException">The options do not fit the scenario (<see cref="PatchNightOptions.Problems"/>).</exception>
    /// <exception cref="PatchNightException">A node did not get through its maintenance (the reason is named).</exception>
    public static PatchNightPlan Run(ScenarioSpec scenario, PatchNightOptions options, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problems(scenario) is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        IReadOnlyList<string> order = options.Order ?? scenario.Hosts.Select(h => h.Name).ToArray();
        var (result, nodes) = RunOnce(scenario, order, options, _ => options.Install);
        double[] totals = new double[options.Replications];
        WorkerThreads.For(options.Replications, threads, r =>
        {
            ScenarioSpec spec = scenario with { Replication = scenario.Replication + r + 1 };
            var streams = new RandomStreams(spec.Seed, spec.CaseIndex, spec.Replication);
            var (_, n) = RunOnce(spec, order, options, h => DrawInstall(streams, h.Name, options));
            totals[r] = Total(n, options);
        });

        NodeWindow[] windows = nodes.Select(Window).ToArray();
        return new PatchNightPlan(scenario.Name, options, order, Total(nodes, options), windows, Downtimes(scenario, result),
            Slowest(windows), options.Replications > 0 ? CauTimeouts.From(totals, options) : null, result);
    }

    /// <summary>Install × (1 − s + 2s·u), u uniform on [0, 1) from the node's own stream.</summary>
    private static SimTime DrawInstall(RandomStreams streams, string host, PatchNightOptions options)
    {
        double u = streams.For(host, InstallStream).NextDouble();
        return SimTime.FromSeconds(options.Install.Seconds * (1 - options.InstallSpread + 2 * options.InstallSpread * u));
    }

    private static (SimulationResult Result, IReadOnlyList<PatchNightDriver.NodeTimes> Nodes) RunOnce(ScenarioSpec scenario, IReadOnlyList<string> order,
        PatchNightOptions options, Func<Host, SimTime> install)
    {
        ScenarioSpec spec = scenario with { Until = null, Events = [], Faults = new FaultsSpec() };
        PatchNightDriver? driver = null;
        SimulationResult result = ClusterSimulation.Run(spec, null, null, c => driver = PatchNightDriver.Attach(c, order, install, options));
        IReadOnlyList<PatchNightDriver.NodeTimes> nodes = driver!.Nodes;
        if (nodes.Count < order.Count || nodes.FirstOrDefault(n => n.DoneAt is null) is { } stuck)
        {
            string which = nodes.Count < order.Count ? order[nodes.Count] : nodes.First(n => n.DoneAt is null).Host;
            throw new PatchNightException($"{which} did not get through its maintenance (the run ended at {result.SimulatedSeconds:0.###} s); see `hypervsim run` with restart events for why");
        }

        return (result, nodes);
    }

    private static double Total(IReadOnlyList<PatchNightDriver.NodeTimes> nodes, PatchNightOptions options) =>
        nodes.Max(n => n.DoneAt!.Value.Seconds) - options.Start.Seconds;

    private static NodeWindow Window(PatchNightDriver.NodeTimes n)
    {
        double drainStart = n.DrainStart.Seconds, drainEnd = n.DrainEnd!.Value.Seconds, resumed = n.ResumedAt!.Value.Seconds, done = n.DoneAt!.Value.Seconds;
        MigrationRecord[] drained = n.Drain!.Migrations.Select(m => m.Record).OfType<MigrationRecord>().ToArray();
        MigrationRecord[] back = n.Failback.Select(m => m.Record).OfType<MigrationRecord>().ToArray();
        return new NodeWindow(n.Host, drainStart, drainEnd, n.InstallEnd!.Value.Seconds, n.DownAt!.Value.Seconds, n.UpAt!.Value.Seconds, resumed, done)
        {
            DrainMigrations = drained,
            FailbackMigrations = back,
        };
    }

    private static IReadOnlyList<VmDowntime> Downtimes(ScenarioSpec scenario, SimulationResult result) =>
        scenario.Vms.Where(v => v.State == VmInitialState.Running).Select(v =>
        {
            VmRecord r = result.Vms.Single(x => x.Name == v.Name);
            MigrationRecord[] moves = result.Migrations.Where(m => m.Vm == v.Name && m.Result == MigrationResult.Completed).ToArray();
            return new VmDowntime(v.Name, v.Host, r.Host, r.State, r.DowntimeSeconds, r.Outages, moves.Length, moves.Sum(m => m.BlackoutSeconds));
        }).OrderByDescending(v => v.DowntimeSeconds).ThenBy(v => v.Vm, StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The node whose maintenance took longest (first in plan order on a tie) and why: the phase in which it exceeds the
    /// quickest node's same phase most, and for a drain or a failback the migration that ended last in it.
    /// </summary>
    private static SlowestNode Slowest(IReadOnlyList<NodeWindow> nodes)
    {
        NodeWindow slow = nodes.Aggregate((a, b) => b.TotalSeconds > a.TotalSeconds ? b : a);
        NodeWindow fast = nodes.Aggregate((a, b) => b.TotalSeconds < a.TotalSeconds ? b : a);
        (string Phase, double Slow, double Fast)[] phases =
        [
            ("drain", slow.DrainSeconds, fast.DrainSeconds),
            ("install", slow.InstallSeconds, fast.InstallSeconds),
            ("reboot", slow.RebootSeconds, fast.RebootSeconds),
            ("rejoin", slow.RejoinSeconds, fast.RejoinSeconds),
            ("failback", slow.FailbackSeconds, fast.FailbackSeconds),
        ];
        var (phase, s, f) = ReferenceEquals(slow, fast)
            ? phases.Where(p => p.Phase is "drain" or "failback").MaxBy(p => p.Slow)
            : phases.MaxBy(p => p.Slow - p.Fast);
        IReadOnlyList<MigrationRecord> moves = phase == "drain" ? slow.DrainMigrations : phase == "failback" ? slow.FailbackMigrations : [];
        MigrationRecord? last = moves.Where(m => m.CompletedAt is not null).OrderByDescending(m => m.CompletedAt).ThenBy(m => m.Vm, StringComparer.Ordinal).FirstOrDefault();
        return new SlowestNode(slow.Host, slow.TotalSeconds, fast.Host, fast.TotalSeconds, phase, s, f, last);
    }
}
