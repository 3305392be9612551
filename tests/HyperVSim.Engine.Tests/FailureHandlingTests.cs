using FluentAssertions;
using Xunit;

namespace HyperVSim.Engine.Tests;

/// <summary>What a process does when an event it waits on fails: fail itself, unless the wait tolerated it.</summary>
public sealed class FailureHandlingTests
{
    private readonly Simulation _sim = new();
    private readonly List<string> _log = [];

    private static SimTime S(double seconds) => SimTime.FromSeconds(seconds);

    [Fact]
    public void A_failed_event_fails_its_waiting_process_with_the_cause_inside()
    {
        var cause = new IOException("link down");
        Event transfer = _sim.Event("transfer");
        Process p = _sim.Process(Steps(), "migration");
        Process watcher = _sim.Process(Watch(), "watcher");
        _sim.Call(S(2), () => transfer.Fail(cause));

        _sim.Run();

        _log.Should().Equal("finally@2s", "watcher saw it");
        var failure = p.Error.Should().BeOfType<UnhandledFailureException>().Which;
        failure.InnerException.Should().BeSameAs(cause);
        failure.ProcessName.Should().Be("migration");
        failure.EventName.Should().Be("transfer");
        failure.Message.Should().Contain("'migration'").And.Contain("'transfer'").And.Contain("2s").And.Contain("link down");
        watcher.Ok.Should().BeTrue();

        IEnumerable<Event> Steps()
        {
            try
            {
                yield return transfer;
                _log.Add("continued as if it had succeeded");
            }
            finally
            {
                _log.Add("finally@" + _sim.Now);
            }
        }

        IEnumerable<Event> Watch()
        {
            yield return p.Tolerated();
            _log.Add("watcher saw it");
        }
    }

    [Fact]
    public void A_failed_event_fails_its_waiting_process_and_that_stops_the_run_when_nobody_waits_on_the_process()
    {
        Event e = _sim.Event("fetch");
        _sim.Process(Steps(), "reader");
        _sim.Call(S(1), () => e.Fail(new IOException("unreachable")));

        Action run = () => _sim.Run();

        run.Should().Throw<SimulationException>()
            .WithMessage("*'reader'*'fetch'*unreachable*")
            .Which.InnerException.Should().BeOfType<UnhandledFailureException>()
            .Which.InnerException.Should().BeOfType<IOException>();

        IEnumerable<Event> Steps()
        {
            yield return e;
        }
    }

    [Fact]
    public void A_tolerated_failure_lets_the_process_go_on_and_read_the_error()
    {
        var cause = new TimeoutException("no answer");
        Event probe = _sim.Event("probe");
        Process p = _sim.Process(Steps(), "prober");
        _sim.Call(S(1), () => probe.Fail(cause));

        _sim.Run();

        _log.Should().Equal("ok=False error=no answer@1s", "retried@3s");
        p.Ok.Should().BeTrue();

        IEnumerable<Event> Steps()
        {
            yield return probe.Tolerated();
            _log.Add($"ok={probe.Ok} error={probe.Error!.Message}@{_sim.Now}");
            yield return _sim.Delay(S(2));
            _log.Add("retried@" + _sim.Now);
        }
    }

    [Fact]
    public void Waiting_on_an_event_that_had_already_failed_fails_too_unless_tolerated()
    {
        Event done = _sim.Event("done");
        done.AddCallback(_ => { });
        done.Fail(new InvalidOperationException("late news"));
        _sim.Run();
        Process tolerant = _sim.Process(Tolerant(), "tolerant");
        Process strict = _sim.Process(Strict(), "strict");
        _sim.Process(Watch(), "watcher");

        _sim.Run();

        _log.Should().Equal("tolerant read late news");
        tolerant.Ok.Should().BeTrue();
        strict.Error.Should().BeOfType<UnhandledFailureException>().Which.EventName.Should().Be("done");

        IEnumerable<Event> Tolerant()
        {
            yield return done.Tolerated();
            _log.Add("tolerant read " + done.Error!.Message);
        }

        IEnumerable<Event> Strict()
        {
            yield return done;
            _log.Add("strict went on");
        }

        IEnumerable<Event> Watch()
        {
            yield return strict.Tolerated();
        }
    }

