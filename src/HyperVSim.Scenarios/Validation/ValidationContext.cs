using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Diagnostics;
using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Scenarios.Validation;

/// <summary>The scenario under validation, its elements by name (first of each name), and the problem list.</summary>
internal sealed class ValidationContext
{
    /// <summary>Names of hosts and VMs whose count was invalid: their copies' names are unknown.</summary>
    private readonly HashSet<string> uncounted;

    public ValidationContext(ReadScenario scenario, Problems problems)
    {
        Scenario = scenario;
        Problems = problems;
        Hosts = ByName(scenario.Hosts, h => h.Name);
        Vms = ByName(scenario.Vms, v => v.Name);
        Networks = ByName(scenario.Networks, n => n.Name);
        Storage = ByName(scenario.Storage, s => s.Name);
        uncounted = scenario.Hosts.Where(h => h.CountUnknown).Select(h => h.Spec.Name)
            .Concat(scenario.Vms.Where(v => v.CountUnknown).Select(v => v.Spec.Name))
            .Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    public ReadScenario Scenario { get; }

    /// <summary>The caller's extra rules (refusing fail and repair events for a run).</summary>
    public ScenarioLoadOptions Options { get; init; } = ScenarioLoadOptions.Default;

    public Problems Problems { get; }

    public IReadOnlyDictionary<string, Sourced<HostSpec>> Hosts { get; }

    public IReadOnlyDictionary<string, Sourced<VmSpec>> Vms { get; }

    public IReadOnlyDictionary<string, Sourced<NetworkSpec>> Networks { get; }

    public IReadOnlyDictionary<string, Sourced<StorageSpec>> Storage { get; }

    public void Add(Site site, string message, string fix) => Problems.Add(site, message, fix);

    /// <summary>
    /// True when <paramref name="name"/> is one of <paramref name="known"/>; otherwise a problem with a
    /// suggestion. Empty names (already reported while reading) pass. A name that may be a copy of an element
    /// whose count was invalid (<c>hv3</c> of <c>name: hv, count: abc</c>) is false without a problem: the bad
    /// count is the one error to report.
    /// </summary>
    public bool Refers<T>(string name, Site site, string noun, IReadOnlyDictionary<string, T> known, string listKey)
    {
        if (name.Length == 0 || known.ContainsKey(name))
        {
            return true;
        }

        if (MayBeUncountedCopy(name))
        {
            return false;
        }

        string? close = Suggestions.Closest(name, known.Keys);
        string hint = close is null ? "" : $"; did you mean '{close}'?";
        string fix = known.Count == 0
            ? $"add it under {listKey}: (there is no {noun} yet)"
            : $"name one of the {noun}s: {List(known.Keys)}";
        Add(site, $"{Echo.Quoted(name)} is not a {noun}{hint}", fix);
        return false;
    }

    private bool MayBeUncountedCopy(string name)
    {
        int digits = name.Length;
        while (digits > 0 && char.IsAsciiDigit(name[digits - 1]))
        {
            digits--;
        }

        return digits < name.Length && uncounted.Contains(name[..digits]);
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
