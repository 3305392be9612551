using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Scenarios;

/// <summary>
/// The keys the scenario format accepts at each mapping level, exactly as the loader checks them; the JSON schema
/// (docs/scenario.schema.json) must list the same. Level paths: <c>""</c> is the top level, <c>cluster.heartbeat</c>
/// a nested mapping, <c>hosts[].nics[]</c> an item of a list.
/// </summary>
public static class ScenarioKeys
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Levels { get; } =
        KeyLevels.All.ToDictionary(l => l.Path, l => l.Keys, StringComparer.Ordinal);
}
