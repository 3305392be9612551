using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Scenarios.Validation;

/// <summary>
/// For a run (<see cref="ScenarioLoadOptions.RefuseUnsimulated"/>): keys the format accepts but this version's model
/// does not use yet — storage volumes and the disks' volume, the cluster heartbeat, network health protection and
/// storage failure detection — are refused at their line and column, as fail and repair events are, rather than
/// silently ignored: a number computed without them would look as if they had been taken into account.
/// </summary>
internal static class SimulationRules
{
    private const string Fix = "remove it for now: this version does not simulate storage, heartbeats or failure detection";

    public static void Check(ValidationContext c)
    {
        if (!c.Options.RefuseUnsimulated)
        {
            return;
        }

        foreach (Sourced<StorageSpec> s in c.Scenario.Storage)
        {
            c.Add(s.Origin.Self, "storage volumes are not simulated in this version (no storage, Storage QoS or storage moves yet)", Fix);
        }

        Origin cluster = c.Scenario.Cluster.Origin;
        foreach ((string key, string what) in new[]
        {
            ("heartbeat", "the cluster heartbeat (failure detection) is"),
            ("networkHealthProtection", "network health protection is"),
            ("storageFailureDetection", "storage failure detection is"),
        })
        {
            if (cluster.Has(key))
            {
                c.Add(cluster.Of(key), $"{what} not simulated in this version", Fix);
            }
        }

        foreach (Sourced<VmSpec> vm in c.Scenario.Vms)
        {
            for (int i = 0; i < vm.Spec.Disks.Count; i++)
            {
                string rel = $"disks[{i}].storage";
                if (vm.Origin.Has(rel))
                {
                    c.Add(vm.Origin.Of(rel), "a disk's storage volume is not simulated in this version", Fix);
                }
            }
        }
    }
}
