using HyperVSim.Scenarios.Diagnostics;
using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Scenarios.Validation;

/// <summary>Names are unique: networks, storage, hosts and VMs (after count expansion), and NICs, disks and switches within their owner.</summary>
internal static class NameRules
{
    public static void Check(ValidationContext c)
    {
        ReadScenario s = c.Scenario;
        Unique(c, s.Networks, n => n.Name, "network");
        Unique(c, s.Storage, n => n.Name, "storage volume");
        Unique(c, s.Hosts, n => n.Name, "host");
        Unique(c, s.Vms, n => n.Name, "VM");
        Unique(c, s.GuestClusters, n => n.Name, "guest cluster");
        foreach (var copies in s.Hosts.GroupBy(h => h.Origin))
        {
            Model.Specs.HostSpec host = copies.First().Spec;
            string owner = Owner(copies.Select(h => h.Spec.Name).ToArray());
            Within(c, copies.Key, host.Nics.Select(n => n.Name).ToArray(), i => $"nics[{i}].name", "NIC", owner);
            Within(c, copies.Key, host.VirtualSwitches, i => $"virtualSwitches[{i}]", "virtual switch", owner);
        }

        foreach (var copies in s.Vms.GroupBy(v => v.Origin))
        {
            Model.Specs.VmSpec vm = copies.First().Spec;
            Within(c, copies.Key, vm.Disks.Select(d => d.Name).ToArray(), i => $"disks[{i}].name", "disk", Owner(copies.Select(v => v.Spec.Name).ToArray()));
        }
    }

    /// <summary>"hv1", or "hv1..hv4" for the copies of a counted element.</summary>
    private static string Owner(string[] names) => names.Length == 1 ? names[0] : $"{names[0]}..{names[^1]}";

    private static void Unique<T>(ValidationContext c, IReadOnlyList<Sourced<T>> items, Func<T, string> name, string noun)
    {
        var first = new Dictionary<string, Origin>(StringComparer.Ordinal);
        foreach (Sourced<T> item in items)
        {
            string n = name(item.Spec);
            if (n.Length == 0)
            {
                continue;
            }

            if (first.TryGetValue(n, out Origin? earlier))
            {
                string also = earlier == item.Origin ? "" : $" (first by {earlier.Path} at line {earlier.At.Line})";
                string expanded = item.Origin.Has("count") ? ", after count expansion" : "";
                c.Add(item.Origin.Of("name"), $"{noun} name '{n}' is used twice{expanded}{also}", $"give each {noun} its own name");
                continue;
            }

            first.Add(n, item.Origin);
        }
    }

    private static void Within(ValidationContext c, Origin origin, IReadOnlyList<string> names, Func<int, string> rel, string noun, string owner)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i].Length > 0 && !seen.Add(names[i]))
            {
                c.Add(origin.Of(rel(i)), $"{noun} name '{names[i]}' is used twice in {owner}", $"give each {noun} of {owner} its own name");
            }
        }
    }
}
