namespace HyperVSim.Engine;

/// <summary>Why <see cref="Simulation.Run(SimTime?)"/> returned.</summary>
public enum RunStop
{
    /// <summary>No event was left.</summary>
    NoEventsLeft,

    /// <summary>The requested stop time was reached.</summary>
    TimeReached,

    /// <summary>The stop condition became true.</summary>
    ConditionMet,
}

/// <summary>The result of a run: why it stopped, the time then, and how many events it processed.</summary>
public readonly record struct RunOutcome(RunStop Stop, SimTime Time, long EventsProcessed);
