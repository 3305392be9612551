namespace HyperVSim.Experiments.Studies;

/// <summary>
/// A study ready to run: its points (each a set of scenario values), the replications of each, the root seed, and the
/// metrics collected from every run. Replication r of point p runs with random streams (seed, p, r).
/// </summary>
public sealed record StudyDefinition(string Name, long Seed, int Replications, IReadOnlyList<StudyPoint> Points, IReadOnlyList<MetricSpec> Metrics)
{
    /// <summary>Runs in the study: points × replications.</summary>
    public int Cases => Points.Count * Replications;
}

/// <summary>One point of the design: the values set on the base scenario (key path, value as written).</summary>
public sealed record StudyPoint(int Index, IReadOnlyList<StudySetting> Settings)
{
    /// <summary>"option=smb, speed=40Gbps": the point in words.</summary>
    public override string ToString() => string.Join(", ", Settings.Select(s => $"{s.Path}={s.Value}"));
}

/// <summary>A scenario value a point sets.</summary>
public sealed record StudySetting(string Path, string Value);

/// <summary>
/// A metric: a report field (<c>drains[0].totalSeconds</c>; <c>[]</c> for every item, <c>migrations[].totalSeconds</c>)
/// reduced within a run by <see cref="Aggregate"/> (mean, max, min, sum, count, pNN), then summarised across
/// replications.
/// </summary>
public sealed record MetricSpec(string Name, string Field, string Aggregate);

/// <summary>A slice of a study for one job of a batch engine: the cases whose index modulo <see cref="Count"/> is <see cref="Index"/> − 1.</summary>
public readonly record struct Shard(int Index, int Count)
{
    public bool Takes(int caseIndex) => caseIndex % Count == Index - 1;

    /// <summary>Parses "K/N" with 1 ≤ K ≤ N; null otherwise.</summary>
    public static Shard? Parse(string text)
    {
        string[] parts = (text ?? "").Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], out int k) && int.TryParse(parts[1], out int n) && n >= 1 && k >= 1 && k <= n
            ? new Shard(k, n)
            : null;
    }
}

/// <summary>Where a study run is: cases done (this run and before), of how many, and the time per case so far.</summary>
public readonly record struct StudyProgress(int Done, int Total, int Skipped, TimeSpan Elapsed);
