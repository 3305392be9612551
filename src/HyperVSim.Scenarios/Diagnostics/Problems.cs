using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios.Diagnostics;

/// <summary>Collects every problem of a scenario, so the user sees them all at once.</summary>
internal sealed class Problems
{
    /// <summary>Most errors listed; past it one last error says how many more there are.</summary>
    public const int MaxReported = 1000;

    private readonly List<Problem> items = [];

    public int Count => items.Count;

    public void Add(Position at, string path, string message, string fix) => items.Add(new Problem(at, path, message, fix));

    public void Add(Site site, string message, string fix) => Add(site.At, site.Path, message, fix);

    /// <summary>The problems in text order, repeats removed (count-expanded elements share one source).</summary>
    public IReadOnlyList<ScenarioError> ToErrors(string file) => ToErrors(file, []);

    /// <summary>
    /// As <see cref="ToErrors(string)"/>; a problem in a value set by an override (its position is the override's
    /// marker, see <see cref="Overrides"/>) names where the override was written, with the override in the path.
    /// </summary>
    public IReadOnlyList<ScenarioError> ToErrors(string file, IReadOnlyList<ScenarioOverride> overrides)
    {
        ScenarioError Error(Problem p)
        {
            if (Overrides.Index(p.At) is { } i && i < overrides.Count)
            {
                ScenarioOverride o = overrides[i];
                return new ScenarioError(o.SourceFile, o.SourceLine, o.SourceColumn, $"{o.Path} (set to '{o.Value}' for {file})", p.Message, p.Fix);
            }

            return new ScenarioError(file, p.At.Line, p.At.Column, p.Path, p.Message, p.Fix);
        }

        Problem[] sorted = items
            .Select((p, i) => (p, i))
            .OrderBy(x => x.p.At.Line).ThenBy(x => x.p.At.Column).ThenBy(x => x.i)
            .Select(x => x.p)
            .Distinct()
            .ToArray();
        var errors = sorted.Take(MaxReported).Select(Error).ToList();
        if (sorted.Length > MaxReported)
        {
            Problem next = sorted[MaxReported];
            errors.Add(new ScenarioError(file, next.At.Line, next.At.Column, "", $"and {sorted.Length - MaxReported} more problems from here on", "fix the problems above first, then load the scenario again"));
        }

        return errors;
    }
}
