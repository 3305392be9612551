namespace HyperVSim.Engine;

/// <summary>Raised when a simulation cannot go on: an unhandled failed event, an invalid transition, a runaway.</summary>
public sealed class SimulationException : Exception
{
    public SimulationException(string message)
        : base(message)
    {
    }

    public SimulationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
