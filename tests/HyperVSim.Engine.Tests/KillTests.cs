using FluentAssertions;
using Xunit;

namespace HyperVSim.Engine.Tests;

public sealed class KillTests
{
    private readonly Simulation _sim = new();
    private readonly List<string> _log = [];

    private static SimTime S(double seconds) => SimTime.FromSeconds(seconds);

    [Fact]
    public void Killing_mid_wait_runs_finally_and_using_blocks_and_ends_the_process_as_killed()
    {
        Process p = _sim.Process(Steps(), "migration");
        _sim.Call(S(3), () => p.Kill("host lost"));

        _sim.Run();

        _log.Should().Equal("started", "disposed@3s", "finally@3s");
        p.IsAlive.Should().BeFalse();
        p.Ok.Should().BeFalse();
        p.Error.Should().BeOfType<ProcessKilledException>()
            .Which.Should().Match<ProcessKilledException>(k => (string)k.Cause! == "host lost" && k.ProcessName == "migration" && k.At == S(3));
        p.Error!.Message.Should().Contain("'migration'").And.Contain("host lost");

        IEnumerable<Event> Steps()
        {
            try
            {
                using var slot = new Releaser(() => _log.Add("disposed@" + _sim.Now));
                _log.Add("started");
                yield return _sim.Timeout(S(10));
                _log.Add("never resumed");
            }
            finally
            {
                _log.Add("finally@" + _sim.Now);
            }
        }
    }

    [Fact]
    public void A_killed_process_nobody_waits_on_stops_nothing()
    {
        Process p = _sim.Process(Sleeper(), "idle");
        _sim.Call(S(1), () => p.Kill());

        RunOutcome outcome = _sim.Run();

        outcome.Time.Should().Be(S(100), "the run goes on past the kill, to the timeout the process left behind");
        _log.Should().BeEmpty();
        p.State.Should().Be(EventState.Processed);
        p.Error.Should().BeOfType<ProcessKilledException>().Which.Cause.Should().BeNull();
    }

    [Fact]
    public void A_waiter_that_tolerates_failure_sees_the_kill_and_its_cause()
    {
        Process victim = _sim.Process(Sleeper(), "victim");
        _sim.Process(Watcher(), "watcher");
        _sim.Call(S(2), () => victim.Kill(404));

        _sim.Run();

        _log.Should().Equal("watcher saw ProcessKilledException cause=404 @2s");

        IEnumerable<Event> Watcher()
        {
            yield return victim.Tolerated();
            var killed = (ProcessKilledException)victim.Error!;
            _log.Add($"watcher saw {killed.GetType().Name} cause={killed.Cause} @{_sim.Now}");
        }
    }

    [Fact]
    public void A_waiter_that_does_not_tolerate_failure_fails_with_the_kill_inside()
    {
        Process victim = _sim.Process(Sleeper(), "victim");
        Process parent = _sim.Process(Parent(), "parent");
        _sim.Process(GrandParent(), "grandparent");
        _sim.Call(S(2), () => victim.Kill("drain cancelled"));

        Action run = () => _sim.Run();

        run.Should().Throw<SimulationException>()
            .WithMessage("*'grandparent'*'parent'*", "the grandparent's second wait did not tolerate the failure, and nobody waits on it")
            .Which.InnerException.Should().BeOfType<UnhandledFailureException>();
        _log.Should().ContainSingle("the parent never resumes, and the grandparent's mark covered one wait only")
            .Which.Should().Be("grandparent resumed");
        parent.Error.Should().BeOfType<UnhandledFailureException>()
            .Which.InnerException.Should().BeOfType<ProcessKilledException>()
            .Which.Cause.Should().Be("drain cancelled");

        IEnumerable<Event> Parent()
        {
            yield return victim;
            _log.Add("parent resumed");
        }

        IEnumerable<Event> GrandParent()
        {
            yield return parent.Tolerated();
            _log.Add("grandparent resumed");
            yield return parent;
            _log.Add("grandparent resumed again");
        }
    }

    [Fact]
    public void A_killed_process_never_resumes_even_when_its_old_target_fires()
    {
        Event gate = _sim.Event("gate");
        gate.AddCallback(_ => _log.Add("gate fired@" + _sim.Now));
        Process p = _sim.Process(Steps(), "waiter");
        _sim.Call(S(1), () => p.Kill());
        _sim.Call(S(2), () => gate.Succeed());

        _sim.Run();

        _log.Should().Equal("gate fired@2s");
        Action interrupt = () => p.Interrupt();
        interrupt.Should().Throw<SimulationException>().WithMessage("*'waiter'*ended*");

        IEnumerable<Event> Steps()
        {
            yield return gate;
            _log.Add("resumed");
        }
    }

    [Fact]
    public void Killing_twice_or_after_the_end_does_nothing_and_says_so()
    {
        Process quick = _sim.Process(Empty(), "quick");
        Process slow = _sim.Process(Sleeper(), "slow");
        _sim.Run(S(1));

        quick.Kill().Should().BeFalse("it has ended");
        quick.Ok.Should().BeTrue();
        slow.Kill("first").Should().BeTrue();
        slow.Kill("second").Should().BeFalse("it is already being killed");
        _sim.Run();

        ((ProcessKilledException)slow.Error!).Cause.Should().Be("first");

        static IEnumerable<Event> Empty()
        {
            yield break;
        }
    }

