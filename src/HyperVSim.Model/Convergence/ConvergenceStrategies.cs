namespace HyperVSim.Model.Convergence;

/// <summary>The registry of convergence strategies, keyed by the name a scenario uses (cluster.liveMigration.convergence).</summary>
public static class ConvergenceStrategies
{
    private static readonly SortedDictionary<string, IConvergenceStrategy> Registry = new(StringComparer.Ordinal)
    {
        ["none"] = new NoConvergence(),
        ["autoConverge"] = new AutoConverge(),
    };

    public static IReadOnlyCollection<string> Names => Registry.Keys;

    public static IConvergenceStrategy Get(string name) =>
        Registry.TryGetValue(name, out var s)
            ? s
            : throw new ArgumentException($"unknown convergence strategy '{name}'; valid: {string.Join(", ", Names)}", nameof(name));
}
