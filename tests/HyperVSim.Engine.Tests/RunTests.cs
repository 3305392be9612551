using FluentAssertions;
using Xunit;

namespace HyperVSim.Engine.Tests;

public sealed class RunTests
{
    private static SimTime S(double seconds) => SimTime.FromSeconds(seconds);

    private static (Simulation Sim, List<SimTime> Fired) WithTimeoutsAt(params double[] seconds)
    {
        var sim = new Simulation();
        var fired = new List<SimTime>();
        foreach (double s in seconds)
        {
            sim.Timeout(S(s)).AddCallback(_ => fired.Add(sim.Now));
        }

        return (sim, fired);
    }

    [Fact]
    public void Run_processes_every_event_and_reports_why_it_stopped()
    {
        var (sim, fired) = WithTimeoutsAt(3, 1, 2);

        RunOutcome outcome = sim.Run();

        fired.Should().Equal(S(1), S(2), S(3));
        outcome.Should().Be(new RunOutcome(RunStop.NoEventsLeft, S(3), 3));
    }

    [Fact]
    public void Run_until_includes_events_at_exactly_that_time_and_leaves_the_clock_there()
    {
        var (sim, fired) = WithTimeoutsAt(1, 2, 2, 3);

        RunOutcome outcome = sim.Run(S(2));

        fired.Should().Equal(S(1), S(2), S(2));
        outcome.Should().Be(new RunOutcome(RunStop.TimeReached, S(2), 3));
        sim.Now.Should().Be(S(2));
        sim.PendingEvents.Should().Be(1);

        RunOutcome rest = sim.Run();
        rest.Should().Be(new RunOutcome(RunStop.NoEventsLeft, S(3), 1));
    }

    [Fact]
    public void Run_until_moves_the_clock_to_the_stop_time_between_events()
    {
        var (sim, fired) = WithTimeoutsAt(1, 10);

        RunOutcome outcome = sim.Run(S(4.5));

        fired.Should().Equal(S(1));
        outcome.Should().Be(new RunOutcome(RunStop.TimeReached, S(4.5), 1));
    }

    [Fact]
    public void Run_until_past_the_last_event_still_leaves_the_clock_at_the_stop_time()
    {
        var (sim, _) = WithTimeoutsAt(1);

        RunOutcome outcome = sim.Run(S(60));

        outcome.Should().Be(new RunOutcome(RunStop.TimeReached, S(60), 1));
        sim.Now.Should().Be(S(60));
    }

    [Fact]
    public void Run_until_ignores_a_cancelled_event_at_the_head()
    {
        var sim = new Simulation();
        sim.Timeout(S(1)).Cancel();
        sim.Timeout(S(5));

        RunOutcome outcome = sim.Run(S(3));

        outcome.Should().Be(new RunOutcome(RunStop.TimeReached, S(3), 0));
        sim.PendingEvents.Should().Be(1);
    }

    [Fact]
    public void Run_until_a_time_in_the_past_is_refused()
    {
        var (sim, _) = WithTimeoutsAt(5);
        sim.Run();

        Action back = () => sim.Run(S(4));

        back.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("until");
    }

    [Fact]
    public void Run_on_an_empty_simulation_returns_at_once()
    {
        var sim = new Simulation();

        sim.Run().Should().Be(new RunOutcome(RunStop.NoEventsLeft, SimTime.Zero, 0));
        sim.Step().Should().BeFalse();
    }

    [Fact]
    public void RunUntil_stops_before_the_first_event_that_would_follow_the_condition()
    {
        var (sim, fired) = WithTimeoutsAt(1, 2, 3, 4);

        RunOutcome outcome = sim.RunUntil(() => fired.Count == 2);

        outcome.Should().Be(new RunOutcome(RunStop.ConditionMet, S(2), 2));
        sim.PendingEvents.Should().Be(2);
    }

    [Fact]
    public void RunUntil_checks_the_condition_before_the_first_event()
    {
        var (sim, fired) = WithTimeoutsAt(1);

        RunOutcome outcome = sim.RunUntil(() => true);

        outcome.Should().Be(new RunOutcome(RunStop.ConditionMet, SimTime.Zero, 0));
        fired.Should().BeEmpty();
    }

    [Fact]
    public void RunUntil_a_condition_that_never_holds_runs_out_of_events()
    {
        var (sim, _) = WithTimeoutsAt(1, 2);

        RunOutcome outcome = sim.RunUntil(() => false);

        outcome.Should().Be(new RunOutcome(RunStop.NoEventsLeft, S(2), 2));
    }

    [Fact]
    public void RunUntil_refuses_a_null_condition()
    {
        Action run = () => new Simulation().RunUntil(null!);

        run.Should().Throw<ArgumentNullException>().WithParameterName("stop");
    }

    [Fact]
    public void The_runaway_guard_stops_a_simulation_that_never_ends_with_a_clear_message()
    {
        var sim = new Simulation(new SimulationOptions { MaxEvents = 1_000 });
        sim.Process(Forever(), "spinner");

        Action run = () => sim.Run();

        run.Should().Throw<SimulationException>()
            .WithMessage("*runaway*1,000 events*MaxEvents*");
        sim.EventsProcessed.Should().Be(1_001);

        IEnumerable<Event> Forever()
        {
            while (true)
            {
                yield return sim.Delay(SimTime.Zero);
            }
        }
    }

    [Fact]
    public void The_runaway_guard_lets_exactly_MaxEvents_events_through()
    {
        var sim = new Simulation(new SimulationOptions { MaxEvents = 5 });
        for (int i = 1; i <= 5; i++)
        {
            sim.Timeout(S(i));
        }

        sim.Run().EventsProcessed.Should().Be(5);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void MaxEvents_must_be_positive(long max)
    {
        Action create = () => _ = new Simulation(new SimulationOptions { MaxEvents = max });

        create.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*MaxEvents*");
    }

    [Fact]
    public void The_default_runaway_limit_is_500_million_events()
    {
        new Simulation().Options.MaxEvents.Should().Be(500_000_000);
    }
}
