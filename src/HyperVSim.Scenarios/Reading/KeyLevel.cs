namespace HyperVSim.Scenarios.Reading;

/// <summary>The keys of one mapping level of the format, and an example shown when the level has the wrong shape.</summary>
internal sealed record KeyLevel(string Path, IReadOnlyList<string> Keys, string Example)
{
    public bool Contains(string key) => Keys.Contains(key, StringComparer.Ordinal);
}
