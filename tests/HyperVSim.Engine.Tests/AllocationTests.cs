using FluentAssertions;
using Xunit;

namespace HyperVSim.Engine.Tests;

public sealed class AllocationTests
{
    /// <summary>Processes waiting on <see cref="Simulation.Delay"/> in a loop: once warm, an event costs no allocation.</summary>
    [Fact]
    public void Waiting_on_delays_allocates_nothing_in_steady_state()
    {
        var sim = new Simulation();
        for (int i = 0; i < 100; i++)
        {
            sim.Process(Loop(sim, i), "p" + i);
        }

        Steps(sim, 10_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Steps(sim, 100_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0);

        static IEnumerable<Event> Loop(Simulation sim, int i)
        {
            for (long n = 0; ; n++)
            {
                yield return sim.Delay(new SimTime(1 + ((n * 7919) + i) % 1000));
            }
        }

        static void Steps(Simulation sim, int count)
        {
            for (int i = 0; i < count; i++)
            {
                sim.Step();
            }
        }
    }

    /// <summary>An event's first callback is kept without a list: adding it allocates nothing.</summary>
    [Fact]
    public void Adding_the_first_callback_to_an_event_allocates_nothing()
    {
        var sim = new Simulation();
        Action<Event> callback = _ => { };
        Event[] events = [sim.Event("a"), sim.Event("b")];
        events[0].AddCallback(callback); // JIT and first-call paths out of the way

        long before = GC.GetAllocatedBytesForCurrentThread();
        events[1].AddCallback(callback);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0);
    }
}
