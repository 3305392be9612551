using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Scenarios.Validation;

/// <summary>
/// Windows Server 2012 against 2012 R2: compression and SMB live migration, generation 2 VMs, network health
/// protection and storage failure detection are all new in 2012 R2.
/// </summary>
internal static class VersionRules
{
    public static void Check(ValidationContext c)
    {
        Sourced<ClusterSpec> cluster = c.Scenario.Cluster;
        bool cluster2012 = cluster.Spec.Version == HyperVVersion.V2012;
        if (cluster.Spec.LiveMigration.Option is { } named && NeedsR2(named) && cluster.Origin.Has("liveMigration.option"))
        {
            string option = cluster.Spec.LiveMigration.Option;
            // In a mixed cluster (a rolling upgrade) the option applies to the 2012 R2 hosts; 2012 sources send over TCP/IP.
            if (cluster2012)
            {
                c.Add(cluster.Origin.Of("liveMigration.option"), $"option {option} is new in 2012 R2, but the cluster is 2012: a 2012 host offers only the TCP/IP option", "write option: tcpip, or set cluster version: 2012R2");
            }
        }

        if (cluster2012)
        {
            NewIn2012R2(c, cluster, "networkHealthProtection", cluster.Spec.NetworkHealthProtection, "network health protection");
            NewIn2012R2(c, cluster, "storageFailureDetection", cluster.Spec.StorageFailureDetection, "storage failure detection");
        }

        Generation2(c);
    }

    /// <summary>True when the registered option <paramref name="option"/> first came with 2012 R2 (its descriptor says so).</summary>
    internal static bool NeedsR2(string option) =>
        Model.Transports.MigrationTransports.Registry.Find(option)?.MinimumVersion == HyperVVersion.V2012R2;

    private static void NewIn2012R2(ValidationContext c, Sourced<ClusterSpec> cluster, string key, bool on, string what)
    {
        if (on && cluster.Origin.Has(key))
        {
            c.Add(cluster.Origin.Of(key), $"{what} is new in 2012 R2, but the cluster is 2012", $"remove {key} or set it to false, or set cluster version: 2012R2");
        }
    }

    private static void Generation2(ValidationContext c)
    {
        bool anyR2 = c.Scenario.Hosts.Any(h => h.Spec.Version == HyperVVersion.V2012R2);
        foreach (Sourced<VmSpec> vm in c.Scenario.Vms.Where(v => v.Spec.Generation == VmGeneration.Two).DistinctBy(v => v.Origin))
        {
            if (vm.Spec.Host is { } name && c.Hosts.TryGetValue(name, out var host))
            {
                if (host.Spec.Version == HyperVVersion.V2012)
                {
                    c.Add(vm.Origin.Of("generation"), $"a generation 2 VM needs a 2012 R2 host, but {name} runs 2012", "write generation: 1, or place the VM on a 2012R2 host");
                }
            }
            else if (vm.Spec.Host is null && !anyR2 && c.Scenario.Hosts.Count > 0)
            {
                c.Add(vm.Origin.Of("generation"), "a generation 2 VM needs a 2012 R2 host, but every host runs 2012", "write generation: 1, or add a 2012R2 host");
            }
        }
    }
}
