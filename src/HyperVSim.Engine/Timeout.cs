namespace HyperVSim.Engine;

/// <summary>An event that the simulation triggers itself after a delay. It can be cancelled until it is processed.</summary>
public sealed class Timeout : Event
{
    internal Timeout(Simulation simulation, SimTime delay, object? value, string name)
        : base(simulation, name)
    {
        if (delay < SimTime.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, $"timeout '{name}' has a negative delay");
        }

        Due = simulation.Now + delay;
        ScheduleAt(Due, value);
    }

    /// <summary>When it fires.</summary>
    public SimTime Due { get; }

    /// <summary>Withdraws the timeout: it will not fire. Returns false when it had already been processed or cancelled.</summary>
    public bool Cancel()
    {
        if (State != EventState.Triggered)
        {
            return false;
        }

        State = EventState.Cancelled;
        Simulation.NoteCancelled();
        return true;
    }
}
