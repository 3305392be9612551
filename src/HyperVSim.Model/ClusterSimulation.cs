using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model;

/// <summary>Runs one scenario: builds the cluster, schedules the scripted events, runs the clock, and collects the records.</summary>
public static class ClusterSimulation
{
    /// <summary>
    /// The scripted events this version cannot simulate, as "events[i]: why" (empty when it can run the whole
    /// scenario). Host, NIC and storage failures and repairs are in the scenario format but not yet in the model.
    /// </summary>
    public static IReadOnlyList<string> Unsupported(ScenarioSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Events
            .Select((e, i) => e is FaultEventSpec f
                ? $"events[{i}]: {(f.Repair ? "repair" : "fail")} events (host, NIC and storage failures) are not simulated in this version"
                : null)
            .OfType<string>()
            .ToArray();
    }

    /// <summary>How often (in events) a run reports its progress.</summary>
    public const long ProgressEvery = 4096;

    /// <summary>
    /// Runs <paramref name="spec"/> to its <c>until</c> time or until nothing is left to happen; reports
    /// <paramref name="progress"/> every <see cref="ProgressEvery"/> events (the result is the same with or without it).
    /// </summary>
    public static SimulationResult Run(ScenarioSpec spec, SimulationOptions? options = null, IProgress<RunProgress>? progress = null) =>
        Run(spec, options, progress, arrange: null);

    /// <summary>As <see cref="Run(ScenarioSpec, SimulationOptions?, IProgress{RunProgress}?)"/>; <paramref name="arrange"/> lets a test act on the cluster before the clock starts.</summary>
    internal static SimulationResult Run(ScenarioSpec spec, SimulationOptions? options, IProgress<RunProgress>? progress, Action<Cluster>? arrange)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var sim = new Simulation(options);
        var cluster = new Cluster(spec, sim);
        arrange?.Invoke(cluster);
        var timeline = new TimelineRecorder(cluster);
        var drains = new List<Migration.Drain>();

        foreach (ScenarioEventSpec e in spec.Events)
        {
            switch (e)
            {
                case MigrateEventSpec m:
                    sim.Call(m.At, () => cluster.LiveMigrate(cluster.VmNamed(m.Vm), cluster.HostNamed(m.To), option: m.Option, strategy: m.Strategy), $"migrate {m.Vm}");
                    break;
                case DrainEventSpec d:
                    sim.Call(d.At, () => drains.Add(cluster.Drain(cluster.HostNamed(d.Host))), $"drain {d.Host}");
                    break;
                default:
                    throw new NotSupportedException(Unsupported(spec)[0]);
            }
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
        if (sim.NextEventTime is null && cluster.InFlight.Count > 0)
        {
            // Nothing is left to happen, yet work is in flight: no stop time explains it, so the model is wrong.
            throw new ModelStallException(end, cluster.InFlight.Select(m =>
                $"live migration of {m.Vm.Name} {m.Source.Name}->{m.Target?.Name}: waiting on {m.WaitingOn} since {m.WaitingSince}").ToArray());
        }

        return new SimulationResult
        {
            Scenario = spec.Name,
            Seed = spec.Seed,
            SimulatedSeconds = end.Seconds,
            EventsProcessed = sim.EventsProcessed,
            Migrations = cluster.Migrations.Select(m => m.Record ?? m.Unfinished($"the run stopped at {end} (until) before it ended")).ToArray(),
            Drains = drains.Select(d => d.Record ?? d.Snapshot(completed: false)).ToArray(),
            Series = timeline.Series(),
            Vms = cluster.Vms.Select(v => new VmRecord(v.Name, v.Host?.Name, v.State.ToString().ToLowerInvariant(), v.Outages, v.DowntimeAt(end).Seconds)).ToArray(),
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
