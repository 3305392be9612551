using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios.Reading;

/// <summary>Reads the top level of a scenario and every element under it, collecting all problems.</summary>
internal static class ScenarioReader
{
    public static ReadScenario? Read(YNode root, Scalars scalars)
    {
        var origin = new Origin("", root.Start);
        if (root is not YMapping)
        {
            scalars.Add(root, origin.Self, $"a scenario is a mapping of keys, not {root.Shape}", "start with 'name: my-scenario' and a 'hosts:' list");
            return null;
        }

        MapReader map = MapReader.Open(root, origin, "", KeyLevels.Root, scalars)!;
        string name = ScenarioName(map, scalars);
        Sourced<ClusterSpec> cluster = ClusterReader.Read(map.Value("cluster"), root.Start, scalars);
        var hosts = Items(map, "hosts", (n, o) => HostReader.Read(n, o, cluster.Spec.Version, scalars));
        if (!map.Has("hosts"))
        {
            map.Required("hosts", "[ { name: hv, count: 4, memory: 256GiB } ]");
        }
        else if (map.Value("hosts") is YSequence { Items.Count: 0 } empty)
        {
            scalars.Add(empty, map.SiteOf("hosts"), "hosts is empty; a scenario needs at least one host", "add a host, e.g. '- { name: hv, count: 2, memory: 256GiB }'");
        }

        return new ReadScenario
        {
            Root = origin,
            Name = name,
            Seed = map.Integer("seed", Limits.Seed) ?? new ScenarioSpec { Name = name }.Seed,
            Until = map.Duration("until", Limits.Until),
            Cluster = cluster,
            Networks = Items(map, "networks", (n, o) => One(NetworkReader.Read(n, o, scalars))),
            Hosts = hosts,
            Storage = Items(map, "storage", (n, o) => One(StorageReader.Read(n, o, scalars))),
            Vms = Items(map, "vms", (n, o) => VmReader.Read(n, o, scalars)),
            GuestClusters = Items(map, "guestClusters", (n, o) => One(ClusterReader.GuestCluster(n, o, scalars))),
            Faults = FaultsReader.Read(map.Value("faults"), scalars),
            Events = Items(map, "events", (n, o) => One(EventReader.Read(n, o, scalars))),
        };
    }

    /// <summary>
    /// The scenario's name: any text that is not blank (unlike element names, it is never referenced, and every report
    /// format escapes it).
    /// </summary>
    private static string ScenarioName(MapReader map, Scalars scalars)
    {
        string? name = map.Text("name", "my-scenario");
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            scalars.Add(map.Value("name")!, map.SiteOf("name"), "the scenario name is empty", "write a name, e.g. 'name: patch-night'");
            return "";
        }

        return name ?? "";
    }

    /// <summary>Reads each item of a top-level list with its own origin (<c>hosts[2]</c>).</summary>
    private static IReadOnlyList<Sourced<T>> Items<T>(
        MapReader map, string key, Func<YNode, Origin, IEnumerable<Sourced<T>>> read)
    {
        var result = new List<Sourced<T>>();
        foreach ((YNode node, string rel) in map.List(key) ?? [])
        {
            result.AddRange(read(node, new Origin(rel, node.Start)));
        }

        return result;
    }

    private static IEnumerable<Sourced<T>> One<T>(Sourced<T>? item) => item is null ? [] : [item];
}
