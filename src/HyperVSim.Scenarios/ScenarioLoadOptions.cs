namespace HyperVSim.Scenarios;

/// <summary>What the caller of <see cref="ScenarioLoader"/> will do with the scenario, beyond the format's own rules.</summary>
public sealed record ScenarioLoadOptions
{
    /// <summary>The format's rules only: every key the format accepts loads, simulated or not.</summary>
    public static readonly ScenarioLoadOptions Default = new();

    /// <summary>For a run: also refuse what this version cannot simulate yet.</summary>
    public static readonly ScenarioLoadOptions ForSimulation = new() { RefuseUnsimulatedEvents = true };

    /// <summary>
    /// Report fail and repair events as errors at their line and column ("fail events are not simulated in this
    /// version"), since the model does not simulate failures yet.
    /// </summary>
    public bool RefuseUnsimulatedEvents { get; init; }
}
