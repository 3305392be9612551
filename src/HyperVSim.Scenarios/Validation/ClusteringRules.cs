using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Diagnostics;
using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Scenarios.Validation;

/// <summary>
/// Failover clustering: a local volume belongs to an existing host and a shared one to none; a VM's owners are hosts,
/// its host is a possible owner and so is each preferred owner; a guest cluster is declared, has at least two members,
/// each with a shared disk; a shared VHDX is a VHDX on a CSV or SMB share of a 2012 R2 host; random faults need an end.
/// </summary>
internal static class ClusteringRules
{
    public static void Check(ValidationContext c)
    {
        Volumes(c);
        foreach (Sourced<VmSpec> vm in c.Scenario.Vms.DistinctBy(v => v.Origin))
        {
            Owners(c, vm);
            SharedDisks(c, vm);
        }

        GuestClusters(c);
        if (c.Scenario.Faults is { } faults && (faults.Spec.Any || faults.Broken) && c.Scenario.Until is null)
        {
            c.Add(
                c.Scenario.Root.Of("faults"),
                "random faults never stop, so without until the run would never end",
                "add a stop time at the top level, e.g. 'until: 30d'");
        }
    }

    private static void Volumes(ValidationContext c)
    {
        foreach (Sourced<StorageSpec> volume in c.Scenario.Storage)
        {
            StorageSpec s = volume.Spec;
            if (s.Kind == StorageKind.Local && s.Host is null)
            {
                c.Add(volume.Origin.Of("kind"), $"local volume '{s.Name}' needs the host it belongs to (only that host reaches it)", "add host: with the name of its host, e.g. host: hv1");
            }
            else if (s.Kind != StorageKind.Local && s.Host is not null)
            {
                string kind = SpecNames.StorageKinds.Of(s.Kind);
                c.Add(volume.Origin.Of("host"), $"a {kind} volume is reached by every host; only a local volume belongs to one host", "remove host, or write kind: local");
            }
            else if (s.Host is { } host)
            {
                c.Refers(host, volume.Origin.Of("host"), "host", c.Hosts, "hosts");
            }
        }
    }

    private static void Owners(ValidationContext c, Sourced<VmSpec> vm)
    {
        VmSpec v = vm.Spec;
        bool possibleKnown = true;
        for (int i = 0; i < v.PossibleOwners.Count; i++)
        {
            possibleKnown &= c.Refers(v.PossibleOwners[i], vm.Origin.Of($"possibleOwners[{i}]"), "host", c.Hosts, "hosts");
        }

        for (int i = 0; i < v.PreferredOwners.Count; i++)
        {
            Site site = vm.Origin.Of($"preferredOwners[{i}]");
            string owner = v.PreferredOwners[i];
            if (c.Refers(owner, site, "host", c.Hosts, "hosts") && possibleKnown && v.PossibleOwners.Count > 0 && owner.Length > 0 && !v.PossibleOwners.Contains(owner))
            {
                c.Add(site, $"preferred owner {owner} is not among the VM's possibleOwners ({ValidationContext.List(v.PossibleOwners)})", $"add {owner} to possibleOwners, or remove it from preferredOwners");
            }
        }

        if (v.Host is { } host && host.Length > 0 && c.Hosts.ContainsKey(host) && possibleKnown && v.PossibleOwners.Count > 0 && !v.PossibleOwners.Contains(host))
        {
            c.Add(vm.Origin.Of("host"), $"{v.Name} is placed on {host}, which is not among its possibleOwners ({ValidationContext.List(v.PossibleOwners)})", $"add {host} to possibleOwners, or place the VM on one of them");
        }
    }

    private static void SharedDisks(ValidationContext c, Sourced<VmSpec> vm)
    {
        VmSpec v = vm.Spec;
        for (int i = 0; i < v.Disks.Count; i++)
        {
            DiskSpec disk = v.Disks[i];
            if (!disk.Shared)
            {
                continue;
            }

            Site site = vm.Origin.Of($"disks[{i}].shared");
            if (disk.Format == DiskFormat.Vhd)
            {
                c.Add(site, $"disk '{disk.Name}' is a VHD; only a VHDX can be shared", "write format: vhdx, or remove shared");
            }

            if (disk.Storage is null)
            {
                c.Add(site, $"shared disk '{disk.Name}' has no storage volume; a shared VHDX lives on a CSV or an SMB share", "add storage: with the name of a csv or smb volume");
            }
            else if (c.Storage.TryGetValue(disk.Storage, out var volume) && volume.Spec.Kind == StorageKind.Local)
            {
                c.Add(site, $"shared disk '{disk.Name}' is on local volume '{disk.Storage}'; a shared VHDX lives on a CSV or an SMB share", "put the disk on a csv or smb volume, or remove shared");
            }

            (HyperVVersion version, string who) = v.Host is { } h && c.Hosts.TryGetValue(h, out var placed)
                ? (placed.Spec.Version, h)
                : (c.Scenario.Cluster.Spec.Version, "the cluster");
            if (version == HyperVVersion.V2012)
            {
                c.Add(site, $"shared VHDX is new in 2012 R2, but {who} runs 2012", v.Host is null ? "set cluster version: 2012R2, or remove shared" : "place the VM on a 2012R2 host, or remove shared");
            }
        }
    }

    private static void GuestClusters(ValidationContext c)
    {
        var declared = new Dictionary<string, Sourced<GuestClusterSpec>>(StringComparer.Ordinal);
        foreach (Sourced<GuestClusterSpec> g in c.Scenario.GuestClusters.Where(g => g.Spec.Name.Length > 0))
        {
            declared.TryAdd(g.Spec.Name, g);
        }

        foreach (Sourced<VmSpec> vm in c.Scenario.Vms.DistinctBy(v => v.Origin))
        {
            if (vm.Spec.GuestCluster is not { } name || !c.Refers(name, vm.Origin.Of("guestCluster"), "guest cluster", declared, "guestClusters"))
            {
                continue;
            }

            if (!vm.Spec.Disks.Any(d => d.Shared))
            {
                c.Add(vm.Origin.Of("guestCluster"), $"{vm.Spec.Name} is a member of guest cluster '{name}' but has no shared disk", "give it a disk with shared: true on a csv or smb volume (the guest cluster's shared VHDX)");
            }
        }

        foreach (Sourced<GuestClusterSpec> g in declared.Values)
        {
            int members = c.Scenario.Vms.Count(v => v.Spec.GuestCluster == g.Spec.Name);
            if (members < 2)
            {
                c.Add(g.Origin.Of("name"), $"guest cluster '{g.Spec.Name}' has {members} member{(members == 1 ? "" : "s")}; a cluster needs at least 2", $"write guestCluster: {g.Spec.Name} on at least two VMs (or count: 2), or remove the guest cluster");
            }
        }
    }
}
