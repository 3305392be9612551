using HyperVSim.Engine;
using HyperVSim.Model;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;

namespace HyperVSim.Experiments.Calibration;

/// <summary>
/// The simulated counterpart of a <see cref="Measurement"/> (docs/calibrate.md "What is simulated"): the base scenario's
/// cluster settings, networks, first host (twice, hv1 and hv2, its live-migration NICs at the row's link speed) and first
/// VM (its vCPUs, CPU load, dirtying and memory content; <see cref="Measurement.Vms"/> copies of the row's memory, on
/// hv1), every copy asked at time 0 to live-migrate to hv2 with the row's option, <see cref="Measurement.Concurrency"/>
/// at a time. The fit runs exactly this through the model, so fitted values are the simulator's.
/// </summary>
public static class CalibrationExperiment
{
    /// <summary>The scenario simulated for <paramref name="row"/> from <paramref name="scenario"/> (with the candidate values already applied).</summary>
    public static ScenarioSpec Build(ScenarioSpec scenario, Measurement row)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(row);
        if (scenario.Hosts.Count == 0 || scenario.Vms.Count == 0)
        {
            throw new CalibrationException($"the scenario {scenario.Name} needs at least one host and one VM (the templates of the simulated migrations)");
        }

        var lm = scenario.Networks.Where(n => n.Role == NetworkRole.LiveMigration).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        HostSpec template = scenario.Hosts[0];
        if (!template.Nics.Any(n => n.Networks.Any(lm.Contains)))
        {
            throw new CalibrationException($"the scenario's first host {template.Name} has no NIC on a liveMigration network: it is the template of both hosts");
        }

        VmSpec vm = scenario.Vms[0];
        int count = row.Vms;

        // The source must hold every VM of the batch: its memory is raised when the template's is too small.
        long memory = Math.Max(template.MemoryBytes, template.MemoryReserveBytes + (count * row.VmMemoryBytes) + (1L << 30));
        HostSpec Host(string name) => template with
        {
            Name = name,
            MemoryBytes = memory,
            Nics = template.Nics.Select(n => n.Networks.Any(lm.Contains) ? n with { BitsPerSecond = row.LinkBitsPerSecond } : n).ToArray(),
        };

        VmSpec[] vms = Enumerable.Range(1, count).Select(i => vm with
        {
            Name = $"vm{i}",
            MemoryBytes = row.VmMemoryBytes,
            Host = "hv1",
            State = VmInitialState.Running,
            Disks = [],
            PreferredOwners = [],
            PossibleOwners = [],
            AntiAffinity = null,
            GuestCluster = null,
        }).ToArray();

        return scenario with
        {
            Name = $"{scenario.Name}-line{row.Line}",
            Until = null,
            Cluster = scenario.Cluster with
            {
                LiveMigration = scenario.Cluster.LiveMigration with { Option = row.Option, MaxSimultaneous = row.Concurrency },
            },
            Hosts = [Host("hv1"), Host("hv2")],
            Storage = [],
            Vms = vms,
            GuestClusters = [],
            Faults = new FaultsSpec(),
            Events = vms.Select(v => (ScenarioEventSpec)new MigrateEventSpec(SimTime.Zero, v.Name, "hv2")).ToArray(),
        };
    }

    /// <summary>Simulates <paramref name="row"/>: total from the first start to the last end, mean blackout and mean bytes per migration.</summary>
    public static Prediction Predict(ScenarioSpec scenario, Measurement row)
    {
        SimulationResult r = ClusterSimulation.Run(Build(scenario, row));
        MigrationRecord? failed = r.Migrations.FirstOrDefault(m => m.Result != MigrationResult.Completed);
        if (failed is not null || r.Migrations.Count == 0)
        {
            throw new CalibrationException($"line {row.Line}: the simulated migration of {failed?.Vm ?? "vm1"} did not complete ({failed?.Reason ?? "no migration ran"})");
        }

        double start = r.Migrations.Min(m => m.StartedAt!.Value);
        double end = r.Migrations.Max(m => m.CompletedAt!.Value);
        return new Prediction(end - start, r.Migrations.Average(m => m.BlackoutSeconds), r.Migrations.Average(m => (double)m.BytesOnWire));
    }
}
