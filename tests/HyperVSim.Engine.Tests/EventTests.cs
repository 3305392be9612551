using FluentAssertions;
using Xunit;

namespace HyperVSim.Engine.Tests;

public sealed class EventTests
{
    private readonly Simulation _sim = new();

    [Fact]
    public void Goes_from_pending_to_triggered_to_processed()
    {
        Event e = _sim.Event("boot");
        e.State.Should().Be(EventState.Pending);

        e.Succeed("up");
        e.State.Should().Be(EventState.Triggered);

        _sim.Run();
        e.State.Should().Be(EventState.Processed);
        e.Ok.Should().BeTrue();
        e.Value.Should().Be("up");
    }

    [Fact]
    public void Triggering_twice_throws_and_names_the_event()
    {
        Event e = _sim.Event("disk-ready");
        e.Succeed();

        Action again = () => e.Succeed();
        Action failAfter = () => e.Fail(new InvalidOperationException("x"));

        again.Should().Throw<SimulationException>().WithMessage("*'disk-ready'*Triggered*");
        failAfter.Should().Throw<SimulationException>().WithMessage("*'disk-ready'*");
    }

    [Fact]
    public void Triggering_after_processing_throws_and_names_the_event()
    {
        Event e = _sim.Event("link-up");
        e.Succeed();
        _sim.Run();

        Action again = () => e.Succeed();

        again.Should().Throw<SimulationException>().WithMessage("*'link-up'*Processed*");
    }

    [Fact]
    public void A_failed_event_nobody_handles_stops_the_run_naming_the_event_and_keeping_the_cause()
    {
        var cause = new InvalidOperationException("disk full");
        _sim.Timeout(SimTime.FromSeconds(2), name: "tick");
        _sim.Event("write-page").Fail(cause);

        Action run = () => _sim.Run();

        run.Should().Throw<SimulationException>()
            .WithMessage("*'write-page'*disk full*")
            .Which.InnerException.Should().BeSameAs(cause);
        _sim.Now.Should().Be(SimTime.Zero, "the run stopped at the failure, before the later timeout");
    }

    [Fact]
    public void A_failed_event_with_a_callback_is_handled()
    {
        Event e = _sim.Event("probe");
        Exception? seen = null;
        e.AddCallback(ev => seen = ev.Error);
        var cause = new TimeoutException("no answer");
        e.Fail(cause);

        _sim.Run();

        seen.Should().BeSameAs(cause);
        e.Ok.Should().BeFalse();
    }

    [Fact]
    public void Reading_the_value_of_a_failed_event_throws_naming_it()
    {
        Event e = _sim.Event("probe");
        e.AddCallback(_ => { });
        e.Fail(new TimeoutException("no answer"));
        _sim.Run();

        Func<object?> read = () => e.Value;

        read.Should().Throw<SimulationException>().WithMessage("*'probe'*no answer*");
    }

    [Fact]
    public void Callbacks_run_in_the_order_they_were_added()
    {
        var log = new List<int>();
        Event e = _sim.Event("e");
        for (int i = 0; i < 5; i++)
        {
            int n = i;
            e.AddCallback(_ => log.Add(n));
        }

        e.Succeed();
        _sim.Run();

        log.Should().Equal(0, 1, 2, 3, 4);
    }

    /// <summary>
    /// The first callback is kept apart from the others (most events have one): withdrawing callbacks and adding more
    /// keeps the order they were added in, whichever slot each sits in.
    /// </summary>
    [Theory]
    [InlineData("+a +b -a +c", "b c")]
    [InlineData("+a -a +b", "b")]
    [InlineData("+a +b +c -b", "a c")]
    [InlineData("+a +b -a -b +c +d", "c d")]
    [InlineData("+a -a +b +c -b +d", "c d")]
    public void Callbacks_keep_the_order_they_were_added_in_when_some_are_withdrawn(string script, string expected)
    {
        var log = new List<string>();
        var callbacks = new Dictionary<string, Action<Event>>();
        Event e = _sim.Event("e");
        foreach (string step in script.Split(' '))
        {
            string name = step[1..];
            Action<Event> cb = callbacks.TryGetValue(name, out Action<Event>? known) ? known : callbacks[name] = _ => log.Add(name);
            if (step[0] == '+')
            {
                e.AddCallback(cb);
            }
            else
            {
                e.RemoveCallback(cb);
            }
        }

        e.Succeed();
        _sim.Run();

        string.Join(" ", log).Should().Be(expected);
    }

    [Fact]
    public void Adding_a_callback_after_processing_throws()
    {
        Event e = _sim.Event("done");
        e.Succeed();
        _sim.Run();

        Action add = () => e.AddCallback(_ => { });

        add.Should().Throw<SimulationException>().WithMessage("*'done'*");
    }

    [Fact]
    public void Constructor_and_members_guard_their_arguments()
    {
        Action noSim = () => _ = new Event(null!, "x");
        Action noName = () => _ = new Event(_sim, null!);
        Action noError = () => _sim.Event("x").Fail(null!);
        Action noCallback = () => _sim.Event("x").AddCallback(null!);

        noSim.Should().Throw<ArgumentNullException>().WithParameterName("simulation");
        noName.Should().Throw<ArgumentNullException>().WithParameterName("name");
        noError.Should().Throw<ArgumentNullException>().WithParameterName("error");
        noCallback.Should().Throw<ArgumentNullException>().WithParameterName("callback");
    }

    [Fact]
    public void Processing_happens_at_the_instant_of_triggering()
    {
        SimTime? processedAt = null;
        Event signal = _sim.Event("signal");
        signal.AddCallback(_ => processedAt = _sim.Now);
        _sim.Call(SimTime.FromSeconds(3), () => signal.Succeed());

        _sim.Run();

        processedAt.Should().Be(SimTime.FromSeconds(3));
    }
}
