using FluentAssertions;
using Xunit;

namespace HyperVSim.Engine.Tests;

/// <summary>The simulation processes events in (time, priority, insertion) order.</summary>
public sealed class OrderingTests
{
    private readonly Simulation _sim = new();
    private readonly List<string> _log = [];

    private void Record(Event e) => _log.Add(e.Name);

    [Fact]
    public void Events_triggered_at_the_same_instant_run_urgent_first_then_in_insertion_order()
    {
        foreach (string name in new[] { "n0", "u1", "n2", "n3", "u4", "u5" })
        {
            Event e = _sim.Event(name);
            e.AddCallback(Record);
            e.Succeed(null, name[0] == 'u' ? EventPriority.Urgent : EventPriority.Normal);
        }

        _sim.Run();

        _log.Should().Equal("u1", "u4", "u5", "n0", "n2", "n3");
    }

    [Fact]
    public void Timeouts_due_at_the_same_time_fire_in_creation_order()
    {
        for (int i = 0; i < 10; i++)
        {
            _sim.Timeout(SimTime.FromSeconds(1), name: "t" + i).AddCallback(Record);
        }

        _sim.Run();

        _log.Should().Equal(Enumerable.Range(0, 10).Select(i => "t" + i));
    }

    [Fact]
    public void Timeouts_fire_in_time_order_whatever_their_creation_order()
    {
        foreach (int s in new[] { 5, 1, 4, 2, 3 })
        {
            _sim.Timeout(SimTime.FromSeconds(s), name: "t" + s).AddCallback(Record);
        }

        _sim.Run();

        _log.Should().Equal("t1", "t2", "t3", "t4", "t5");
    }

    [Fact]
    public void An_event_triggered_while_processing_an_instant_runs_after_the_events_already_due_then()
    {
        Timeout first = _sim.Timeout(SimTime.FromSeconds(1), name: "first");
        _sim.Timeout(SimTime.FromSeconds(1), name: "second").AddCallback(Record);
        first.AddCallback(e =>
        {
            Record(e);
            Event late = _sim.Event("normal-now");
            late.AddCallback(Record);
            late.Succeed();
        });

        _sim.Run();

        _log.Should().Equal("first", "second", "normal-now");
        _sim.Now.Should().Be(SimTime.FromSeconds(1));
    }

    [Fact]
    public void An_urgent_event_triggered_while_processing_an_instant_overtakes_the_normal_ones_still_due()
    {
        Timeout first = _sim.Timeout(SimTime.FromSeconds(1), name: "first");
        _sim.Timeout(SimTime.FromSeconds(1), name: "second").AddCallback(Record);
        first.AddCallback(e =>
        {
            Record(e);
            Event urgent = _sim.Event("urgent-now");
            urgent.AddCallback(Record);
            urgent.Succeed(null, EventPriority.Urgent);
        });

        _sim.Run();

        _log.Should().Equal("first", "urgent-now", "second");
    }

    [Fact]
    public void A_process_starts_before_normal_events_already_due_at_its_creation_instant()
    {
        Event already = _sim.Event("already-due");
        already.AddCallback(Record);
        already.Succeed();

        _sim.Process(Steps(), "proc");
        _sim.Run();

        _log.Should().Equal("proc started", "already-due");

        IEnumerable<Event> Steps()
        {
            _log.Add("proc started");
            yield break;
        }
    }
}
