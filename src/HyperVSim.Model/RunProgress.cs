using HyperVSim.Engine;

namespace HyperVSim.Model;

/// <summary>How far a run has got: the simulated time, the events processed, and the stop time when there is one.</summary>
public readonly record struct RunProgress(SimTime Now, long Events, SimTime? Until)
{
    /// <summary>Fraction done (0 to 1) when the run has a stop time; null otherwise.</summary>
    public double? Fraction => Until is { Nanoseconds: > 0 } u ? Math.Min(1, Now.Nanoseconds / (double)u.Nanoseconds) : null;
}
