namespace HyperVSim.Engine;

/// <summary>
/// An event that succeeds when enough of its events have succeeded: all of them (<see cref="Simulation.AllOf"/>)
/// or any one (<see cref="Simulation.AnyOf"/>). It fails, with that event's error, as soon as one of them fails
/// before it was decided. Its value is the list of events that had been processed when it triggered. Once
/// decided it stops listening to the rest: a later failure among them is handled only if something else
/// waits on or listens to that event (otherwise it stops the run, as any unhandled failure does).
/// </summary>
public sealed class Condition : Event
{
    private readonly Event[] _events;
    private readonly int _needed;
    private readonly Action<Event> _observe;
    private int _done;

    internal Condition(Simulation simulation, string name, IReadOnlyList<Event> events, bool all)
        : base(simulation, name)
    {
        ArgumentNullException.ThrowIfNull(events);
        _events = [.. events];
        _needed = all ? _events.Length : Math.Min(1, _events.Length);
        _observe = Observe;
        foreach (Event e in _events)
        {
            if (e.State == EventState.Processed)
            {
                Observe(e);
            }
            else if (State == EventState.Pending)
            {
                e.AddCallback(_observe);
            }
        }

        if (State == EventState.Pending && _done >= _needed)
        {
            Decide(null);
        }
    }

    private void Observe(Event e)
    {
        if (State != EventState.Pending)
        {
            return;
        }

        if (!e.Ok)
        {
            Decide(e.Error);
            return;
        }

        _done++;
        if (_done >= _needed)
        {
            Decide(null);
        }
    }

    /// <summary>Succeeds (no error) or fails, then stops listening to the events not yet processed.</summary>
    private void Decide(Exception? error)
    {
        if (error is null)
        {
            Succeed(Processed());
        }
        else
        {
            Fail(error);
        }

        foreach (Event e in _events)
        {
            if (e.State != EventState.Processed)
            {
                e.RemoveCallback(_observe);
            }
        }
    }

    private List<Event> Processed() => _events.Where(e => e.State == EventState.Processed).ToList();
}
