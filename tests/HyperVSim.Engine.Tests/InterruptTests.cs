using FluentAssertions;
using Xunit;

namespace HyperVSim.Engine.Tests;

public sealed class InterruptTests
{
    private readonly Simulation _sim = new();
    private readonly List<string> _log = [];

    private static SimTime S(double seconds) => SimTime.FromSeconds(seconds);

    [Fact]
    public void An_interrupted_process_wakes_at_once_and_sees_the_cause()
    {
        Process p = _sim.Process(self => Sleeper(self), "vm");
        _sim.Call(S(3), () => p.Interrupt("host failure"));

        _sim.Run();

        _log.Should().Equal("woke@3s interrupted=True cause=host failure");

        IEnumerable<Event> Sleeper(Process self)
        {
            yield return _sim.Timeout(S(10));
            _log.Add($"woke@{_sim.Now} interrupted={self.Interrupted} cause={self.InterruptCause}");
        }
    }

    [Fact]
    public void An_interrupted_process_stops_waiting_on_its_old_target()
    {
        Timeout old = _sim.Timeout(S(10), name: "old");
        Process p = _sim.Process(self => Steps(self), "vm");
        _sim.Call(S(3), () => p.Interrupt());

        _sim.Run();

        _log.Should().Equal("interrupted@3s", "new target@23s");
        old.State.Should().Be(EventState.Processed, "the old target still fires, just not into the process");

        IEnumerable<Event> Steps(Process self)
        {
            yield return old;
            if (self.Interrupted)
            {
                _log.Add("interrupted@" + _sim.Now);
                self.TakeInterrupt();
            }

            yield return _sim.Timeout(S(20));
            _log.Add("new target@" + _sim.Now);
        }
    }

    [Fact]
    public void An_interrupted_process_no_longer_counts_as_handling_its_old_target()
    {
        Event old = _sim.Event("probe");
        Process p = _sim.Process(Steps(), "vm");
        _sim.Call(S(1), () => p.Interrupt());
        _sim.Call(S(2), () => old.Fail(new TimeoutException("late")));

        Action run = () => _sim.Run();

        run.Should().Throw<SimulationException>().WithMessage("*'probe'*nothing handled it*");

        IEnumerable<Event> Steps()
        {
            yield return old;
            yield return _sim.Timeout(S(5));
        }
    }

    [Fact]
    public void TakeInterrupt_returns_the_cause_and_clears_the_flag()
    {
        Process p = _sim.Process(self => Steps(self), "vm");
        _sim.Call(S(1), () => p.Interrupt(17));

        _sim.Run();

        _log.Should().Equal("took 17", "after: False ");

        IEnumerable<Event> Steps(Process self)
        {
            yield return _sim.Timeout(S(5));
            _log.Add("took " + self.TakeInterrupt());
            _log.Add($"after: {self.Interrupted} {self.InterruptCause}");
        }
    }

    [Fact]
    public void The_interrupt_flag_describes_the_latest_wake_only()
    {
        Process p = _sim.Process(self => Steps(self), "vm");
        _sim.Call(S(1), () => p.Interrupt("first"));

        _sim.Run();

        _log.Should().Equal("1s: True first", "3s: False ");

        IEnumerable<Event> Steps(Process self)
        {
            yield return _sim.Timeout(S(5));
            _log.Add($"{_sim.Now}: {self.Interrupted} {self.InterruptCause}");
            yield return _sim.Timeout(S(2));
            _log.Add($"{_sim.Now}: {self.Interrupted} {self.InterruptCause}");
        }
    }

    [Fact]
    public void Every_interrupt_is_delivered_in_order()
    {
        Process p = _sim.Process(self => Steps(self), "vm");
        _sim.Call(S(1), () =>
        {
            p.Interrupt("a");
            p.Interrupt("b");
        });

        _sim.Run();

        _log.Should().Equal("a@1s", "b@1s", "slept@11s");

        IEnumerable<Event> Steps(Process self)
        {
            while (true)
            {
                yield return _sim.Timeout(S(10));
                if (!self.Interrupted)
                {
                    _log.Add("slept@" + _sim.Now);
                    yield break;
                }

                _log.Add(self.TakeInterrupt() + "@" + _sim.Now);
            }
        }
    }

    [Fact]
    public void Interrupting_while_waiting_on_a_pooled_delay_works_and_the_delay_is_reused_safely()
    {
        Process p = _sim.Process(self => Steps(self), "vm");
        _sim.Process(Other(), "other");
        _sim.Call(S(1), () => p.Interrupt());

        _sim.Run();

        _log.Should().Equal("vm interrupted@1s", "other@3s", "vm@4s", "other@6s");

        IEnumerable<Event> Steps(Process self)
        {
            yield return _sim.Delay(S(2));
            _log.Add((self.Interrupted ? "vm interrupted@" : "vm woke@") + _sim.Now);
            yield return _sim.Delay(S(3));
            _log.Add("vm@" + _sim.Now);
        }

        IEnumerable<Event> Other()
        {
            yield return _sim.Delay(S(3));
            _log.Add("other@" + _sim.Now);
            yield return _sim.Delay(S(3));
            _log.Add("other@" + _sim.Now);
        }
    }

    [Fact]
    public void Waiters_keep_their_order_after_one_of_them_is_interrupted()
    {
        Event gate = _sim.Event("gate");
        Process first = _sim.Process(Waiter("first"), "first");
        _sim.Process(Waiter("second"), "second");
        _sim.Call(S(1), () => first.Interrupt());
        _sim.Call(S(2), () => _sim.Process(Waiter("third"), "third"));
        _sim.Call(S(3), () => gate.Succeed());

        _sim.Run();

        _log.Should().Equal("second", "third");

        IEnumerable<Event> Waiter(string name)
        {
            yield return gate;
            if (_sim.ActiveProcess!.Interrupted)
            {
                yield break;
            }

            _log.Add(name);
        }
    }

    [Fact]
    public void Interrupting_an_ended_process_throws_naming_it()
    {
        Process p = _sim.Process(Empty(), "short-lived");
        _sim.Run();

        Action interrupt = () => p.Interrupt();

        interrupt.Should().Throw<SimulationException>().WithMessage("*'short-lived'*ended*");

        static IEnumerable<Event> Empty()
        {
            yield break;
        }
    }
}
