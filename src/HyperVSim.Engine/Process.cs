namespace HyperVSim.Engine;

/// <summary>
/// A sequence of steps that waits on events: an iterator that yields the event to wait for, and reads its
/// outcome after the <c>yield</c>. The process is itself an event that succeeds when the iterator ends, and
/// fails (stopping the run, unless something waits on it) when a step throws.
/// </summary>
public sealed class Process : Event
{
    private IEnumerator<Event>? _steps;
    private Event? _target;

    internal Process(Simulation simulation, string name)
        : base(simulation, name)
    {
    }

    /// <summary>True until the iterator has ended.</summary>
    public bool IsAlive => State == EventState.Pending;

    /// <summary>The event the process waits on now, if any.</summary>
    public Event? Target => _target;

    /// <summary>The cause given to the last <see cref="Interrupt"/> that woke the process, cleared when read.</summary>
    public object? InterruptCause { get; private set; }

    /// <summary>True when the process was woken by <see cref="Interrupt"/> rather than by the event it waited on.</summary>
    public bool Interrupted { get; private set; }

    /// <summary>The value the process ends with (set by its steps before they end).</summary>
    public object? Result { get; set; }

    internal void Start(IEnumerable<Event> steps)
    {
        _steps = steps.GetEnumerator();
        var start = new Event(Simulation, Name + ":start");
        start.AddWaiter(this);
        start.Succeed(null, EventPriority.Urgent);
    }

    /// <summary>
    /// Wakes the process now, out of its wait: it stops waiting on its target, and on resuming sees
    /// <see cref="Interrupted"/> true and <see cref="InterruptCause"/>. Not allowed on an ended process.
    /// </summary>
    public void Interrupt(object? cause = null)
    {
        if (!IsAlive)
        {
            throw new SimulationException($"process '{Name}' has ended and cannot be interrupted");
        }

        _target?.RemoveWaiter(this);
        _target = null;
        var wake = new Event(Simulation, Name + ":interrupt");
        wake.AddWaiter(this);
        wake.Succeed(new InterruptMarker(cause), EventPriority.Urgent);
    }

    /// <summary>Clears the interrupt flag and returns its cause.</summary>
    public object? TakeInterrupt()
    {
        object? cause = InterruptCause;
        Interrupted = false;
        InterruptCause = null;
        return cause;
    }

    internal void Resume(Event trigger)
    {
        if (!IsAlive || _steps is null)
        {
            return;
        }

        if (trigger.Ok && trigger.Value is InterruptMarker marker)
        {
            Interrupted = true;
            InterruptCause = marker.Cause;
        }
        else if (_target is not null && !ReferenceEquals(trigger, _target))
        {
            // A stale wake-up (the process moved on): ignore.
            return;
        }

        _target = null;
        while (true)
        {
            bool more;
            Process? previous = Simulation.ActiveProcess;
            Simulation.ActiveProcess = this;
            try
            {
                more = _steps.MoveNext();
            }
            catch (Exception ex) when (ex is not SimulationException)
            {
                _steps.Dispose();
                Fail(new SimulationException($"process '{Name}' failed at {Simulation.Now}: {ex.Message}", ex), EventPriority.Urgent);
                return;
            }
            finally
            {
                Simulation.ActiveProcess = previous;
            }

            if (!more)
            {
                _steps.Dispose();
                Succeed(Result, EventPriority.Urgent);
                return;
            }

            Event next = _steps.Current ?? throw new SimulationException($"process '{Name}' yielded null; yield an event to wait on");
            if (!ReferenceEquals(next.Simulation, Simulation))
            {
                throw new SimulationException($"process '{Name}' yielded event '{next.Name}' of another simulation");
            }

            if (next.State is EventState.Processed)
            {
                continue;
            }

            if (next.State is EventState.Cancelled)
            {
                throw new SimulationException($"process '{Name}' waits on cancelled event '{next.Name}', which would never fire");
            }

            _target = next;
            next.AddWaiter(this);
            return;
        }
    }

    private sealed record InterruptMarker(object? Cause);
}
