using FluentAssertions;
using Xunit;

namespace HyperVSim.Engine.Tests;

public sealed class ProcessTests
{
    private readonly Simulation _sim = new();
    private readonly List<string> _log = [];

    private static SimTime S(double seconds) => SimTime.FromSeconds(seconds);

    [Fact]
    public void Steps_run_in_sequence_each_after_the_event_it_waited_for()
    {
        _sim.Process(Steps(), "boot");
        _sim.Run();

        _log.Should().Equal("start@0s", "disk@1s", "net@3s", "done@3s");

        IEnumerable<Event> Steps()
        {
            _log.Add("start@" + _sim.Now);
            yield return _sim.Timeout(S(1));
            _log.Add("disk@" + _sim.Now);
            yield return _sim.Delay(S(2));
            _log.Add("net@" + _sim.Now);
            _log.Add("done@" + _sim.Now);
        }
    }

    [Fact]
    public void Two_processes_interleave_by_time()
    {
        _sim.Process(Ticker("a", 2), "a");
        _sim.Process(Ticker("b", 3), "b");
        _sim.Run(S(7));

        // At 6s both are due; b scheduled its wake-up at 3s, before a did at 4s, so b goes first.
        _log.Should().Equal("a@2s", "b@3s", "a@4s", "b@6s", "a@6s");

        IEnumerable<Event> Ticker(string name, double period)
        {
            while (true)
            {
                yield return _sim.Delay(S(period));
                _log.Add(name + "@" + _sim.Now);
            }
        }
    }

    [Fact]
    public void A_process_is_an_event_that_succeeds_with_its_result_when_its_steps_end()
    {
        Process p = _sim.Process(self => Steps(self), "worker");
        p.IsAlive.Should().BeTrue();

        _sim.Run();

        p.IsAlive.Should().BeFalse();
        p.State.Should().Be(EventState.Processed);
        p.Ok.Should().BeTrue();
        p.Value.Should().Be(42);
        _sim.Now.Should().Be(S(5));

        IEnumerable<Event> Steps(Process self)
        {
            yield return _sim.Timeout(S(5));
            self.Result = 42;
        }
    }

    [Fact]
    public void A_process_can_wait_for_another_and_read_its_result()
    {
        Process child = _sim.Process(self => Child(self), "child");
        _sim.Process(Parent(), "parent");
        _sim.Run();

        _log.Should().Equal("parent waits@0s", "child done@4s", "parent got 7@4s");

        IEnumerable<Event> Child(Process self)
        {
            yield return _sim.Timeout(S(4));
            _log.Add("child done@" + _sim.Now);
            self.Result = 7;
        }

        IEnumerable<Event> Parent()
        {
            _log.Add("parent waits@" + _sim.Now);
            yield return child;
            _log.Add("parent got " + child.Value + "@" + _sim.Now);
        }
    }

    [Fact]
    public void Waiting_on_an_event_already_processed_continues_at_once()
    {
        Event done = _sim.Event("done");
        done.Succeed("v");
        _sim.Run(S(1));
        _sim.Process(Steps(), "late");
        _sim.Run();

        _log.Should().Equal("before@1s", "after v@1s");

        IEnumerable<Event> Steps()
        {
            _log.Add("before@" + _sim.Now);
            yield return done;
            _log.Add("after " + done.Value + "@" + _sim.Now);
        }
    }

    [Fact]
    public void Many_processes_waiting_on_one_event_resume_in_the_order_they_began_waiting()
    {
        Event gate = _sim.Event("gate");
        for (int i = 0; i < 5; i++)
        {
            _sim.Process(Waiter(i), "w" + i);
        }

        _sim.Call(S(1), () => gate.Succeed());
        _sim.Run();

        _log.Should().Equal("w0", "w1", "w2", "w3", "w4");

        IEnumerable<Event> Waiter(int i)
        {
            yield return gate;
            _log.Add("w" + i);
        }
    }

    [Fact]
    public void A_process_that_throws_fails_and_stops_the_run_naming_it_when_nobody_waits()
    {
        _sim.Process(Steps(), "migrator");

        Action run = () => _sim.Run();

        run.Should().Throw<SimulationException>()
            .WithMessage("*'migrator'*2s*dirty page rate too high*")
            .Which.InnerException.Should().BeOfType<SimulationException>()
            .Which.InnerException.Should().BeOfType<InvalidOperationException>();

        IEnumerable<Event> Steps()
        {
            yield return _sim.Timeout(S(2));
            throw new InvalidOperationException("dirty page rate too high");
        }
    }

