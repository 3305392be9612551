using FluentAssertions;
using HyperVSim.Engine;
using Xunit;

namespace HyperVSim.Engine.Tests;

/// <summary>Pooled alarms (<see cref="Simulation.Schedule"/>): processed like any event, cancellable, and free once warm.</summary>
public sealed class AlarmTests
{
    private static readonly Action<object?> Append = s => ((List<string>)((object[])s!)[0]).Add((string)((object[])s!)[1]);

    [Fact]
    public void Alarms_run_in_the_same_order_and_count_as_calls_at_the_same_times()
    {
        var calls = new List<string>();
        var alarms = new List<string>();
        var a = new Simulation();
        var b = new Simulation();
        foreach ((int at, string name) in new[] { (5, "x"), (1, "y"), (5, "z"), (0, "w") })
        {
            a.Call(SimTime.FromSeconds(at), () => calls.Add(name));
            b.Schedule(SimTime.FromSeconds(at), Append, new object[] { alarms, name });
        }

        a.Run();
        b.Run();

        alarms.Should().Equal(calls).And.Equal("w", "y", "x", "z");
        (b.EventsProcessed, b.Now).Should().Be((a.EventsProcessed, a.Now));
    }

    [Fact]
    public void A_cancelled_alarm_neither_runs_nor_holds_the_clock()
    {
        var sim = new Simulation();
        bool ran = false;
        AlarmHandle h = sim.Schedule(SimTime.FromSeconds(10), _ => ran = true, null);
        sim.Call(SimTime.FromSeconds(1), () => h.Cancel().Should().BeTrue());

        sim.Run();

        ran.Should().BeFalse();
        sim.Now.Should().Be(SimTime.FromSeconds(1));
        h.IsPending.Should().BeFalse();
        h.Cancel().Should().BeFalse("it was already cancelled");
    }

    [Fact]
    public void A_stale_handle_cannot_cancel_the_alarm_reused_after_it()
    {
        var sim = new Simulation();
        var log = new List<string>();
        AlarmHandle first = sim.Schedule(SimTime.FromSeconds(1), _ => log.Add("first"), null);
        sim.Run(); // first runs; its alarm goes back to the pool
        AlarmHandle second = sim.Schedule(SimTime.FromSeconds(1), _ => log.Add("second"), null);

        first.Cancel().Should().BeFalse("the handle is of an earlier arming");
        second.IsPending.Should().BeTrue();
        sim.Run();

        log.Should().Equal("first", "second");
    }

    [Fact]
    public void Once_warm_scheduling_and_cancelling_allocate_nothing()
    {
        var sim = new Simulation();
        Action<object?> nothing = _ => { };
        for (int i = 0; i < 100; i++)
        {
            sim.Schedule(SimTime.FromSeconds(1), nothing, null).Cancel();
            sim.Schedule(SimTime.FromSeconds(1), nothing, null);
            sim.Run(sim.Now + SimTime.FromSeconds(2));
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            sim.Schedule(SimTime.FromSeconds(1), nothing, null).Cancel();
            sim.Schedule(SimTime.FromSeconds(1), nothing, null);
            sim.Run(sim.Now + SimTime.FromSeconds(2));
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }
}