    [Fact]
    public void A_process_killed_before_it_started_never_runs()
    {
        Process p = _sim.Process(Steps(), "stillborn");
        p.Kill();

        _sim.Run();

        _log.Should().BeEmpty();
        p.Error.Should().BeOfType<ProcessKilledException>();

        IEnumerable<Event> Steps()
        {
            _log.Add("ran");
            yield break;
        }
    }

    [Fact]
    public void Killing_itself_takes_effect_when_the_step_yields()
    {
        Process p = _sim.Process(self => Steps(self), "self-destruct");

        RunOutcome outcome = _sim.Run();

        _log.Should().Equal("kill returned True", "rest of the step ran", "finally@1s");
        p.Error.Should().BeOfType<ProcessKilledException>().Which.Cause.Should().Be("done for");
        outcome.Time.Should().Be(S(1), "the delay it yielded when killed was withdrawn");
        _sim.PooledDelays.Should().Be(0, "it was the process's own delay, which never joins the pool");

        IEnumerable<Event> Steps(Process self)
        {
            try
            {
                yield return _sim.Delay(S(1));
                _log.Add("kill returned " + self.Kill("done for"));
                _log.Add("rest of the step ran");
                yield return _sim.Delay(S(50));
                _log.Add("never");
            }
            finally
            {
                _log.Add("finally@" + _sim.Now);
            }
        }
    }

    [Fact]
    public void Killing_itself_in_its_last_step_still_ends_it_as_killed()
    {
        Process p = _sim.Process(self => Steps(self), "last-words");

        _sim.Run();

        p.Error.Should().BeOfType<ProcessKilledException>();

        static IEnumerable<Event> Steps(Process self)
        {
            self.Kill();
            yield break;
        }
    }

    [Fact]
    public void Killing_a_process_waiting_on_delays_withdraws_them_and_returns_them_to_the_pool()
    {
        var killed = new List<Process>();
        for (int i = 0; i < 3; i++)
        {
            killed.Add(_sim.Process(Nested(), "p" + i));
        }

        _sim.Run(S(1));
        _sim.PooledDelays.Should().Be(0, "each process waits on a pooled delay (its own is in use by its first wait)");
        foreach (Process p in killed)
        {
            p.Kill();
        }

        RunOutcome outcome = _sim.Run();

        outcome.Time.Should().Be(S(1), "withdrawn delays neither fire nor move the clock");
        _sim.PendingEvents.Should().Be(0);
        _sim.PooledDelays.Should().Be(3, "every pooled delay is back");

        // The recycled delays work: new processes sleep on them as usual.
        _sim.Process(Steps(), "next");
        _sim.Run();
        _log.Should().Equal("slept@6s");

        IEnumerable<Event> Nested()
        {
            Event own = _sim.Delay(S(100));
            yield return _sim.AnyOf([own, _sim.Delay(S(0.5))]);
            yield return _sim.Delay(S(100));
        }

        IEnumerable<Event> Steps()
        {
            yield return _sim.AllOf([_sim.Delay(S(5)), _sim.Delay(S(2)), _sim.Delay(S(3))]);
            _log.Add("slept@" + _sim.Now);
        }
    }

    [Fact]
    public void A_killer_killed_back_by_its_victims_finally_block_ends_when_its_own_step_yields()
    {
        Process? supervisor = null;
        Process worker = _sim.Process(Worker(), "worker");
        supervisor = _sim.Process(Supervisor(), "supervisor");

        _sim.Run();

        _log.Should().Equal("worker finally", "supervisor went on after the kill", "supervisor finally@1s");
        worker.Error.Should().BeOfType<ProcessKilledException>().Which.Cause.Should().Be("stop");
        supervisor.Error.Should().BeOfType<ProcessKilledException>().Which.Cause.Should().Be("you too");

        IEnumerable<Event> Worker()
        {
            try
            {
                yield return _sim.Timeout(S(10));
            }
            finally
            {
                _log.Add("worker finally");
                supervisor!.Kill("you too");
            }
        }

        IEnumerable<Event> Supervisor()
        {
            try
            {
                yield return _sim.Delay(S(1));
                worker.Kill("stop");
                _log.Add("supervisor went on after the kill");
                yield return _sim.Delay(S(1));
                _log.Add("never");
            }
            finally
            {
                _log.Add("supervisor finally@" + _sim.Now);
            }
        }
    }

    [Fact]
    public void A_finally_block_that_throws_while_killed_fails_the_process_loudly()
    {
        Process p = _sim.Process(Steps(), "clumsy");
        _sim.Call(S(1), () => p.Kill());

        Action run = () => _sim.Run();

        run.Should().Throw<SimulationException>().WithMessage("*'clumsy'*finally*release failed*");

        IEnumerable<Event> Steps()
        {
            try
            {
                yield return _sim.Timeout(S(5));
            }
            finally
            {
                throw new InvalidOperationException("release failed");
            }
        }
    }

    private IEnumerable<Event> Sleeper()
    {
        yield return _sim.Timeout(S(100));
        _log.Add("slept");
    }

    /// <summary>Runs an action when disposed, to see <c>using</c> blocks end.</summary>
    private sealed class Releaser(Action onDispose) : IDisposable
    {
        public void Dispose() => onDispose();
    }
}
