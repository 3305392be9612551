using CsCheck;
using FluentAssertions;
using Xunit;

namespace HyperVSim.Engine.Tests;

public sealed class EventQueueTests
{
    private readonly Simulation _sim = new();

    [Fact]
    public void Pops_by_time_first()
    {
        var queue = new EventQueue();
        Event late = _sim.Event("late");
        Event early = _sim.Event("early");
        queue.Enqueue(late, 20, EventPriority.Urgent);
        queue.Enqueue(early, 10, EventPriority.Normal);

        queue.Dequeue(out long t1).Should().BeSameAs(early);
        t1.Should().Be(10);
        queue.Dequeue(out long t2).Should().BeSameAs(late);
        t2.Should().Be(20);
        queue.Count.Should().Be(0);
    }

    [Fact]
    public void Ties_pop_urgent_first_then_in_insertion_order()
    {
        var queue = new EventQueue();
        string[] names = ["n0", "u1", "n2", "u3", "n4", "u5"];
        foreach (string name in names)
        {
            queue.Enqueue(_sim.Event(name), 7, name[0] == 'u' ? EventPriority.Urgent : EventPriority.Normal);
        }

        var popped = new List<string>();
        while (queue.Count > 0)
        {
            popped.Add(queue.Dequeue(out _).Name);
        }

        popped.Should().Equal("u1", "u3", "u5", "n0", "n2", "n4");
    }

    [Fact]
    public void Keeps_insertion_order_among_thousands_of_equal_keys()
    {
        var queue = new EventQueue();
        var events = Enumerable.Range(0, 5000).Select(i => _sim.Event("e" + i)).ToList();
        foreach (Event e in events)
        {
            queue.Enqueue(e, 0, EventPriority.Normal);
        }

        var popped = new List<Event>();
        while (queue.Count > 0)
        {
            popped.Add(queue.Dequeue(out _));
        }

        popped.Should().Equal(events, (a, b) => ReferenceEquals(a, b));
    }

    [Fact]
    public void Peek_shows_the_head_without_removing_it()
    {
        var queue = new EventQueue();
        queue.TryPeekTime(out _).Should().BeFalse();
        Event e = _sim.Event("only");
        queue.Enqueue(e, 42, EventPriority.Normal);

        queue.TryPeekTime(out long time).Should().BeTrue();
        time.Should().Be(42);
        queue.PeekEvent().Should().BeSameAs(e);
        queue.Count.Should().Be(1);
    }

    /// <summary>
    /// Random interleavings of pushes and pops: every pop must return the smallest (time, priority, insertion
    /// index) still present, found here by a linear LINQ scan over a plain list. Small sequence limits make the
    /// queue renumber its sequences (as it does before they would overflow) again and again.
    /// </summary>
    [Theory]
    [InlineData(uint.MaxValue)]
    [InlineData(1u)]
    [InlineData(7u)]
    [InlineData(100u)]
    public void Interleaved_pushes_and_pops_match_a_linear_scan(uint sequenceLimit)
    {
        // An operation is a push (time 0..15, urgent or not) or, when Pop is true, a pop.
        Gen<(bool Pop, int Time, bool Urgent)[]> ops =
            Gen.Select(Gen.Int[0, 3], Gen.Int[0, 15], Gen.Bool, (p, t, u) => (p == 0, t, u)).Array[0, 300];

        Seeded.Check(ops, script =>
        {
            var sim = new Simulation();
            var queue = new EventQueue(sequenceLimit);
            var present = new List<(long Time, int Priority, int Index, Event Event)>();
            int index = 0;
            foreach ((bool pop, int time, bool urgent) in script)
            {
                if (pop)
                {
                    PopAndCompare();
                    continue;
                }

                EventPriority priority = urgent ? EventPriority.Urgent : EventPriority.Normal;
                Event e = sim.Event("e" + index);
                queue.Enqueue(e, time, priority);
                present.Add((time, (int)priority, index++, e));
            }

            while (present.Count > 0)
            {
                PopAndCompare();
            }

            queue.Count.Should().Be(0);

            void PopAndCompare()
            {
                queue.Count.Should().Be(present.Count);
                if (present.Count == 0)
                {
                    return;
                }

                var expected = present.OrderBy(x => x.Time).ThenBy(x => x.Priority).ThenBy(x => x.Index).First();
                Event actual = queue.Dequeue(out long actualTime);
                actual.Should().BeSameAs(expected.Event);
                actualTime.Should().Be(expected.Time);
                present.Remove(expected);
            }
        }, cases: 100);
    }

