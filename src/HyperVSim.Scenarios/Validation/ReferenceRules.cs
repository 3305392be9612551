using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Scenarios.Validation;

/// <summary>Names used as references resolve: NIC networks, VM hosts, disk storage, live-migration networks.</summary>
internal static class ReferenceRules
{
    public static void Check(ValidationContext c)
    {
        foreach (Sourced<HostSpec> host in c.Scenario.Hosts.DistinctBy(h => h.Origin))
        {
            for (int i = 0; i < host.Spec.Nics.Count; i++)
            {
                IReadOnlyList<string> networks = host.Spec.Nics[i].Networks;
                for (int j = 0; j < networks.Count; j++)
                {
                    c.Refers(networks[j], host.Origin.Of($"nics[{i}].networks[{j}]"), "network", c.Networks, "networks");
                }
            }
        }

        foreach (Sourced<VmSpec> vm in c.Scenario.Vms.DistinctBy(v => v.Origin))
        {
            if (vm.Spec.Host is { } host)
            {
                c.Refers(host, vm.Origin.Of("host"), "host", c.Hosts, "hosts");
            }

            for (int i = 0; i < vm.Spec.Disks.Count; i++)
            {
                if (vm.Spec.Disks[i].Storage is { } storage)
                {
                    c.Refers(storage, vm.Origin.Of($"disks[{i}].storage"), "storage volume", c.Storage, "storage");
                }
            }

            for (int i = 0; i < vm.Spec.Nics.Count; i++)
            {
                c.Refers(vm.Spec.Nics[i].Network, vm.Origin.Of($"nics[{i}].network"), "network", c.Networks, "networks");
            }
        }

        LiveMigrationNetworks(c);
    }

    private static void LiveMigrationNetworks(ValidationContext c)
    {
        Sourced<ClusterSpec> cluster = c.Scenario.Cluster;
        IReadOnlyList<string> names = cluster.Spec.LiveMigration.Networks;
        for (int i = 0; i < names.Count; i++)
        {
            var site = cluster.Origin.Of($"liveMigration.networks[{i}]");
            if (c.Refers(names[i], site, "network", c.Networks, "networks")
                && c.Networks.TryGetValue(names[i], out var network)
                && network.Spec.Role != NetworkRole.LiveMigration)
            {
                c.Add(site, $"network '{names[i]}' has role {Role(network.Spec.Role)}, not liveMigration", $"list only networks with role: liveMigration, or give '{names[i]}' that role");
            }
        }
    }

    public static string Role(NetworkRole role) => NetworkReader.Roles.Single(r => r.Value == role).Key;
}
