namespace HyperVSim.Engine;

/// <summary>
/// The failure of a process that waited on an event which failed, when the wait did not tolerate failure
/// (<see cref="Event.Tolerated"/>). <see cref="Exception.InnerException"/> is the event's own error.
/// </summary>
public sealed class UnhandledFailureException : Exception
{
    public UnhandledFailureException(string processName, string eventName, SimTime at, Exception eventError)
        : base($"process '{processName}' waited on event '{eventName}', which failed at {at}: {eventError?.Message}", eventError)
    {
        ArgumentNullException.ThrowIfNull(eventError);
        ProcessName = processName;
        EventName = eventName;
    }

    /// <summary>The process that ended because of the failure.</summary>
    public string ProcessName { get; }

    /// <summary>The event that failed.</summary>
    public string EventName { get; }
}
