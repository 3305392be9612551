using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Diagnostics;
using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Scenarios.Validation;

/// <summary>The scenario under validation, its elements by name (first of each name), and the problem list.</summary>
internal sealed class ValidationContext
{
    public ValidationContext(ReadScenario scenario, Problems problems)
    {
        Scenario = scenario;
        Problems = problems;
        Hosts = ByName(scenario.Hosts, h => h.Name);
        Vms = ByName(scenario.Vms, v => v.Name);
        Networks = ByName(scenario.Networks, n => n.Name);
        Storage = ByName(scenario.Storage, s => s.Name);
    }

    public ReadScenario Scenario { get; }

    public Problems Problems { get; }

    public IReadOnlyDictionary<string, Sourced<HostSpec>> Hosts { get; }

    public IReadOnlyDictionary<string, Sourced<VmSpec>> Vms { get; }

    public IReadOnlyDictionary<string, Sourced<NetworkSpec>> Networks { get; }

    public IReadOnlyDictionary<string, Sourced<StorageSpec>> Storage { get; }

    public void Add(Site site, string message, string fix) => Problems.Add(site, message, fix);

    /// <summary>
    /// True when <paramref name="name"/> is one of <paramref name="known"/>; otherwise a problem with a
    /// suggestion. Empty names (already reported while reading) pass.
    /// </summary>
    public bool Refers<T>(string name, Site site, string noun, IReadOnlyDictionary<string, T> known, string listKey)
    {
        if (name.Length == 0 || known.ContainsKey(name))
        {
            return true;
        }

        string? close = Suggestions.Closest(name, known.Keys);
        string hint = close is null ? "" : $"; did you mean '{close}'?";
        string fix = known.Count == 0
            ? $"add it under {listKey}: (there is no {noun} yet)"
            : $"name one of the {noun}s: {List(known.Keys)}";
        Add(site, $"'{name}' is not a {noun}{hint}", fix);
        return false;
    }

    /// <summary>A readable list of names, cut after the first ten.</summary>
    public static string List(IEnumerable<string> names)
    {
        string[] all = names.ToArray();
        return all.Length <= 10 ? string.Join(", ", all) : string.Join(", ", all.Take(10)) + $", ... ({all.Length} in all)";
    }

    private static Dictionary<string, Sourced<T>> ByName<T>(IEnumerable<Sourced<T>> items, Func<T, string> name)
    {
        var map = new Dictionary<string, Sourced<T>>(StringComparer.Ordinal);
        foreach (Sourced<T> item in items)
        {
            string n = name(item.Spec);
            if (n.Length > 0)
            {
                map.TryAdd(n, item);
            }
        }

        return map;
    }
}