    [Fact]
    public void Removing_cancelled_entries_keeps_the_pop_order_of_the_rest()
    {
        // Events at times 0..19 with ties in both priorities; cancel every third, purge, then pop: the survivors come out
        // in (time, priority, insertion) order, the order a linear scan gives, and every cancelled one was handed over once.
        var sim = new Simulation();
        var queue = new EventQueue();
        var all = new List<(long Time, int Priority, int Index, Timeout Event)>();
        for (int i = 0; i < 600; i++)
        {
            var priority = i % 5 == 0 ? EventPriority.Urgent : EventPriority.Normal;
            long time = (i * 7919) % 20;
            Timeout t = sim.Timeout(SimTime.FromSeconds(1), name: "e" + i);
            queue.Enqueue(t, time, priority);
            all.Add((time, (int)priority, i, t));
        }

        queue.Dequeue(out _); // leaves the root empty, which the purge must refill first
        all.Remove(all.OrderBy(x => x.Time).ThenBy(x => x.Priority).ThenBy(x => x.Index).First());
        foreach (var x in all.Where(x => x.Index % 3 == 0))
        {
            x.Event.Cancel().Should().BeTrue();
        }

        var dropped = new List<Event>();
        int removed = queue.RemoveCancelled(dropped.Add);

        var cancelled = all.Where(x => x.Index % 3 == 0).Select(x => (Event)x.Event).ToList();
        removed.Should().Be(cancelled.Count);
        dropped.Should().BeEquivalentTo(cancelled);
        queue.Count.Should().Be(all.Count - cancelled.Count);
        var expected = all.Where(x => x.Index % 3 != 0).OrderBy(x => x.Time).ThenBy(x => x.Priority).ThenBy(x => x.Index).Select(x => (Event)x.Event).ToList();
        var popped = new List<Event>();
        while (queue.Count > 0)
        {
            popped.Add(queue.Dequeue(out _));
        }

        popped.Should().Equal(expected);
    }

    [Theory]
    [InlineData(uint.MaxValue)]
    [InlineData(7u)]
    public void Pushes_pops_cancels_and_purges_match_a_linear_scan(uint sequenceLimit)
    {
        // An operation is a push, a pop, a cancel of the k-th queued event, or a purge of the cancelled ones.
        Gen<(int Op, int Time, bool Urgent, int Pick)[]> ops =
            Gen.Select(Gen.Int[0, 7], Gen.Int[0, 15], Gen.Bool, Gen.Int[0, 1000], (o, t, u, k) => (o, t, u, k)).Array[0, 300];

        Seeded.Check(ops, script =>
        {
            var sim = new Simulation();
            var queue = new EventQueue(sequenceLimit);
            var present = new List<(long Time, int Priority, int Index, Timeout Event)>();
            int index = 0;
            foreach ((int op, int time, bool urgent, int pick) in script)
            {
                switch (op)
                {
                    case 0 or 1:
                        Pop();
                        break;
                    case 2 when present.Count > 0:
                        present[pick % present.Count].Event.Cancel();
                        break;
                    case 3:
                        queue.RemoveCancelled(_ => { });
                        present.RemoveAll(x => x.Event.State == EventState.Cancelled);
                        queue.Count.Should().Be(present.Count);
                        break;
                    default:
                        EventPriority priority = urgent ? EventPriority.Urgent : EventPriority.Normal;
                        Timeout e = sim.Timeout(SimTime.FromSeconds(1), name: "e" + index);
                        queue.Enqueue(e, time, priority);
                        present.Add((time, (int)priority, index++, e));
                        break;
                }
            }

            while (present.Count > 0)
            {
                Pop();
            }

            void Pop()
            {
                if (present.Count == 0)
                {
                    return;
                }

                var expected = present.OrderBy(x => x.Time).ThenBy(x => x.Priority).ThenBy(x => x.Index).First();
                queue.Dequeue(out long actualTime).Should().BeSameAs(expected.Event);
                actualTime.Should().Be(expected.Time);
                present.Remove(expected);
            }
        }, cases: 100);
    }
}
