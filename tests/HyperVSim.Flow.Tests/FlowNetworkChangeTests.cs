using FluentAssertions;
using HyperVSim.Engine;
using static HyperVSim.Flow.Tests.Links;

namespace HyperVSim.Flow.Tests;

/// <summary>Cancel, SetCapacity, SetBound and zero-amount flows, against hand-computed schedules (link 1 B/ns).</summary>
public sealed class FlowNetworkChangeTests
{
    [Fact]
    public void Cancel_ends_the_flow_with_false_and_gives_its_share_back()
    {
        // f1, f2: 1000 B each from 0, 0.5 B/ns each. At 400 f2 is cancelled with 1000 − 200 = 800 B left.
        // f1 also has 800 B left and now runs alone at 1 B/ns → done at 400 + 800 = 1200.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Flow f1 = net.Start("f1", 1000, [link]);
        Flow f2 = net.Start("f2", 1000, [link]);
        Finish f1Done = Finish.Of(f1);
        Finish f2Done = Finish.Of(f2);
        sim.Call(Ns(400), () => net.Cancel(f2));

        sim.Run();

        f2Done.At.Should().Be(Ns(400));
        f2Done.Value.Should().BeFalse();
        f2.Active.Should().BeFalse();
        f2.Rate.Should().Be(0);
        f2.RemainingAt(sim.Now).Should().BeApproximately(800, 1e-9);
        f1Done.At.Should().Be(Ns(1200));
        f1Done.Value.Should().BeTrue();
    }

    [Fact]
    public void Cancel_twice_or_after_completion_changes_nothing()
    {
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Flow done = net.Start("done", 100, [link]);
        Flow cancelled = net.Start("cancelled", 1e6, [link]);
        sim.Run(Ns(1000));

        net.Cancel(cancelled);
        net.Cancel(cancelled);
        net.Cancel(done);
        sim.Run();

        done.Completion.Value.Should().Be(true);
        cancelled.Completion.Value.Should().Be(false);
    }

    [Fact]
    public void Cancel_in_the_instant_of_the_start_completes_with_false_and_moves_nothing()
    {
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Flow f = net.Start("f", 1000, [link]);
        Finish finish = Finish.Of(f);
        net.Cancel(f);

        sim.Run();

        finish.At.Should().Be(SimTime.Zero);
        finish.Value.Should().BeFalse();
        f.RemainingAt(sim.Now).Should().Be(1000);
        link.FlowCount.Should().Be(0);
    }

    [Fact]
    public void A_link_going_to_zero_stalls_the_flow_and_restoring_it_resumes()
    {
        // 1000 B at 1 B/ns. At 300 the link goes down (700 B left, rate 0); it comes back at 5000.
        // Then 700 B at 1 B/ns → done at 5000 + 700 = 5700.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Flow f = net.Start("f", 1000, [link]);
        Finish done = Finish.Of(f);
        sim.Call(Ns(300), () => net.SetCapacity(link, 0));

        sim.Run(Ns(4999));
        f.Active.Should().BeTrue();
        f.Rate.Should().Be(0);
        f.Bottleneck.Should().BeSameAs(link);
        f.RemainingAt(sim.Now).Should().BeApproximately(700, 1e-9);
        done.At.Should().BeNull();

        sim.Call(Ns(1), () => net.SetCapacity(link, OneBytePerNs));
        sim.Run();

        done.At.Should().Be(Ns(5700));
        done.Value.Should().BeTrue();
    }

    [Fact]
    public void A_stalled_flow_leaves_no_pending_timer_so_the_run_ends()
    {
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", 0);
        Flow f = net.Start("f", 1000, [link]);

        RunOutcome outcome = sim.Run();

        outcome.Stop.Should().Be(RunStop.NoEventsLeft);
        outcome.Time.Should().Be(SimTime.Zero);
        f.Active.Should().BeTrue();
        f.Rate.Should().Be(0);
    }

    [Fact]
    public void Halving_the_capacity_midway_stretches_the_rest()
    {
        // 1000 B at 1 B/ns; at 300 the link drops to 0.5 B/ns: 700 / 0.5 = 1400 → done at 1700.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Finish done = Finish.Of(net.Start("f", 1000, [link]));
        sim.Call(Ns(300), () => net.SetCapacity(link, 5e8));

        sim.Run();

        done.At.Should().Be(Ns(1700));
    }

    [Fact]
    public void SetBound_caps_the_flow_and_lifting_it_restores_the_link_rate()
    {
        // 1000 B at 1 B/ns. At 200 (800 B left) bound 0.25 B/ns; at 1000 it has sent 800 · 0.25 = 200 more,
        // 600 B left; the bound is lifted → 600 ns at 1 B/ns → done at 1600.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Flow f = net.Start("f", 1000, [link]);
        Finish done = Finish.Of(f);
        sim.Call(Ns(200), () => net.SetBound(f, 2.5e8));
        sim.Call(Ns(1000), () => net.SetBound(f, double.PositiveInfinity));

        sim.Run(Ns(500));
        f.Rate.Should().Be(2.5e8);
        f.BoundByOwnCap.Should().BeTrue();
        f.Bound.Should().Be(2.5e8);

        sim.Run();

        done.At.Should().Be(Ns(1600));
    }

