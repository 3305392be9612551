using HyperVSim.Scenarios.Diagnostics;
using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios;

/// <summary>
/// An overlay file (docs/cli.md "Overlays"; <c>run S.yaml --overlay fitted.yaml</c>, written by <c>calibrate</c>): a YAML
/// mapping of key paths to values, each exactly a <c>--set PATH=VALUE</c>, applied in the order written. Errors in it
/// name the overlay's file, line and column.
/// </summary>
public static class ScenarioOverlay
{
    /// <summary>The overrides of the overlay at <paramref name="path"/>, or a <see cref="ScenarioException"/> naming each problem.</summary>
    public static IReadOnlyList<ScenarioOverride> LoadFile(string path)
    {
        string text = InputText.Read(path, "the overlay");
        return LoadText(text, path);
    }

    /// <summary>The overrides of overlay text; <paramref name="fileName"/> names it in errors.</summary>
    public static IReadOnlyList<ScenarioOverride> LoadText(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new Problems();
        YNode? root = YamlTreeReader.Read(text, problems);
        var overrides = new List<ScenarioOverride>();
        if (root is YMapping map)
        {
            foreach (YEntry e in map.Entries)
            {
                if (e.Value is YScalar { IsNull: false } v)
                {
                    overrides.Add(new ScenarioOverride(e.Key.Value, v.Value, fileName, e.Key.Start.Line, e.Key.Start.Column));
                }
                else
                {
                    problems.Add(e.Value.Start, e.Key.Value, $"'{e.Key.Value}' needs a single value, not {e.Value.Shape}", $"write '{e.Key.Value}: VALUE', as --set {e.Key.Value}=VALUE");
                }
            }
        }
        else if (root is not null && !(root is YScalar { IsNull: true }))
        {
            problems.Add(root.Start, "", $"an overlay is a mapping of key paths to values, not {root.Shape}", "write one 'key.path: value' per line, e.g. cluster.liveMigration.setupTime: 1.5s");
        }

        return problems.Count > 0 ? throw new ScenarioException(problems.ToErrors(fileName)) : overrides;
    }
}