    [Fact]
    public void A_process_waiting_on_a_failed_process_with_a_tolerated_wait_handles_its_failure()
    {
        Process child = _sim.Process(Failing(), "child");
        _sim.Process(Parent(), "parent");

        _sim.Run();

        _log.Should().Equal("child failed: boom");
        child.Ok.Should().BeFalse();
        child.IsAlive.Should().BeFalse();

        IEnumerable<Event> Failing()
        {
            yield return _sim.Timeout(S(1));
            throw new InvalidOperationException("boom");
        }

        IEnumerable<Event> Parent()
        {
            yield return child.Tolerated();
            _log.Add("child failed: " + child.Error!.InnerException!.Message);
        }
    }

    [Fact]
    public void Reading_the_value_of_a_tolerated_failed_event_inside_a_process_stops_the_run()
    {
        Event e = _sim.Event("fetch");
        _sim.Process(Steps(), "reader");
        _sim.Call(S(1), () => e.Fail(new IOException("unreachable")));

        Action run = () => _sim.Run();

        run.Should().Throw<SimulationException>().WithMessage("*'fetch'*unreachable*");

        IEnumerable<Event> Steps()
        {
            yield return e.Tolerated();
            _ = e.Value;
        }
    }

    [Fact]
    public void Yielding_null_throws_naming_the_process()
    {
        _sim.Process(Steps(), "sloppy");

        Action run = () => _sim.Run();

        run.Should().Throw<SimulationException>().WithMessage("*'sloppy'*null*");

        static IEnumerable<Event> Steps()
        {
            yield return null!;
        }
    }

    [Fact]
    public void Yielding_an_event_of_another_simulation_throws()
    {
        var other = new Simulation();
        _sim.Process(Steps(), "confused");

        Action run = () => _sim.Run();

        run.Should().Throw<SimulationException>().WithMessage("*'confused'*'alien'*another simulation*");

        IEnumerable<Event> Steps()
        {
            yield return other.Event("alien");
        }
    }

    [Fact]
    public void The_active_process_is_set_only_while_its_steps_run()
    {
        Process? seen = null;
        Process p = _sim.Process(Steps(), "me");

        _sim.ActiveProcess.Should().BeNull();
        _sim.Run();

        seen.Should().BeSameAs(p);
        _sim.ActiveProcess.Should().BeNull();

        IEnumerable<Event> Steps()
        {
            yield return _sim.Delay(S(1));
            seen = _sim.ActiveProcess;
        }
    }

    [Fact]
    public void Steps_start_lazily_at_the_creation_instant_not_inside_the_call()
    {
        _sim.Process(Steps(), "lazy");
        _log.Should().BeEmpty();

        _sim.Step();

        _log.Should().Equal("ran");

        IEnumerable<Event> Steps()
        {
            _log.Add("ran");
            yield break;
        }
    }

    [Fact]
    public void Target_is_the_event_the_process_waits_on()
    {
        Event gate = _sim.Event("gate");
        var seen = new List<string>();
        Process p = _sim.Process(Steps(), "waiter");

        _sim.Step();
        seen.Add(p.Target?.Name ?? "none");
        _sim.Step();
        seen.Add(p.Target?.Name ?? "none");
        gate.Succeed();
        _sim.Run();
        seen.Add(p.Target?.Name ?? "none");

        seen.Should().Equal("delay", "gate", "none");

        IEnumerable<Event> Steps()
        {
            yield return _sim.Delay(S(1));
            yield return gate;
        }
    }

    [Fact]
    public void A_process_can_wait_on_several_delays_at_once()
    {
        _sim.Process(Steps(), "multi");
        _sim.Run();

        _log.Should().Equal("any@1s", "all@3s", "again@4s");

        IEnumerable<Event> Steps()
        {
            yield return _sim.AnyOf([_sim.Delay(S(1)), _sim.Delay(S(2))]);
            _log.Add("any@" + _sim.Now);
            yield return _sim.AllOf([_sim.Delay(S(1)), _sim.Delay(S(2))]);
            _log.Add("all@" + _sim.Now);
            yield return _sim.Delay(S(1));
            _log.Add("again@" + _sim.Now);
        }
    }

    [Fact]
    public void Arguments_are_guarded()
    {
        Action noSteps = () => _sim.Process((IEnumerable<Event>)null!, "x");
        Action noFactory = () => _sim.Process((Func<Process, IEnumerable<Event>>)null!, "x");
        Action negativeDelay = () => _sim.Delay(new SimTime(-1));

        noSteps.Should().Throw<ArgumentNullException>().WithParameterName("steps");
        noFactory.Should().Throw<ArgumentNullException>().WithParameterName("steps");
        negativeDelay.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("delay");
    }
}
