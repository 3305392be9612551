using System.Runtime.CompilerServices;

namespace HyperVSim.Engine;

/// <summary>
/// Something that happens at one simulated instant. Pending until triggered with <see cref="Succeed"/> or
/// <see cref="Fail"/>; the simulation then processes it, resuming the process waiting on it and running its
/// callbacks. Triggering twice throws and names the event. A failed event that nobody waits on stops the run.
/// A process waiting on an event that fails fails too, unless it yielded <see cref="Tolerated"/>.
/// </summary>
public class Event
{
    private object? _value;
    private Exception? _error;
    private Process? _waiter;
    private List<Process>? _moreWaiters;
    // The first callback sits in a field of its own, like the first waiter: most events have at most one, and then
    // listening costs no list. Once others queue behind it, newcomers go after them, so callbacks run in the order added.
    private Action<Event>? _callback;
    private List<Action<Event>>? _moreCallbacks;

    /// <summary>True when the failure is deliberate (a killed process): it stops nothing when nobody handles it.</summary>
    private bool _quiet;

    private string? _name;

    public Event(Simulation simulation, string name)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        Simulation = simulation;
        _name = name ?? throw new ArgumentNullException(nameof(name));
    }

    /// <summary>An event that names itself when its name is first read (<see cref="NameLater"/>).</summary>
    private protected Event(Simulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        Simulation = simulation;
    }

    public Simulation Simulation { get; }

    /// <summary>A name for messages and traces.</summary>
    public string Name
    {
        get => _name ??= NameLater();
        private protected set => _name = value;
    }

    /// <summary>
    /// The name of an event made without one, built when first read: a model makes events by the thousand whose names
    /// only a message would show, so those are formatted only then.
    /// </summary>
    private protected virtual string NameLater() => throw new InvalidOperationException("an event made without a name must name itself");

    public EventState State { get; internal set; }

    /// <summary>True unless the event failed.</summary>
    public bool Ok => _error is null;

    /// <summary>The failure, when the event failed.</summary>
    public Exception? Error => _error;

    /// <summary>The value it succeeded with; reading it on a failed event throws the failure.</summary>
    public object? Value => _error is null
        ? _value
        : throw new SimulationException($"event '{Name}' failed: {_error.Message}", _error);

    /// <summary>Triggers the event now with a value; it is processed after the events already due at this instant.</summary>
    public Event Succeed(object? value = null, EventPriority priority = EventPriority.Normal)
    {
        EnsurePending("succeed");
        _value = value;
        State = EventState.Triggered;
        Simulation.Enqueue(this, Simulation.Now, priority);
        return this;
    }

    /// <summary>Triggers the event now as failed.</summary>
    public Event Fail(Exception error, EventPriority priority = EventPriority.Normal)
    {
        ArgumentNullException.ThrowIfNull(error);
        EnsurePending("fail");
        _error = error;
        State = EventState.Triggered;
        Simulation.Enqueue(this, Simulation.Now, priority);
        return this;
    }

    /// <summary>
    /// Returns this event, marking the running process's wait on it as one that reads a failure itself: write
    /// <c>yield return e.Tolerated();</c> and then check <see cref="Ok"/> and <see cref="Error"/>. Without it, a
    /// process whose awaited event fails ends as failed with an <see cref="UnhandledFailureException"/>. The mark
    /// covers only the next wait of the process that calls it, and only on this event. Throws outside a step.
    /// </summary>
    public Event Tolerated()
    {
        Process process = Simulation.ActiveProcess ?? throw NoProcessToTolerate();
        process.Tolerate(this);
        return this;
    }

    /// <summary>Runs <paramref name="callback"/> when the event is processed. Not allowed once processed.</summary>
    public void AddCallback(Action<Event> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (State is EventState.Processed or EventState.Cancelled)
        {
            throw new SimulationException($"event '{Name}' is {State}: a callback can no longer be added");
        }

        if (_callback is null && (_moreCallbacks is null || _moreCallbacks.Count == 0))
        {
            _callback = callback;
        }
        else
        {
            (_moreCallbacks ??= new List<Action<Event>>(2)).Add(callback);
        }
    }

    /// <summary>Withdraws a callback added before (conditions, once decided): its first entry, if any.</summary>
    internal void RemoveCallback(Action<Event> callback)
    {
        if (_callback is not null && _callback.Equals(callback))
        {
            _callback = null;
        }
        else
        {
            _moreCallbacks?.Remove(callback);
        }
    }

    /// <summary>True when a process waits on the event or a callback listens to it.</summary>
    private protected bool HasListeners =>
        _waiter is not null || _moreWaiters is { Count: > 0 } || _callback is not null || _moreCallbacks is { Count: > 0 };

    /// <summary>Fails the event as <see cref="Fail"/> does, but as a deliberate outcome: unhandled, it stops nothing.</summary>
    private protected void FailQuietly(Exception error, EventPriority priority)
    {
        Fail(error, priority);
        _quiet = true;
    }

    internal void AddWaiter(Process process)
    {
        // The first slot is only for the first waiter: once others queue behind it, newcomers go after them,
        // even if the first one has left (interrupted), so waiters resume in the order they began waiting.
        if (_waiter is null && (_moreWaiters is null || _moreWaiters.Count == 0))
        {
            _waiter = process;
        }
        else
        {
            (_moreWaiters ??= new List<Process>(2)).Add(process);
        }
    }

    internal void RemoveWaiter(Process process)
    {
        if (ReferenceEquals(_waiter, process))
        {
            _waiter = null;
        }
        else
        {
            _moreWaiters?.Remove(process);
        }
    }

    /// <summary>Sets the event up to be triggered at a later time by the simulation itself (timeouts).</summary>
    private protected void ScheduleAt(SimTime at, object? value)
    {
        _value = value;
        State = EventState.Triggered;
        Simulation.Enqueue(this, at, EventPriority.Normal);
    }

    /// <summary>Processes the event: resumes its waiters, then runs its callbacks, in the order they were added.</summary>
    internal virtual void Fire() => FireWith(null);

    /// <summary>Processes the event, resuming <paramref name="first"/> (a waiter kept outside the lists) before the others.</summary>
    private protected void FireWith(Process? first)
    {
        State = EventState.Processed;
        Process? waiter = _waiter;
        List<Process>? more = _moreWaiters;
        Action<Event>? callback = _callback;
        List<Action<Event>>? callbacks = _moreCallbacks;
        _waiter = null;
        _moreWaiters = null;
        _callback = null;
        _moreCallbacks = null;
        if (_error is not null && !_quiet && first is null && waiter is null && (more is null || more.Count == 0)
            && callback is null && (callbacks is null || callbacks.Count == 0))
        {
            ThrowUnhandled(_error);
        }

        if (first is not null)
        {
            Wake(first);
        }

        if (waiter is not null)
        {
            Wake(waiter);
        }

        if (more is not null)
        {
            foreach (Process p in more)
            {
                Wake(p);
            }
        }

        callback?.Invoke(this);
        if (callbacks is not null)
        {
            foreach (Action<Event> cb in callbacks)
            {
                cb(this);
            }
        }
    }

    /// <summary>Resumes a waiting process with this event's outcome.</summary>
    private void Wake(Process process)
    {
        if (_error is null)
        {
            process.Resume(this);
        }
        else
        {
            process.ResumeAfterFailure(this);
        }
    }

    /// <summary>
    /// When the only listener is one waiting process (no other waiters, no callbacks, no failure), detaches and
    /// returns it: the fast path of pooled delays, which need no list walking. Otherwise returns false.
    /// </summary>
    private protected bool TryTakeSoleWaiter(out Process? waiter)
    {
        if (_moreWaiters is null && _callback is null && _moreCallbacks is null && _error is null)
        {
            waiter = _waiter;
            _waiter = null;
            return true;
        }

        waiter = null;
        return false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private SimulationException NoProcessToTolerate() =>
        new($"event '{Name}': Tolerated() marks the wait of the running process; call it in a step, as 'yield return e.Tolerated()'");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowUnhandled(Exception error) =>
        throw new SimulationException($"event '{Name}' failed at {Simulation.Now} and nothing handled it: {error.Message}", error);

    /// <summary>Returns a recycled event to its pending state (pooled delays only).</summary>
    private protected void ResetForReuse()
    {
        _value = null;
        _error = null;
        _waiter = null;
        _moreWaiters = null;
        _callback = null;
        _moreCallbacks = null;
        State = EventState.Pending; // never failed, so never quiet: a pooled delay cannot be failed
    }

    private void EnsurePending(string verb)
    {
        if (State != EventState.Pending)
        {
            ThrowNotPending(verb);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowNotPending(string verb) =>
        throw new SimulationException($"event '{Name}' cannot {verb}: it is already {State}");

    public override string ToString() => $"{Name} ({State})";
}

/// <summary>An event named by <c>nameOf(state)</c> when its name is first read (<see cref="Simulation.Event(object, Func{object, string})"/>).</summary>
internal sealed class LaterNamedEvent(Simulation simulation, object state, Func<object, string> nameOf) : Event(simulation)
{
    private protected override string NameLater() => nameOf(state);
}
