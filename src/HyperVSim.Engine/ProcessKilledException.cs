namespace HyperVSim.Engine;

/// <summary>
/// The failure of a process ended by <see cref="Process.Kill"/>: what a process waiting on it reads as the
/// killed process's <see cref="Event.Error"/>. <see cref="Cause"/> is what the killer gave.
/// </summary>
public sealed class ProcessKilledException : Exception
{
    public ProcessKilledException(string processName, object? cause, SimTime at)
        : base($"process '{processName}' was killed at {at}" + (cause is null ? string.Empty : $": {cause}"))
    {
        ProcessName = processName;
        Cause = cause;
        At = at;
    }

    /// <summary>The name of the killed process.</summary>
    public string ProcessName { get; }

    /// <summary>The cause given to <see cref="Process.Kill"/>, if any.</summary>
    public object? Cause { get; }

    /// <summary>When the process was killed.</summary>
    public SimTime At { get; }
}
