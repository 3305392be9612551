namespace HyperVSim.Engine;

/// <summary>
/// An event that succeeds when enough of its events have succeeded: all of them (<see cref="Simulation.AllOf"/>)
/// or any one (<see cref="Simulation.AnyOf"/>). It fails as soon as one of them fails. Its value is the list of
/// events that had been processed when it triggered.
/// </summary>
public sealed class Condition : Event
{
    private readonly Event[] _events;
    private readonly int _needed;
    private int _done;

    internal Condition(Simulation simulation, string name, IReadOnlyList<Event> events, bool all)
        : base(simulation, name)
    {
        ArgumentNullException.ThrowIfNull(events);
        _events = [.. events];
        _needed = all ? _events.Length : Math.Min(1, _events.Length);
        foreach (Event e in _events)
        {
            if (e.State == EventState.Processed)
            {
                Observe(e);
            }
            else
            {
                e.AddCallback(Observe);
            }
        }

        if (State == EventState.Pending && _done >= _needed)
        {
            Succeed(Processed());
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
            Fail(e.Error!);
            return;
        }

        _done++;
        if (_done >= _needed)
        {
            Succeed(Processed());
        }
    }

    private List<Event> Processed() => _events.Where(e => e.State == EventState.Processed).ToList();
}
