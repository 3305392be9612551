namespace HyperVSim.Scenarios;

/// <summary>What the caller of <see cref="ScenarioLoader"/> will do with the scenario, beyond the format's own rules.</summary>
public sealed record ScenarioLoadOptions
{
    /// <summary>The format's rules only: every key the format accepts loads, simulated or not.</summary>
    public static readonly ScenarioLoadOptions Default = new();

    /// <summary>For a run: also refuse what this version cannot simulate yet.</summary>
    public static readonly ScenarioLoadOptions ForSimulation = new() { RefuseUnsimulated = true };

    /// <summary>
    /// Report what the model does not simulate yet as errors at their line and column: events with no handler in
    /// <c>ScenarioEventHandlers</c> ("fail events ... are not simulated in this version") and keys it does not use (a
    /// volume's iops and bandwidth).
    /// </summary>
    public bool RefuseUnsimulated { get; init; }

    /// <summary>Values set on the scenario before it is read (<see cref="ScenarioOverride"/>), in order; later ones win.</summary>
    public IReadOnlyList<ScenarioOverride> Overrides { get; init; } = [];
}
