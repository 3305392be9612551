using System.Runtime.CompilerServices;

namespace HyperVSim.Engine;

/// <summary>
/// A sequence of steps that waits on events: an iterator that yields the event to wait for, and reads its
/// outcome after the <c>yield</c>. The process is itself an event that succeeds when the iterator ends. It
/// fails (stopping the run, unless something waits on it) when a step throws, when an event it waits on fails
/// and the wait did not tolerate that (<see cref="Event.Tolerated"/>), and when it is killed (<see cref="Kill"/>;
/// that failure alone stops nothing when nobody waits). Whenever it ends early, its iterator is disposed, so
/// its pending <c>finally</c> and <c>using</c> blocks run.
/// </summary>
public sealed class Process : Event
{
    private IEnumerator<Event>? _steps;
    private Event? _target;
    private readonly Delay _ownDelay;

    /// <summary>The event whose failure the current wait reads itself (<see cref="Event.Tolerated"/>), if any.</summary>
    private Event? _tolerated;

    /// <summary>
    /// Set by a <see cref="Kill"/> that could not end the process at once, or that is ending it now: the cause,
    /// or <see cref="NoCause"/> for a null one (one field, so the check after each step reads just this).
    /// </summary>
    private object? _kill;

    private static readonly object NoCause = new();

    /// <summary>
    /// True while the iterator runs (a step, or its finally blocks as the process ends). Not the same as being the
    /// <see cref="Simulation.ActiveProcess"/>: a step that kills another process is still running while that
    /// process's finally blocks run, and must not be disposed from there.
    /// </summary>
    private bool _stepping;

    // The name's source when it is built on first read (null when the process was given its name).
    private readonly object? _nameState;
    private readonly Func<object, string>? _nameOf;

    internal Process(Simulation simulation, string name)
        : base(simulation, name)
    {
        // Allocated with the process so that the two sit side by side in memory: waking a process touches both.
        _ownDelay = new Delay(simulation, this);
    }

    /// <summary>A process named by <paramref name="nameOf"/>(<paramref name="state"/>) when its name is first read.</summary>
    internal Process(Simulation simulation, object state, Func<object, string> nameOf)
        : base(simulation)
    {
        _nameState = state;
        _nameOf = nameOf;
        _ownDelay = new Delay(simulation, this);
    }

    private protected override string NameLater() => _nameOf!(_nameState!);

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
        var start = new StartWake(this);
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

    /// <summary>
    /// Ends the process now, as failed with a <see cref="ProcessKilledException"/> carrying <paramref name="cause"/>:
    /// it stops waiting on its target (a <see cref="Simulation.Delay"/> it waited on is withdrawn, so it neither
    /// fires nor holds the clock), its iterator is disposed so that its pending <c>finally</c> and <c>using</c>
    /// blocks run, and it never resumes. Whatever waits on the process sees the failure; when nothing does, the
    /// kill stops nothing (it was deliberate). Killed from inside its own step, the process ends when that step
    /// yields or ends, instead of waiting on what it yielded (unless the step throws: it then fails with that).
    /// Returns false, doing nothing, when the process has already ended or is already being killed.
    /// </summary>
    public bool Kill(object? cause = null)
    {
        if (!IsAlive || _kill is not null)
        {
            return false;
        }

        _kill = cause ?? NoCause;
        if (_stepping)
        {
            // Its iterator is running (its own step, or a finally block as it ends, perhaps through other
            // processes) and cannot be disposed now; Resume ends the process when the step yields.
            return true;
        }

        Event? target = Target;
        Detach();
        (target as Delay)?.TryWithdraw();
        EndKilled();
        return true;
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
            _tolerated = null;
        }
        else if (_target is not null && !ReferenceEquals(trigger, _target))
        {
            // A stale wake-up (the process moved on): ignore.
            return;
        }
        else
        {
            if (Interrupted)
            {
                Interrupted = false;
                InterruptCause = null;
            }
        }

