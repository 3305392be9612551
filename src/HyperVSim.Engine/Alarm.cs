namespace HyperVSim.Engine;

/// <summary>
/// A pooled timer that runs a callback with a state object when it is due (<see cref="Simulation.Schedule"/>): once
/// processed, or once its cancelled queue entry is dropped, it goes back to the simulation's pool and is armed again
/// for the next caller, so scheduling costs no allocation. Callers hold an <see cref="AlarmHandle"/>, never the alarm.
/// </summary>
internal sealed class Alarm : Event
{
    private Action<object?>? _callback;
    private object? _state;

    internal Alarm(Simulation simulation)
        : base(simulation, "alarm")
    {
    }

    /// <summary>Counts the times it was armed, so that a handle from an earlier arming cannot cancel a later one.</summary>
    internal int Generation { get; private set; }

    internal void Arm(SimTime due, Action<object?> callback, object? state, string name)
    {
        Name = name;
        _callback = callback;
        _state = state;
        Generation++;
        ScheduleAt(due, null);
    }

    internal bool Cancel()
    {
        if (State != EventState.Triggered)
        {
            return false;
        }

        State = EventState.Cancelled;
        Simulation.NoteCancelled();
        return true;
    }

    /// <summary>Pending again, without callback or state, and back in the pool.</summary>
    internal void Recycle()
    {
        _callback = null;
        _state = null;
        ResetForReuse();
        Simulation.ReturnAlarm(this);
    }

    internal override void Fire()
    {
        Action<object?> callback = _callback!;
        object? state = _state;

        // Back in the pool before the callback runs, which usually schedules the next alarm and gets this one back.
        Recycle();
        callback(state);
    }
}

/// <summary>A scheduled <see cref="Simulation.Schedule"/> callback: it can be cancelled until it has run.</summary>
public readonly struct AlarmHandle : IEquatable<AlarmHandle>
{
    private readonly Alarm? _alarm;
    private readonly int _generation;

    internal AlarmHandle(Alarm alarm, SimTime due)
    {
        _alarm = alarm;
        _generation = alarm.Generation;
        Due = due;
    }

    /// <summary>When the callback runs (or would have run).</summary>
    public SimTime Due { get; }

    /// <summary>True while the callback is scheduled and has neither run nor been cancelled.</summary>
    public bool IsPending => _alarm is not null && _alarm.Generation == _generation && _alarm.State == EventState.Triggered;

    /// <summary>Withdraws the callback; returns false when it already ran or was cancelled (or the handle is empty).</summary>
    public bool Cancel() => IsPending && _alarm!.Cancel();

    public bool Equals(AlarmHandle other) => ReferenceEquals(_alarm, other._alarm) && _generation == other._generation && Due == other.Due;

    public override bool Equals(object? obj) => obj is AlarmHandle other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_alarm, _generation, Due);

    public static bool operator ==(AlarmHandle left, AlarmHandle right) => left.Equals(right);

    public static bool operator !=(AlarmHandle left, AlarmHandle right) => !left.Equals(right);
}
