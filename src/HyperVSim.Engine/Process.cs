using System.Runtime.CompilerServices;

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
    private readonly Delay _ownDelay;

    internal Process(Simulation simulation, string name)
        : base(simulation, name)
    {
        // Allocated with the process so that the two sit side by side in memory: waking a process touches both.
        _ownDelay = new Delay(simulation, this);
    }

    /// <summary>True until the iterator has ended.</summary>
    public bool IsAlive => State == EventState.Pending;

    /// <summary>The event the process waits on now, if any.</summary>
    public Event? Target => _ownDelay.OwnerWaits ? _ownDelay : _target;

    /// <summary>
    /// The cause given to the <see cref="Interrupt"/> that woke the process this time; null after a wake by the
    /// awaited event, or once taken with <see cref="TakeInterrupt"/>.
    /// </summary>
    public object? InterruptCause { get; private set; }

    /// <summary>
    /// True when the process was woken this time by <see cref="Interrupt"/> rather than by the event it waited
    /// on; it reads false again after the next ordinary wake.
    /// </summary>
    public bool Interrupted { get; private set; }

    /// <summary>The value the process ends with (set by its steps before they end).</summary>
    public object? Result { get; set; }

    /// <summary>This process's own delay, if it is not in use.</summary>
    internal Delay? FreeOwnDelay() => _ownDelay.State == EventState.Pending ? _ownDelay : null;

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

        Detach();
        var wake = new InterruptWake(Simulation, Name + ":interrupt");
        wake.AddWaiter(this);
        wake.Succeed(cause, EventPriority.Urgent);
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
        IEnumerator<Event>? steps = _steps;
        if (State != EventState.Pending || steps is null)
        {
            return;
        }

        if (trigger is InterruptWake)
        {
            // Normally Interrupt() already detached the process from its target; not when a second interrupt
            // was sent before the first was delivered, or before the process started.
            Detach();
            Interrupted = true;
            InterruptCause = trigger.Value;
        }
        else if (_target is not null && !ReferenceEquals(trigger, _target))
        {
            // A stale wake-up (the process moved on): ignore.
            return;
        }
        else if (Interrupted)
        {
            Interrupted = false;
            InterruptCause = null;
        }

        _target = null;
        Simulation sim = Simulation;
        while (true)
        {
            bool more;
            Process? previous = sim.ActiveProcess;
            sim.ActiveProcess = this;
            try
            {
                more = steps.MoveNext();
            }
            catch (Exception ex) when (ex is not SimulationException)
            {
                FailStep(steps, ex);
                return;
            }
            finally
            {
                // Storing a constant null needs no GC write barrier, and the outermost process is the usual case.
                if (previous is null)
                {
                    sim.ActiveProcess = null;
                }
                else
                {
                    sim.ActiveProcess = previous;
                }
            }

            if (!more)
            {
                steps.Dispose();
                Succeed(Result, EventPriority.Urgent);
                return;
            }

            Event? next = steps.Current;
            if (ReferenceEquals(next, _ownDelay) && next.State == EventState.Triggered)
            {
                _ownDelay.OwnerWaits = true;
                return;
            }

            if (next is not null && next.State <= EventState.Triggered && ReferenceEquals(next.Simulation, sim))
            {
                _target = next;
                next.AddWaiter(this);
                return;
            }

            // Throws unless the event was already processed, in which case its outcome is there to read: go on.
            CheckProcessed(next);
        }
    }

    /// <summary>Stops waiting on the current target, if any.</summary>
    private void Detach()
    {
        if (_ownDelay.OwnerWaits)
        {
            _ownDelay.OwnerWaits = false;
        }
        else
        {
            _target?.RemoveWaiter(this);
        }

        _target = null;
    }

    // The messages below live in their own methods, out of the hot path: building them there keeps the frame
    // of Resume small (no string-building locals to clear on every call).

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FailStep(IEnumerator<Event> steps, Exception ex)
    {
        steps.Dispose();
        Fail(new SimulationException($"process '{Name}' failed at {Simulation.Now}: {ex.Message}", ex), EventPriority.Urgent);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CheckProcessed(Event? next)
    {
        if (next is null)
        {
            throw new SimulationException($"process '{Name}' yielded null; yield an event to wait on");
        }

        if (!ReferenceEquals(next.Simulation, Simulation))
        {
            throw new SimulationException($"process '{Name}' yielded event '{next.Name}' of another simulation");
        }

        if (next.State == EventState.Cancelled)
        {
            throw new SimulationException($"process '{Name}' waits on cancelled event '{next.Name}', which would never fire");
        }
    }

    /// <summary>The event that delivers an <see cref="Interrupt"/>; its value is the cause.</summary>
    private sealed class InterruptWake(Simulation simulation, string name) : Event(simulation, name);
}
