namespace HyperVSim.Engine;

/// <summary>Limits of one simulation.</summary>
public sealed record SimulationOptions
{
    /// <summary>
    /// The most events one simulation may process before it is stopped as a runaway (a model that
    /// reschedules itself forever). Default 500 million: minutes of wall time, far beyond any scenario.
    /// </summary>
    public long MaxEvents { get; init; } = 500_000_000;
}
