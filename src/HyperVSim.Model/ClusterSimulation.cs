using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Scripting;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model;

/// <summary>Runs one scenario: builds the cluster, schedules the scripted events, runs the clock, and collects the records.</summary>
public static class ClusterSimulation
{
    /// <summary>
    /// The scripted events this version cannot simulate, as "events[i]: why" (empty when it can run the whole
    /// scenario): those of a kind no <see cref="ScenarioEventHandlers"/> handler carries out.
    /// </summary>
    public static IReadOnlyList<string> Unsupported(ScenarioSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Events
            .Select((e, i) => ScenarioEventHandlers.Handles(e)
                ? null
                : $"events[{i}]: {Describe(e)} events are not simulated in this version")
            .OfType<string>()
            .ToArray();
    }

    private static string Describe(ScenarioEventSpec e) => e is FaultEventSpec f
        ? $"{(f.Repair ? "repair" : "fail")} (host, NIC and storage failures)"
        : e.GetType().Name;

    /// <summary>How often (in events) a run reports its progress.</summary>
    public const long ProgressEvery = 4096;

    /// <summary>
    /// Runs <paramref name="spec"/> to its <c>until</c> time or until nothing is left to happen; reports
    /// <paramref name="progress"/> every <see cref="ProgressEvery"/> events (the result is the same with or without it).
    /// </summary>
    public static SimulationResult Run(ScenarioSpec spec, SimulationOptions? options = null, IProgress<RunProgress>? progress = null) =>
        Run(spec, options, progress, arrange: null);

    /// <summary>
    /// As <see cref="Run(ScenarioSpec, SimulationOptions?, IProgress{RunProgress}?)"/>; <paramref name="arrange"/> acts on
    /// the cluster before the clock starts: a test, or a planner that drives maintenance by the cluster's signals
    /// (Experiments/Planning).
    /// </summary>
    public static SimulationResult Run(ScenarioSpec spec, SimulationOptions? options, IProgress<RunProgress>? progress, Action<Cluster>? arrange)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var sim = new Simulation(options);
        var cluster = new Cluster(spec, sim);
        var results = new ResultCollector(cluster);
        var timeline = new TimelineRecorder(cluster);
        var vmTimeline = new VmTimelineRecorder(cluster);
        arrange?.Invoke(cluster);
        IScenarioEventHandler[] handlers = ScenarioEventHandlers.Registry.Descriptors.Select(d => d.Create()).ToArray();
        foreach (ScenarioEventSpec e in spec.Events)
        {
            IScenarioEventHandler handler = ScenarioEventHandlers.For(handlers, e) ?? throw new NotSupportedException(Unsupported(spec)[0]);
            sim.Call(e.At, () => handler.Apply(cluster, e), e.GetType().Name);
        }

        if (progress is null)
        {
            sim.Run(spec.Until);
        }
        else
        {
            RunReporting(sim, spec.Until, progress);
        }

        SimTime end = sim.Now;
        if (sim.NextEventTime is null && results.InFlight.Count > 0)
        {
            // Nothing is left to happen, yet work is in flight: no stop time explains it, so the model is wrong.
            throw new ModelStallException(end, results.InFlight.Select(a => $"{a.Name}: waiting on {a.WaitingOn} since {a.WaitingSince}").ToArray());
        }

        var (migrations, drains) = results.Records(end);
        Storage.StorageIo? storage = cluster.FindComponent<Storage.StorageIo>();
        var (disks, qosEvents, volumes) = storage?.Records(end) ?? ([], [], []);
        return new SimulationResult
        {
            Scenario = spec.Name,
            Seed = spec.Seed,
            SimulatedSeconds = end.Seconds,
            EventsProcessed = sim.EventsProcessed,
            Migrations = migrations,
            Drains = drains,
            Series = [.. timeline.Series(), .. storage?.Series() ?? []],
            Disks = disks,
            QosEvents = qosEvents,
            Volumes = volumes,
            Failovers = cluster.Components.OfType<Clustering.ClusterService>().SelectMany(c => c.FailoverRecords()).ToArray(),
            // The quorum over time, from the cluster's formation; empty when the membership never changed.
            Quorum = cluster.Components.OfType<Clustering.ClusterService>().SelectMany(c => c.QuorumLog.Count > 1 ? c.QuorumLog : []).ToArray(),
            GuestClusters = cluster.Components.OfType<Components.GuestClusters>().SelectMany(g => g.Events).ToArray(),
            SavedStates = cluster.Components.OfType<Components.SavedStates>().SelectMany(s => s.Records()).ToArray(),
            Upgrades = cluster.Components.OfType<Components.SavedStates>().SelectMany(s => s.UpgradeRecords()).ToArray(),
            Resizes = cluster.Components.OfType<Components.DiskResizes>().SelectMany(r => r.Records()).ToArray(),
            Boots = cluster.Components.OfType<Boot.Boots>().SelectMany(b => b.Records()).ToArray(),
            Sessions = cluster.Components.OfType<Components.Sessions>().SelectMany(s => s.Records()).ToArray(),
            Vms = cluster.Vms.Select(v => new VmRecord(v.Name, v.Host?.Name, v.State.Word(), v.Outages, v.DowntimeAt(end).Seconds)
            {
                Availability = end > SimTime.Zero ? v.RunningTimeAt(end).Seconds / end.Seconds : (v.State == VmState.Running ? 1.0 : 0.0),
                Timeline = vmTimeline.For(v),
            }).ToArray(),
        };
    }

    private static void RunReporting(Simulation sim, SimTime? until, IProgress<RunProgress> progress)
    {
        while (sim.NextEventTime is { } next && (until is not { } u || next <= u))
        {
            sim.Step();
            if (sim.EventsProcessed % ProgressEvery == 0)
            {
                progress.Report(new RunProgress(sim.Now, sim.EventsProcessed, until));
            }
        }

        if (until is { } end)
        {
            sim.Run(end);
        }

        progress.Report(new RunProgress(sim.Now, sim.EventsProcessed, until));
    }
}
