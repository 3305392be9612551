using HyperVSim.Scenarios.Diagnostics;
using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios.Reading;

/// <summary>
/// Where an element of the scenario (a host, a VM, an event) and each value read from it were written: validation
/// names a value by its path relative to the element (<c>nics[1].networks[0]</c>) and gets its line and column.
/// </summary>
internal sealed class Origin(string path, Position at)
{
    private readonly Dictionary<string, Position> fields = new(StringComparer.Ordinal);

    public string Path { get; } = path;

    public Position At { get; } = at;

    public Site Self => new(At, Path);

    public void Record(string relative, Position at) => fields[relative] = at;

    public bool Has(string relative) => fields.ContainsKey(relative);

    /// <summary>The site of a value; when it was not written, the nearest written parent's position.</summary>
    public Site Of(string relative)
    {
        string path = Site.Join(Path, relative);
        string probe = relative;
        while (probe.Length > 0)
        {
            if (fields.TryGetValue(probe, out Position p))
            {
                return new Site(p, path);
            }

            probe = Parent(probe);
        }

        return new Site(At, path);
    }

    private static string Parent(string relative)
    {
        int cut = Math.Max(relative.LastIndexOf('.'), relative.LastIndexOf('['));
        return cut <= 0 ? "" : relative[..cut];
    }
}
