using HyperVSim.Engine;
using HyperVSim.Model.Migration;
using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Diagnostics;
using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios.Reading;

/// <summary>Reads one item of <c>events:</c>: <c>at</c> plus exactly one of migrate, drain, fail or repair.</summary>
internal static class EventReader
{
    private static readonly string[] Actions = ["migrate", "drain", "fail", "repair"];

    /// <summary>Fault targets: key, kind, and whether the value names a host's part as HOST/PART.</summary>
    private static readonly (string Key, FaultTargetKind Kind, string? PairExample)[] Targets =
    [
        ("host", FaultTargetKind.Host, null),
        ("nic", FaultTargetKind.Nic, "hv2/vm1"),
        ("storagePath", FaultTargetKind.StoragePath, "hv4/csv1"),
        ("storage", FaultTargetKind.Storage, null),
    ];

    public static Sourced<ScenarioEventSpec>? Read(YNode node, Origin origin, Scalars scalars)
    {
        int before = scalars.Problems.Count;
        MapReader? map = MapReader.Open(node, origin, "", KeyLevels.Event, scalars);
        if (map is null)
        {
            return null;
        }

        SimTime at = map.Duration("at", Limits.EventAt, "30s") ?? SimTime.Zero;
        string? action = One(map, Actions, "an event needs one action: migrate, drain, fail or repair", "add one, e.g. 'migrate: { vm: sql1, to: hv2 }'", scalars);
        ScenarioEventSpec? spec = action switch
        {
            "migrate" => Migrate(at, map.Map("migrate", KeyLevels.Migrate)),
            "drain" => new DrainEventSpec(at, map.Name("drain") ?? ""),
            "fail" => Fault(at, map.Map("fail", KeyLevels.Fail), repair: false, scalars),
            "repair" => Fault(at, map.Map("repair", KeyLevels.Repair), repair: true, scalars),
            _ => null,
        };
        return spec is null ? null : new Sourced<ScenarioEventSpec>(spec, origin, scalars.Problems.Count > before);
    }

    private static MigrateEventSpec? Migrate(SimTime at, MapReader? map) =>
        map is null ? null : new MigrateEventSpec(at, map.Name("vm", "sql1") ?? "", map.Name("to", "hv2") ?? "")
        {
            Option = map.Choice("option", ClusterReader.Options),
            Strategy = map.Choice("strategy", MigrationStrategies.Registry.Names) ?? MigrationStrategies.Default,
        };

    private static FaultEventSpec? Fault(SimTime at, MapReader? map, bool repair, Scalars scalars)
    {
        if (map is null)
        {
            return null;
        }

        string? key = One(map, Targets.Select(t => t.Key).ToArray(), "a fault needs one target: host, nic, storagePath or storage", "add one, e.g. '{ host: hv3 }'", scalars);
        if (key is null)
        {
            return null;
        }

        (_, FaultTargetKind kind, string? pairExample) = Targets.Single(t => t.Key == key);
        YNode value = map.Value(key)!;
        string name = (pairExample is null ? scalars.Name(value, map.SiteOf(key)) : Pair(value, map.SiteOf(key), key, pairExample, scalars)) ?? "";
        return new FaultEventSpec(at, new FaultTarget(kind, name), repair);
    }

    /// <summary>The one key of <paramref name="choices"/> the mapping has; problems when it has none or several.</summary>
    private static string? One(MapReader map, string[] choices, string noneMessage, string noneFix, Scalars scalars)
    {
        string[] given = choices.Where(map.Has).ToArray();
        if (given.Length == 0)
        {
            scalars.Problems.Add(map.Start, map.Self.Path, noneMessage, noneFix);
            return null;
        }

        foreach (string extra in given.Skip(1))
        {
            scalars.Add(map.Value(extra)!, map.SiteOf(extra), $"'{extra}' is a second choice here besides '{given[0]}'; only one is allowed", "split it into separate events, or keep one of them");
        }

        return given.Length == 1 ? given[0] : null;
    }

    /// <summary>HOST/PART, e.g. hv2/vm1 for a host's NIC.</summary>
    private static string? Pair(YNode node, Diagnostics.Site site, string key, string example, Scalars scalars)
    {
        string? text = scalars.Text(node, site);
        if (text is null)
        {
            return null;
        }

        string[] parts = text.Split('/');
        string part = key == "nic" ? "NIC" : "STORAGE";
        if (parts.Length != 2 || parts.Any(p => p.Length == 0))
        {
            scalars.Add(node, site, $"{Echo.Quoted(text)} is not HOST/{part}", $"name the host and its {part.ToLowerInvariant()} with a slash, e.g. {example}");
            return null;
        }

        return text;
    }
}
