using System.Runtime.CompilerServices;

namespace HyperVSim.Engine;

/// <summary>
/// The clock and the future event list. Everything that happens is an <see cref="HyperVSim.Engine.Event"/> processed in
/// (time, priority, insertion) order; multi-step activities are <see cref="HyperVSim.Engine.Process"/> iterators. The
/// simulation knows nothing of what it simulates.
/// </summary>
public sealed class Simulation
{
    /// <summary>Cancelled entries below this many are left to be dropped when due (a purge of a small queue is not worth it).</summary>
    internal const int PurgeMinimum = 1024;

    private readonly EventQueue _queue = new();
    private readonly Stack<Delay> _delayPool = new();
    private readonly Stack<Alarm> _alarmPool = new();
    private readonly long _maxEvents;
    private long _cancelledPending;
    private readonly Action<Event> _dropCancelled;

    public Simulation(SimulationOptions? options = null)
    {
        Options = options ?? new SimulationOptions();
        if (Options.MaxEvents <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.MaxEvents, "MaxEvents must be positive");
        }

        _maxEvents = Options.MaxEvents;
        _dropCancelled = DropCancelled;
    }

    public SimulationOptions Options { get; }

    /// <summary>The current simulated time.</summary>
    public SimTime Now { get; private set; }

    /// <summary>Events processed so far (cancelled ones not counted).</summary>
    public long EventsProcessed { get; private set; }

    /// <summary>Events scheduled and not yet processed or cancelled.</summary>
    public long PendingEvents => _queue.Count - _cancelledPending;

    /// <summary>When the next event that will run is due; null when none is left.</summary>
    public SimTime? NextEventTime => TryPeekLive(out long time) ? new SimTime(time) : null;

    /// <summary>The process whose steps are running now, if any.</summary>
    public Process? ActiveProcess { get; internal set; }

    /// <summary>A new pending event, triggered later by the model with <see cref="Event.Succeed"/> or <see cref="Event.Fail"/>.</summary>
    public Event Event(string name) => new(this, name);

    /// <summary>
    /// A new pending event as <see cref="Event(string)"/>, named only when its name is read (messages):
    /// <paramref name="nameOf"/>(<paramref name="state"/>), with a static lambda, so that no name is formatted that nothing shows.
    /// </summary>
    public Event Event(object state, Func<object, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(nameOf);
        return new LaterNamedEvent(this, state, nameOf);
    }

    /// <summary>An event that fires after <paramref name="delay"/>; it can be cancelled.</summary>
    public Timeout Timeout(SimTime delay, object? value = null, string name = "timeout") => new(this, delay, value, name);

    /// <summary>
    /// A pooled wait for a process to yield directly; it costs no allocation. Not cancellable and not to be
    /// kept: use <see cref="Timeout"/> for that.
    /// </summary>
    public Event Delay(SimTime delay)
    {
        if (delay < SimTime.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "delay must not be negative");
        }

        // The running process's own delay when it is free (no pool traffic, and it sits next to the process in
        // memory); otherwise one from the pool.
        Delay d = ActiveProcess?.FreeOwnDelay()
            ?? (_delayPool.Count > 0 ? _delayPool.Pop() : new Delay(this, null));
        d.Start(Now + delay);
        return d;
    }

    /// <summary>
    /// Runs <paramref name="callback"/> with <paramref name="state"/> after <paramref name="delay"/>, as an event
    /// processed like any other (same order, same count); cancel it through the handle. Unlike <see cref="Call"/> it
    /// allocates nothing: the timer comes from a pool and returns to it. Pass a callback kept in a field, not a
    /// new lambda, to keep it so.
    /// </summary>
    public AlarmHandle Schedule(SimTime delay, Action<object?> callback, object? state, string name = "alarm")
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (delay < SimTime.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, $"alarm '{name}' has a negative delay");
        }

        Alarm alarm = _alarmPool.Count > 0 ? _alarmPool.Pop() : new Alarm(this);
        alarm.Arm(Now + delay, callback, state, name);
        return new AlarmHandle(alarm, Now + delay);
    }

    /// <summary>Runs <paramref name="action"/> after <paramref name="delay"/>; cancel it through the returned timeout.</summary>
    public Timeout Call(SimTime delay, Action action, string name = "call")
    {
        ArgumentNullException.ThrowIfNull(action);
        Timeout t = Timeout(delay, null, name);
        t.AddCallback(_ => action());
        return t;
    }

    /// <summary>Starts a process now (before normal events at this instant).</summary>
    public Process Process(IEnumerable<Event> steps, string name)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var p = new Process(this, name);
        p.Start(steps);
        return p;
    }

    /// <summary>
    /// Starts a process as <see cref="Process(IEnumerable{Event}, string)"/>, named only when its name is read (messages):
    /// <paramref name="nameOf"/>(<paramref name="state"/>), with a static lambda.
    /// </summary>
    public Process Process(IEnumerable<Event> steps, object state, Func<object, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(nameOf);
        var p = new Process(this, state, nameOf);
        p.Start(steps);
        return p;
    }

    /// <summary>Starts a process whose steps need a handle on their own process (to see interrupts).</summary>
    public Process Process(Func<Process, IEnumerable<Event>> steps, string name)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var p = new Process(this, name);
        p.Start(steps(p));
        return p;
    }

    /// <summary>An event that succeeds when all of <paramref name="events"/> have succeeded.</summary>
    public Condition AllOf(IReadOnlyList<Event> events, string name = "allOf") => new(this, name, events, all: true);

    /// <summary>An event that succeeds when any of <paramref name="events"/> has succeeded.</summary>
    public Condition AnyOf(IReadOnlyList<Event> events, string name = "anyOf") => new(this, name, events, all: false);

    /// <summary>Processes the next event. Returns false when none is left.</summary>
    public bool Step()
    {
        while (_queue.Count > 0)
        {
            Event e = _queue.Dequeue(out long time);
            if (e.State == EventState.Cancelled)
            {
                DropCancelled(e);
                continue;
            }

            Now = new SimTime(time);
            if (++EventsProcessed > _maxEvents)
            {
                ThrowRunaway(e);
            }

            e.Fire();
            return true;
        }

        return false;
    }

    /// <summary>Runs until no event is left, or until <paramref name="until"/> (events at that instant included; the clock then reads <paramref name="until"/>).</summary>
    public RunOutcome Run(SimTime? until = null)
    {
        if (until is { } limit && limit < Now)
        {
            throw new ArgumentOutOfRangeException(nameof(until), limit, $"stop time is before now ({Now})");
        }

        long start = EventsProcessed;
        while (true)
        {
            if (!TryPeekLive(out long next))
            {
                if (until is { } end)
                {
                    Now = end;
                    return new RunOutcome(RunStop.TimeReached, Now, EventsProcessed - start);
                }

                return new RunOutcome(RunStop.NoEventsLeft, Now, EventsProcessed - start);
            }

            if (until is { } stop && next > stop.Nanoseconds)
            {
                Now = stop;
                return new RunOutcome(RunStop.TimeReached, Now, EventsProcessed - start);
            }

            Step();
        }
    }

    /// <summary>Runs until <paramref name="stop"/> returns true (checked before each event) or no event is left.</summary>
    public RunOutcome RunUntil(Func<bool> stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        long start = EventsProcessed;
        while (true)
        {
            if (stop())
            {
                return new RunOutcome(RunStop.ConditionMet, Now, EventsProcessed - start);
            }

            if (!Step())
            {
                return new RunOutcome(RunStop.NoEventsLeft, Now, EventsProcessed - start);
            }
        }
    }

    internal void Enqueue(Event e, SimTime at, EventPriority priority) => _queue.Enqueue(e, at.Nanoseconds, priority);

    /// <summary>
    /// Counts a cancelled queue entry. Entries stay queued until due, so a model that reschedules far-off timers often
    /// (a flow's completion, each time its rate changes) would fill the queue with dead ones, and hold their pooled
    /// timers: once they are at least <see cref="PurgeMinimum"/> and more than half the queue, they are all taken off
    /// at once. The cost is linear in the queue, paid after at least as many cancellations, so O(1) per cancellation;
    /// what runs, when and in which order is unchanged.
    /// </summary>
    internal void NoteCancelled()
    {
        if (++_cancelledPending >= PurgeMinimum && _cancelledPending * 2 > _queue.Count)
        {
            _queue.RemoveCancelled(_dropCancelled);
        }
    }

    /// <summary>Entries in the queue, cancelled ones included (for tests).</summary>
    internal int QueuedEntries => _queue.Count;

    /// <summary>Timers waiting in the pool (for tests).</summary>
    internal int PooledAlarms => _alarmPool.Count;

    internal void ReturnDelay(Delay d) => _delayPool.Push(d);

    internal void ReturnAlarm(Alarm a) => _alarmPool.Push(a);

    /// <summary>Delays waiting in the pool (for tests).</summary>
    internal int PooledDelays => _delayPool.Count;

    /// <summary>Forgets a cancelled entry just taken off the queue; a withdrawn delay becomes usable again.</summary>
    private void DropCancelled(Event e)
    {
        _cancelledPending--;
        (e as Delay)?.Recycle();
        (e as Alarm)?.Recycle();
    }

    // Builds the message out of Step, so that Step's frame stays small.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowRunaway(Event last) =>
        throw new SimulationException(
            $"runaway simulation: more than {Options.MaxEvents:N0} events by {Now} (last: '{last.Name}'). " +
            "A model is probably rescheduling itself without progress; if the run is really this large, raise MaxEvents.");

    private bool TryPeekLive(out long time)
    {
        while (_queue.TryPeekTime(out time))
        {
            // Drop cancelled entries at the head so they neither advance the clock nor count.
            Event head = _queue.PeekEvent();
            if (head.State != EventState.Cancelled)
            {
                return true;
            }

            _queue.Dequeue(out _);
            DropCancelled(head);
        }

        return false;
    }
}
