using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios.Reading;

/// <summary>
/// Reads <c>faults:</c>: per component class (hosts, nics, storagePaths, storage) the time between failures and the
/// time to repair, each a distribution whose keys depend on its name. Durations are stored in seconds.
/// </summary>
internal static class FaultsReader
{
    /// <summary>Each distribution's name and the parameter keys it takes, in the docs' order.</summary>
    public static readonly IReadOnlyList<(string Name, string[] Keys)> Kinds =
    [
        ("exponential", ["mean"]),
        ("weibull", ["shape", "scale"]),
        ("lognormal", ["median", "sigma"]),
    ];

    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["mean"] = "5000h", ["shape"] = "1.2", ["scale"] = "2000h", ["median"] = "4h", ["sigma"] = "0.8",
    };

    public static Sourced<FaultsSpec>? Read(YNode? node, Scalars scalars)
    {
        if (node is null)
        {
            return null;
        }

        int before = scalars.Problems.Count;
        var origin = new Origin("faults", node.Start);
        MapReader? map = MapReader.Open(node, origin, "", KeyLevels.Faults, scalars);
        if (map is null)
        {
            return new Sourced<FaultsSpec>(new FaultsSpec(), origin, true);
        }

        var spec = new FaultsSpec
        {
            Hosts = Process(map, "hosts", scalars),
            Nics = Process(map, "nics", scalars),
            StoragePaths = Process(map, "storagePaths", scalars),
            Storage = Process(map, "storage", scalars),
        };
        return new Sourced<FaultsSpec>(spec, origin, scalars.Problems.Count > before);
    }

    private static FaultProcessSpec? Process(MapReader faults, string component, Scalars scalars)
    {
        MapReader? map = faults.Map(component, KeyLevels.FaultProcesses.Single(l => l.Path == $"faults.{component}"));
        if (map is null)
        {
            return null;
        }

        DistributionSpec? between = Distribution(map, component, "between", scalars);
        DistributionSpec? repair = Distribution(map, component, "repair", scalars);
        return between is null || repair is null ? null : new FaultProcessSpec(between, repair);
    }

    private static DistributionSpec? Distribution(MapReader process, string component, string key, Scalars scalars)
    {
        KeyLevel level = KeyLevels.Distributions.Single(l => l.Path == $"faults.{component}.{key}");
        if (process.Required(key, "{ distribution: exponential, mean: 5000h }") is null)
        {
            return null;
        }

        MapReader? map = process.Map(key, level);
        string? name = map?.Choice("distribution", Kinds.Select(k => k.Name).ToArray(), required: true);
        if (map is null || name is null)
        {
            return null;
        }

        string[] takes = Kinds.Single(k => k.Name == name).Keys;
        int before = scalars.Problems.Count;
        foreach (string missing in takes.Where(k => !map.Has(k)))
        {
            scalars.Problems.Add(map.Start, map.SiteOf(missing).Path, $"a {name} distribution needs {missing}", $"add {missing}: {Examples[missing]}");
        }

        foreach (string foreign in level.Keys.Skip(1).Where(k => map.Has(k) && !takes.Contains(k)))
        {
            string[] owners = Kinds.Where(k => k.Keys.Contains(foreign)).Select(k => $"distribution: {k.Name}").ToArray();
            scalars.Add(
                map.Value(foreign)!,
                map.SiteOf(foreign),
                $"'{foreign}' is not a parameter of the {name} distribution, which takes {string.Join(" and ", takes)}",
                $"remove {foreign}, or write {string.Join(" or ", owners)}");
        }

        double? Seconds(string k) => map.Duration(k, Limits.FaultTime)?.Seconds;
        DistributionSpec? spec = name switch
        {
            "exponential" => Seconds("mean") is { } mean ? new ExponentialSpec(mean) : null,
            "weibull" => (map.Number("shape", Limits.WeibullShape), Seconds("scale")) is ({ } shape, { } scale) ? new WeibullSpec(shape, scale) : null,
            _ => (Seconds("median"), map.Number("sigma", Limits.LogNormalSigma)) is ({ } median, { } sigma) ? new LogNormalSpec(median, sigma) : null,
        };
        return scalars.Problems.Count > before ? null : spec;
    }
}
