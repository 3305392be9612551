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

    [Fact]
    public void Rescheduling_far_off_timers_keeps_the_queue_small_and_the_order_unchanged()
    {
        // 200 timers far in the future; in each of 100 rounds at the same instant, half of them are cancelled and scheduled
        // again (what a flow's completion does when its rate changes): 10,000 dead entries, which would all stay queued
        // until their time.
        // The queue is purged as they pile up, the timers come back to the pool, and the survivors still run in the order
        // of their due times, ties in the order they were scheduled (the order an untouched queue gives).
        var sim = new Simulation();
        var log = new List<int>();
        Action<object?> record = s => log.Add((int)s!);
        var handles = new AlarmHandle[200];
        var due = new long[200];
        var order = new long[200];
        long scheduled = 0;
        for (int k = 0; k < handles.Length; k++)
        {
            due[k] = 1000 + (k * 37 % 50);
            handles[k] = sim.Schedule(SimTime.FromSeconds(due[k]), record, k);
            order[k] = scheduled++;
        }

        int largest = 0;
        for (int round = 0; round < 100; round++)
        {
            for (int k = round % 2; k < handles.Length; k += 2)
            {
                handles[k].Cancel().Should().BeTrue();
                due[k] = 1000 + ((k * 37 + round) % 50);
                handles[k] = sim.Schedule(SimTime.FromSeconds(due[k]), record, k);
                order[k] = scheduled++;
            }

            largest = Math.Max(largest, sim.QueuedEntries);
        }

        largest.Should().BeLessThan(2 * (handles.Length + Simulation.PurgeMinimum), "dead entries are purged once they are more than half the queue");
        sim.PendingEvents.Should().Be(handles.Length);
        sim.PooledAlarms.Should().BeGreaterThan(0, "purged timers go back to the pool");

        sim.Run();

        log.Should().Equal(Enumerable.Range(0, handles.Length).OrderBy(k => due[k]).ThenBy(k => order[k]));
        sim.EventsProcessed.Should().Be(handles.Length);
    }
}
