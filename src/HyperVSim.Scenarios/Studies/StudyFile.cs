namespace HyperVSim.Scenarios.Studies;

/// <summary>
/// A study file as written (docs/studies.md): the base scenario (a path relative to the study file), the root seed,
/// replications per point, the parameters (a list of values is a grid axis; a range is sampled by a Latin hypercube),
/// the design, and the metrics. Each parameter and metric remembers where it was written, for errors.
/// </summary>
public sealed record StudyFile
{
    public required string Name { get; init; }

    /// <summary>The base scenario's full path.</summary>
    public required string Scenario { get; init; }

    public long Seed { get; init; } = 1;

    public int Replications { get; init; } = 1;

    public IReadOnlyList<StudyParameter> Parameters { get; init; } = [];

    /// <summary>grid (every combination of the lists) or latinHypercube (<see cref="Samples"/> points over the ranges).</summary>
    public string Design { get; init; } = "grid";

    /// <summary>Points of a Latin hypercube design.</summary>
    public int Samples { get; init; }

    public IReadOnlyList<StudyMetric> Metrics { get; init; } = [];

    /// <summary>The study file's path, for messages.</summary>
    public required string Path { get; init; }
}

/// <summary>A varied key path: its values (grid) or its range [From, To] with a unit (hypercube), and where it was written.</summary>
public sealed record StudyParameter(string KeyPath, IReadOnlyList<string> Values, string? From, string? To, int Line, int Column);

/// <summary>A metric to collect: name, report field path, aggregate within a run.</summary>
public sealed record StudyMetric(string Name, string Field, string Aggregate, int Line, int Column);