    [Fact]
    public void Tolerating_one_event_does_not_tolerate_another()
    {
        Event marked = _sim.Event("marked");
        Event other = _sim.Event("other");
        Process p = _sim.Process(Steps(), "confused");
        _sim.Process(Watch(), "watcher");
        _sim.Call(S(1), () => other.Fail(new InvalidOperationException("x")));

        _sim.Run();

        _log.Should().BeEmpty();
        p.Error.Should().BeOfType<UnhandledFailureException>().Which.EventName.Should().Be("other");

        IEnumerable<Event> Steps()
        {
            _ = marked.Tolerated();
            yield return other;
            _log.Add("went on");
        }

        IEnumerable<Event> Watch()
        {
            yield return p.Tolerated();
        }
    }

    [Fact]
    public void An_interrupt_clears_the_tolerance_mark()
    {
        Event e = _sim.Event("e");
        Process p = _sim.Process(self => Steps(self), "p");
        _sim.Process(Watch(), "watcher");
        _sim.Call(S(1), () => p.Interrupt());
        _sim.Call(S(2), () => e.Fail(new InvalidOperationException("x")));

        _sim.Run();

        _log.Should().Equal("interrupted");
        p.Error.Should().BeOfType<UnhandledFailureException>();

        IEnumerable<Event> Steps(Process self)
        {
            yield return e.Tolerated();
            if (self.Interrupted)
            {
                _log.Add("interrupted");
                self.TakeInterrupt();
                yield return e;
                _log.Add("went on");
            }
        }

        IEnumerable<Event> Watch()
        {
            yield return p.Tolerated();
        }
    }

    [Fact]
    public void A_failing_child_process_fails_the_parent_waiting_on_it()
    {
        Process child = _sim.Process(Child(), "child");
        Process parent = _sim.Process(Parent(), "parent");
        Process top = _sim.Process(Top(), "top");

        _sim.Run();

        _log.Should().Equal("top saw: process 'parent' waited on event 'child', which failed at 1s: process 'child' failed at 1s: boom");
        child.Error.Should().BeOfType<SimulationException>().Which.InnerException.Should().BeOfType<InvalidOperationException>();
        parent.Error.Should().BeOfType<UnhandledFailureException>().Which.InnerException.Should().BeSameAs(child.Error);
        top.Ok.Should().BeTrue();

        IEnumerable<Event> Child()
        {
            yield return _sim.Delay(S(1));
            throw new InvalidOperationException("boom");
        }

        IEnumerable<Event> Parent()
        {
            yield return child;
            _log.Add("parent went on");
        }

        IEnumerable<Event> Top()
        {
            yield return parent.Tolerated();
            _log.Add("top saw: " + parent.Error!.Message);
        }
    }

    [Fact]
    public void AllOf_with_one_failing_member_fails_the_waiting_process_at_the_failure()
    {
        Event bad = _sim.Event("bad");
        Timeout slow = _sim.Timeout(S(5), name: "slow");
        Process p = _sim.Process(Steps(), "both");
        _sim.Process(Watch(), "watcher");
        var cause = new InvalidOperationException("one link failed");
        _sim.Call(S(1), () => bad.Fail(cause));

        _sim.Run();

        _log.Should().Equal("p failed@1s");
        p.Error.Should().BeOfType<UnhandledFailureException>()
            .Which.Should().Match<UnhandledFailureException>(f => f.EventName == "links" && f.InnerException == cause);

        IEnumerable<Event> Steps()
        {
            yield return _sim.AllOf([slow, bad], "links");
            _log.Add("all done");
        }

        IEnumerable<Event> Watch()
        {
            yield return p.Tolerated();
            _log.Add("p failed@" + _sim.Now);
        }
    }

    [Fact]
    public void Tolerated_outside_a_process_throws_naming_the_event()
    {
        Event e = _sim.Event("orphan");

        Func<Event> mark = () => e.Tolerated();

        mark.Should().Throw<SimulationException>().WithMessage("*'orphan'*yield return e.Tolerated()*");
    }

    [Fact]
    public void Succeeding_waits_still_allocate_nothing_after_a_tolerated_failure()
    {
        var sim = new Simulation();
        Event bad = sim.Event("bad");
        bad.AddCallback(_ => { });
        bad.Fail(new InvalidOperationException("x"));
        sim.Process(Loop(sim, bad), "loop");
        for (int i = 0; i < 1_000; i++)
        {
            sim.Step();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            sim.Step();
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);

        static IEnumerable<Event> Loop(Simulation sim, Event bad)
        {
            yield return bad.Tolerated();
            while (true)
            {
                yield return sim.Delay(new SimTime(10));
            }
        }
    }
}
