using FluentAssertions;
using Xunit;

namespace HyperVSim.Engine.Tests;

public sealed class ConditionTests
{
    private readonly Simulation _sim = new();

    private static SimTime S(double seconds) => SimTime.FromSeconds(seconds);

    [Fact]
    public void AllOf_succeeds_when_the_last_event_does_with_all_of_them_as_value()
    {
        Timeout a = _sim.Timeout(S(1), name: "a");
        Timeout b = _sim.Timeout(S(3), name: "b");
        Timeout c = _sim.Timeout(S(2), name: "c");
        Condition all = _sim.AllOf([a, b, c], "all");
        SimTime? at = null;
        all.AddCallback(_ => at = _sim.Now);

        _sim.Run();

        at.Should().Be(S(3));
        all.Ok.Should().BeTrue();
        all.Value.Should().BeAssignableTo<IReadOnlyList<Event>>()
            .Which.Should().BeEquivalentTo(new Event[] { a, b, c }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void AnyOf_succeeds_with_the_first_event_and_lists_only_the_processed_ones()
    {
        Timeout slow = _sim.Timeout(S(5), name: "slow");
        Timeout fast = _sim.Timeout(S(2), name: "fast");
        Condition any = _sim.AnyOf([slow, fast], "any");
        SimTime? at = null;
        any.AddCallback(_ => at = _sim.Now);

        _sim.Run();

        at.Should().Be(S(2));
        ((IReadOnlyList<Event>)any.Value!).Should().ContainSingle().Which.Should().BeSameAs(fast);
        _sim.Now.Should().Be(S(5), "the slower event still fires");
    }

    [Fact]
    public void A_process_can_wait_for_the_first_of_a_reply_and_a_timeout()
    {
        var log = new List<string>();
        Event reply = _sim.Event("reply");
        _sim.Call(S(4), () => reply.Succeed("pong"));
        _sim.Process(Steps(), "pinger");

        _sim.Run();

        log.Should().Equal("gave up@2s");

        IEnumerable<Event> Steps()
        {
            Timeout patience = _sim.Timeout(S(2), name: "patience");
            yield return _sim.AnyOf([reply, patience]);
            log.Add(reply.State == EventState.Processed ? "got reply" : "gave up@" + _sim.Now);
        }
    }

    [Fact]
    public void A_failure_fails_the_condition_at_once_with_the_same_error()
    {
        Timeout ok = _sim.Timeout(S(5), name: "ok");
        Event bad = _sim.Event("bad");
        var error = new InvalidOperationException("broken");
        _sim.Call(S(1), () => bad.Fail(error));
        Condition all = _sim.AllOf([ok, bad], "all");
        SimTime? at = null;
        all.AddCallback(_ => at = _sim.Now);

        _sim.Run();

        at.Should().Be(S(1));
        all.Ok.Should().BeFalse();
        all.Error.Should().BeSameAs(error);
    }

    [Fact]
    public void A_failed_condition_nobody_handles_stops_the_run_naming_it()
    {
        Event bad = _sim.Event("bad");
        _sim.AllOf([bad], "both-links");
        bad.Fail(new InvalidOperationException("link down"));

        Action run = () => _sim.Run();

        run.Should().Throw<SimulationException>().WithMessage("*'both-links'*link down*");
    }

    [Fact]
    public void Once_decided_a_condition_stops_listening_so_a_later_failure_nobody_handles_stops_the_run()
    {
        Timeout patience = _sim.Timeout(S(2), name: "patience");
        Event reply = _sim.Event("reply");
        Condition any = _sim.AnyOf([reply, patience], "reply-or-patience");
        any.AddCallback(_ => { });
        _sim.Call(S(4), () => reply.Fail(new IOException("connection reset")));

        Action run = () => _sim.Run();

        run.Should().Throw<SimulationException>().WithMessage("*'reply'*4s*nothing handled it*connection reset*");
        any.Ok.Should().BeTrue("the condition was decided by the timeout, before the failure");
    }

    [Fact]
    public void A_later_failure_that_something_else_handles_is_fine()
    {
        Timeout patience = _sim.Timeout(S(2), name: "patience");
        Event reply = _sim.Event("reply");
        Condition any = _sim.AnyOf([reply, patience]);
        any.AddCallback(_ => { });
        Exception? seen = null;
        reply.AddCallback(e => seen = e.Error);
        _sim.Call(S(4), () => reply.Fail(new IOException("connection reset")));

        _sim.Run();

        seen.Should().BeOfType<IOException>();
        any.Ok.Should().BeTrue();
    }

    [Fact]
    public void A_condition_decided_by_an_already_processed_event_does_not_listen_to_the_others()
    {
        Event done = _sim.Event("done");
        done.Succeed();
        _sim.Run();
        Event later = _sim.Event("later");

        Condition any = _sim.AnyOf([done, later]);
        _sim.Run();
        later.Fail(new InvalidOperationException("unrelated"));
        Action run = () => _sim.Run();

        any.Ok.Should().BeTrue();
        run.Should().Throw<SimulationException>().WithMessage("*'later'*nothing handled it*");
    }

    [Fact]
    public void Events_already_processed_count_at_once()
    {
        Event done = _sim.Event("done");
        done.Succeed();
        _sim.Run();
        Timeout later = _sim.Timeout(S(1), name: "later");

        Condition any = _sim.AnyOf([done, later]);
        Condition all = _sim.AllOf([done, later]);
        _sim.Run();

        any.Should().Match<Condition>(c => c.Ok && c.State == EventState.Processed);
        ((IReadOnlyList<Event>)any.Value!).Should().ContainSingle().Which.Should().BeSameAs(done);
        ((IReadOnlyList<Event>)all.Value!).Should().HaveCount(2);
    }

    [Fact]
    public void Empty_conditions_succeed_at_once()
    {
        Condition all = _sim.AllOf([]);
        Condition any = _sim.AnyOf([]);

        all.State.Should().Be(EventState.Triggered);
        any.State.Should().Be(EventState.Triggered);
        _sim.Run();
        _sim.Now.Should().Be(SimTime.Zero);
        ((IReadOnlyList<Event>)all.Value!).Should().BeEmpty();
    }

    [Fact]
    public void The_condition_keeps_its_own_copy_of_the_events()
    {
        var events = new List<Event> { _sim.Timeout(S(1)) };
        Condition all = _sim.AllOf(events);
        events.Add(_sim.Timeout(S(9)));
        SimTime? at = null;
        all.AddCallback(_ => at = _sim.Now);

        _sim.Run();

        at.Should().Be(S(1));
        ((IReadOnlyList<Event>)all.Value!).Should().HaveCount(1);
    }

    [Fact]
    public void A_null_list_is_refused()
    {
        Action all = () => _sim.AllOf(null!);
        Action any = () => _sim.AnyOf(null!);

        all.Should().Throw<ArgumentNullException>();
        any.Should().Throw<ArgumentNullException>();
    }
}