        _target = null;
        Simulation sim = Simulation;
        while (true)
        {
            bool more;
            Process? previous = sim.ActiveProcess;
            sim.ActiveProcess = this;
            _stepping = true;
            try
            {
                more = steps.MoveNext();
            }
            catch (Exception ex) when (ex is not SimulationException)
            {
                FailStep(ex);
                return;
            }
            finally
            {
                _stepping = false;

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

            if (_kill is not null)
            {
                // Killed by its own step: end now rather than wait on what it yielded.
                (more ? steps.Current as Delay : null)?.TryWithdraw();
                EndKilled();
                return;
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

            // Throws unless the event was already processed, in which case its outcome is there to read: go on,
            // unless it failed and the wait does not tolerate that.
            CheckProcessed(next);
            if (next!.Error is not null && !TakeTolerance(next))
            {
                FailWait(next);
                return;
            }
        }
    }

    /// <summary>
    /// Resumes the process after <paramref name="failed"/>, which it waited on, failed: goes on when the wait
    /// tolerated that, and ends the process as failed otherwise. Events call this instead of <see cref="Resume"/>
    /// when they failed, so that the common path, a success, checks nothing.
    /// </summary>
    internal void ResumeAfterFailure(Event failed)
    {
        if (State != EventState.Pending || _steps is null || (_target is not null && !ReferenceEquals(failed, _target)))
        {
            return;
        }

        if (TakeTolerance(failed))
        {
            Resume(failed);
            return;
        }

        _target = null;
        Interrupted = false;
        InterruptCause = null;
        FailWait(failed);
    }

    /// <summary>Marks the wait on <paramref name="e"/>, which the running step is about to yield, as tolerating its failure.</summary>
    internal void Tolerate(Event e) => _tolerated = e;

    /// <summary>
    /// Whether the wait on <paramref name="failed"/> tolerated its failure; uses the mark up. (A mark on an event
    /// that succeeded stays, harmlessly: that event never fails later.)
    /// </summary>
    private bool TakeTolerance(Event failed)
    {
        bool tolerated = ReferenceEquals(failed, _tolerated);
        _tolerated = null;
        return tolerated;
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
    private void FailStep(Exception ex) =>
        End(new SimulationException($"process '{Name}' failed at {Simulation.Now}: {ex.Message}", ex), quiet: false);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FailWait(Event failed) =>
        End(new UnhandledFailureException(Name, failed.Name, Simulation.Now, failed.Error!), quiet: false);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EndKilled()
    {
        object? cause = ReferenceEquals(_kill, NoCause) ? null : _kill;
        End(new ProcessKilledException(Name, cause, Simulation.Now), quiet: true);
    }

    /// <summary>
    /// Ends the process as failed with <paramref name="error"/>: disposes its iterator (running its pending
    /// finally blocks, as the active process) and fails its event. A finally block that throws replaces the
    /// error by one that names it, and that one is never quiet.
    /// </summary>
    private void End(Exception error, bool quiet)
    {
        IEnumerator<Event>? steps = _steps;
        _steps = null;
        _target = null;
        _tolerated = null;

        // Its own delay, left scheduled with nobody listening (say in a decided AnyOf), would only hold the clock.
        _ownDelay.TryWithdraw();
        Exception? late = null;
        if (steps is not null)
        {
            Simulation sim = Simulation;
            Process? previous = sim.ActiveProcess;
            bool wasStepping = _stepping;
            sim.ActiveProcess = this;
            _stepping = true;
            try
            {
                steps.Dispose();
            }
            catch (Exception ex)
            {
                late = ex;
            }
            finally
            {
                _stepping = wasStepping;
                sim.ActiveProcess = previous;
            }
        }

        if (late is not null)
        {
            error = new SimulationException(
                $"process '{Name}' failed at {Simulation.Now} in a finally block while ending ({error.Message}): {late.Message}", late);
            quiet = false;
        }

        if (quiet)
        {
            FailQuietly(error, EventPriority.Urgent);
        }
        else
        {
            Fail(error, EventPriority.Urgent);
        }
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

    /// <summary>The event that starts the process, named "<c>process:start</c>" when that is read.</summary>
    private sealed class StartWake(Process process) : Event(process.Simulation)
    {
        private protected override string NameLater() => $"{process.Name}:start";
    }

    /// <summary>The event that delivers an <see cref="Interrupt"/>; its value is the cause.</summary>
    private sealed class InterruptWake(Simulation simulation, string name) : Event(simulation, name);
}
