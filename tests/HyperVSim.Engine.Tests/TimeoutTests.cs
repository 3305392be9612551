using FluentAssertions;
using Xunit;

namespace HyperVSim.Engine.Tests;

public sealed class TimeoutTests
{
    private readonly Simulation _sim = new();

    [Fact]
    public void Fires_after_its_delay_with_its_value()
    {
        _sim.Run(SimTime.FromSeconds(1));
        Timeout t = _sim.Timeout(SimTime.FromMilliseconds(250), "payload", "t");
        SimTime? firedAt = null;
        t.AddCallback(_ => firedAt = _sim.Now);

        t.Due.Should().Be(SimTime.FromSeconds(1.25));
        _sim.Run();

        firedAt.Should().Be(SimTime.FromSeconds(1.25));
        t.Value.Should().Be("payload");
        t.State.Should().Be(EventState.Processed);
    }

    [Fact]
    public void A_cancelled_timeout_never_fires_does_not_advance_the_clock_and_is_not_counted()
    {
        bool fired = false;
        _sim.Timeout(SimTime.FromSeconds(1), name: "kept");
        Timeout cancelled = _sim.Timeout(SimTime.FromSeconds(9), name: "cancelled");
        cancelled.AddCallback(_ => fired = true);

        cancelled.Cancel().Should().BeTrue();
        _sim.PendingEvents.Should().Be(1);
        RunOutcome outcome = _sim.Run();

        fired.Should().BeFalse();
        cancelled.State.Should().Be(EventState.Cancelled);
        outcome.Should().Be(new RunOutcome(RunStop.NoEventsLeft, SimTime.FromSeconds(1), 1));
        _sim.Now.Should().Be(SimTime.FromSeconds(1));
        _sim.EventsProcessed.Should().Be(1);
        _sim.PendingEvents.Should().Be(0);
    }

    [Fact]
    public void Step_skips_cancelled_timeouts_without_touching_the_clock()
    {
        Timeout t = _sim.Timeout(SimTime.FromSeconds(5));
        t.Cancel();

        _sim.Step().Should().BeFalse();
        _sim.Now.Should().Be(SimTime.Zero);
        _sim.EventsProcessed.Should().Be(0);
    }

    [Fact]
    public void Cancelling_from_an_earlier_event_at_the_same_instant_still_prevents_it()
    {
        Timeout canceller = _sim.Timeout(SimTime.FromSeconds(1), name: "canceller");
        Timeout victim = _sim.Timeout(SimTime.FromSeconds(1), name: "victim");
        bool fired = false;
        victim.AddCallback(_ => fired = true);
        canceller.AddCallback(_ => victim.Cancel().Should().BeTrue());

        _sim.Run();

        fired.Should().BeFalse();
        _sim.EventsProcessed.Should().Be(1);
    }

    [Fact]
    public void Cancel_reports_whether_it_withdrew_anything()
    {
        Timeout t = _sim.Timeout(SimTime.FromSeconds(1));
        t.Cancel().Should().BeTrue();
        t.Cancel().Should().BeFalse("it was already cancelled");

        Timeout done = _sim.Timeout(SimTime.FromSeconds(1));
        _sim.Run();
        done.Cancel().Should().BeFalse("it was already processed");
        done.State.Should().Be(EventState.Processed);
    }

    [Fact]
    public void A_callback_cannot_be_added_to_a_cancelled_timeout()
    {
        Timeout t = _sim.Timeout(SimTime.FromSeconds(1), name: "gone");
        t.Cancel();

        Action add = () => t.AddCallback(_ => { });

        add.Should().Throw<SimulationException>().WithMessage("*'gone'*Cancelled*");
    }

    [Fact]
    public void A_negative_delay_is_refused()
    {
        Action negative = () => _sim.Timeout(new SimTime(-1), name: "back");

        negative.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*'back'*negative*");
    }

    [Fact]
    public void A_zero_delay_fires_at_the_current_instant()
    {
        _sim.Run(SimTime.FromSeconds(2));
        SimTime? at = null;
        _sim.Timeout(SimTime.Zero).AddCallback(_ => at = _sim.Now);

        _sim.Run();

        at.Should().Be(SimTime.FromSeconds(2));
    }

    [Fact]
    public void Call_runs_the_action_after_the_delay_and_can_be_cancelled()
    {
        var log = new List<string>();
        _sim.Call(SimTime.FromSeconds(2), () => log.Add("a@" + _sim.Now));
        Timeout b = _sim.Call(SimTime.FromSeconds(1), () => log.Add("b@" + _sim.Now));
        _sim.Call(SimTime.FromSeconds(3), () => log.Add("c@" + _sim.Now));
        b.Cancel();

        _sim.Run();

        log.Should().Equal("a@2s", "c@3s");
    }

    [Fact]
    public void A_process_that_waits_on_a_cancelled_timeout_is_told_it_would_never_fire()
    {
        Timeout t = _sim.Timeout(SimTime.FromSeconds(1), name: "withdrawn");
        t.Cancel();
        _sim.Process(Wait(), "waiter");

        Action run = () => _sim.Run();

        run.Should().Throw<SimulationException>().WithMessage("*'waiter'*'withdrawn'*");

        IEnumerable<Event> Wait()
        {
            yield return t;
        }
    }
}