    [Fact]
    public void Raising_one_flows_bound_takes_bandwidth_from_its_neighbour()
    {
        // Link 1 B/ns; a bound 0.2 B/ns, b unbounded: a = 0.2, b = 0.8. Both 1000 B.
        // At 500: a has sent 100 (900 left), b 400 (600 left). a's bound → 0.6: share 1/2 = 0.5 < 0.6, so
        // a = b = 0.5. b: 600 / 0.5 = 1200 → done at 1700; a has then sent 600 more, 300 left, alone at 0.6
        // (its bound) → 500 ns → done at 2200.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Flow a = net.Start("a", 1000, [link], bound: 2e8);
        Finish aDone = Finish.Of(a);
        Finish bDone = Finish.Of(net.Start("b", 1000, [link]));
        sim.Call(Ns(500), () => net.SetBound(a, 6e8));

        sim.Run();

        bDone.At.Should().Be(Ns(1700));
        aDone.At.Should().Be(Ns(2200));
    }

    [Fact]
    public void A_zero_amount_flow_completes_at_once_without_a_recompute()
    {
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        SimTime? resumedAt = null;

        IEnumerable<Event> Steps()
        {
            yield return sim.Timeout(new SimTime(70));
            Flow f = net.Start("empty", 0, [link]);
            f.Active.Should().BeFalse();
            link.FlowCount.Should().Be(0);
            yield return f.Completion;
            resumedAt = sim.Now;
            f.Completion.Value.Should().Be(true);
        }

        sim.Process(Steps(), "p");
        sim.Run();

        resumedAt.Should().Be(new SimTime(70));
        net.Recomputes.Should().Be(0);
    }

    [Fact]
    public void A_flow_with_only_a_bound_runs_at_that_bound()
    {
        // No resource, bound 0.5 B/ns, 1000 B → 2000 ns.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Flow f = net.Start("cpu-only", 1000, Array.Empty<Resource>(), bound: 5e8);
        Finish done = Finish.Of(f);

        sim.Run();

        done.At.Should().Be(new SimTime(2000));
        f.BottleneckSpans.Should().Equal(new BottleneckSpan(null, false, new SimTime(2000)));
    }

    [Fact]
    public void Invalid_arguments_are_refused_with_the_argument_named()
    {
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", 1);

        FluentActions.Invoking(() => net.AddResource("bad", -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("capacity");
        FluentActions.Invoking(() => net.AddResource("bad", double.PositiveInfinity)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => net.AddResource("bad", double.NaN)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => net.Start("f", -1, [link])).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("amount");
        FluentActions.Invoking(() => net.Start("f", double.NaN, [link])).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => net.Start("f", 1, [link], bound: -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("bound");
        FluentActions.Invoking(() => net.Start("f", 1, [link], weight: 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("weight");
        FluentActions.Invoking(() => net.Start("f", 1, [link], weight: double.PositiveInfinity)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("weight");
        FluentActions.Invoking(() => net.Start("f", 1, [link], weight: double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("weight");
        FluentActions.Invoking(() => net.Start("f", 1, Array.Empty<Resource>())).Should().Throw<ArgumentException>().WithParameterName("path");
        FluentActions.Invoking(() => net.SetCapacity(link, -1)).Should().Throw<ArgumentOutOfRangeException>();
        Flow f = net.Start("f", 1, [link]);
        FluentActions.Invoking(() => net.SetBound(f, double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("bound");
    }
    [Fact]
    public void Lifting_the_only_limit_of_a_flow_without_resources_is_refused_at_the_call()
    {
        // A flow over no resource is held only by its bound; an infinite bound would make its rate infinite.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Flow f = net.Start("cpu-only", 1000, Array.Empty<Resource>(), bound: 5e8);
        sim.Run(new SimTime(10));

        FluentActions.Invoking(() => net.SetBound(f, double.PositiveInfinity))
            .Should().Throw<ArgumentException>().WithParameterName("bound");
        FluentActions.Invoking(() => sim.Run()).Should().NotThrow();
        f.Completion.Value.Should().Be(true);
        sim.Now.Should().Be(new SimTime(2000), "1000 B at 0.5 B/ns, unchanged");
    }

    [Fact]
    public void A_rate_too_small_to_finish_within_the_clock_range_stalls_instead_of_overflowing_the_clock()
    {
        // At 100 the link drops to 1e-12 B/s: 900 B would take 9e14 s, far beyond the 292 years a SimTime holds.
        // The flow simply does not finish; when the link comes back at 10 000, 900 B at 1 B/ns end at 10 900.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Flow f = net.Start("f", 1000, [link]);
        Finish done = Finish.Of(f);
        sim.Call(Ns(100), () => net.SetCapacity(link, 1e-12));
        sim.Call(Ns(10_000), () => net.SetCapacity(link, OneBytePerNs));

        FluentActions.Invoking(() => sim.Run()).Should().NotThrow();

        done.At.Should().Be(Ns(10_900));
    }
}
