using FluentAssertions;
using HyperVSim.Engine;
using static HyperVSim.Flow.Tests.Links;

namespace HyperVSim.Flow.Tests;

/// <summary>
/// A resource at capacity 0 stalls its flows visibly (<see cref="Flow.StalledSince"/>), and a resource that dies
/// (<see cref="FlowNetwork.Fail"/>) fails the completion of every flow crossing it. Links of 1 B/ns.
/// </summary>
public sealed class StallAndFailureTests
{
    [Fact]
    public void A_flow_whose_resource_drops_to_zero_is_stalled_since_then_and_not_once_it_moves_again()
    {
        // 1000 B at 1 B/ns; the link is down from 400 to 700, so the flow ends at 700 + 600 = 1300.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Flow f = net.Start("f", 1000, [link]);
        Finish done = Finish.Of(f);
        var seen = new List<(long At, SimTime? StalledSince)>();
        sim.Call(Ns(400), () => net.SetCapacity(link, 0));
        sim.Call(Ns(500), () => seen.Add((500, f.StalledSince)));
        sim.Call(Ns(700), () => net.SetCapacity(link, OneBytePerNs));
        sim.Call(Ns(800), () => seen.Add((800, f.StalledSince)));
        sim.Run(Ns(300));
        f.StalledSince.Should().BeNull("it moves");

        sim.Run();

        seen.Should().Equal((500L, Ns(400)), (800L, (SimTime?)null));
        done.At.Should().Be(Ns(1300));
        f.StalledSince.Should().BeNull();
    }

    [Fact]
    public void A_stall_keeps_its_start_across_recomputes_while_the_flow_stays_at_rate_zero()
    {
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", 0);
        Flow f = net.Start("f", 1000, [link]);
        sim.Call(Ns(200), () => net.Start("g", 1000, [link]));
        sim.Call(Ns(300), () => net.SetBound(f, 5e8));

        sim.Run(Ns(400));

        net.Recomputes.Should().Be(3, "the start, the second flow and the new bound each recompute the stalled flow");
        f.Rate.Should().Be(0);
        f.StalledSince.Should().Be(Ns(0), "it has not moved since it started");
    }

    [Fact]
    public void A_flow_with_a_bound_of_zero_is_stalled()
    {
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Flow f = net.Start("f", 1000, [link]);
        sim.Call(Ns(100), () => net.SetBound(f, 0));

        sim.Run(Ns(1000));

        f.Active.Should().BeTrue();
        f.StalledSince.Should().Be(Ns(100));
        f.RemainingAt(sim.Now).Should().BeApproximately(900, 1e-9);
    }

    [Fact]
    public void Failing_a_resource_fails_the_flows_crossing_it_with_the_cause_and_gives_their_share_back()
    {
        // a carries f1 and f2, b carries f2 and f3: 0.5 B/ns each. At 400 a dies: f1 and f2 fail, and f3, with
        // 1000 − 200 = 800 B left, runs alone on b at 1 B/ns → done at 1200.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource a = net.AddResource("a", OneBytePerNs);
        Resource b = net.AddResource("b", OneBytePerNs);
        Flow f1 = net.Start("f1", 1000, [a]);
        Flow f2 = net.Start("f2", 1000, [a, b]);
        Flow f3 = net.Start("f3", 1000, [b]);
        var cause = new InvalidOperationException("hv1 lost power");
        var failures = new List<(string Flow, SimTime At, Exception? Error)>();
        foreach (Flow f in new[] { f1, f2 })
        {
            f.Completion.AddCallback(e => failures.Add((f.Name, sim.Now, e.Error)));
        }

        Finish f3Done = Finish.Of(f3);
        sim.Call(Ns(400), () => net.Fail(a, cause));

        sim.Run();

        failures.Should().Equal(("f1", Ns(400), cause), ("f2", Ns(400), cause));
        f1.Completion.Ok.Should().BeFalse();
        f1.Active.Should().BeFalse();
        f2.Active.Should().BeFalse();
        f2.Rate.Should().Be(0);
        f2.RemainingAt(sim.Now).Should().BeApproximately(800, 1e-9);
        a.FlowCount.Should().Be(0);
        a.Capacity.Should().Be(0, "a dead resource carries nothing");
        b.FlowCount.Should().Be(0);
        f3Done.At.Should().Be(Ns(1200));
        f3Done.Value.Should().BeTrue();
    }

    [Fact]
    public void A_flow_started_on_a_failed_resource_stalls_until_the_resource_is_revived()
    {
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        net.Fail(link, new InvalidOperationException("down"));
        Flow f = net.Start("f", 1000, [link]);
        Finish done = Finish.Of(f);
        sim.Call(Ns(500), () => net.SetCapacity(link, OneBytePerNs));

        sim.Run(Ns(100));
        f.StalledSince.Should().Be(Ns(0));
        sim.Run();

        done.At.Should().Be(Ns(1500));
        done.Value.Should().BeTrue();
    }

    [Fact]
    public void Cancel_after_a_failure_changes_nothing_and_cancel_still_succeeds_with_false()
    {
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource a = net.AddResource("a", OneBytePerNs);
        Resource b = net.AddResource("b", OneBytePerNs);
        Flow failed = net.Start("failed", 1000, [a]);
        Flow cancelled = net.Start("cancelled", 1000, [b]);
        failed.Completion.AddCallback(_ => { });
        Finish cancelledDone = Finish.Of(cancelled);
        sim.Call(Ns(100), () =>
        {
            net.Fail(a, new InvalidOperationException("a died"));
            net.Cancel(failed);
            net.Cancel(cancelled);
        });

        sim.Run();

        failed.Completion.Ok.Should().BeFalse("the failure stands");
        cancelledDone.Value.Should().BeFalse();
        cancelledDone.At.Should().Be(Ns(100));
    }

    [Fact]
    public void A_failure_nobody_handles_stops_the_run_naming_the_flow()
    {
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        net.Start("orphan", 1000, [link]);
        sim.Call(Ns(100), () => net.Fail(link, new InvalidOperationException("link died")));

        Action run = () => sim.Run();

        run.Should().Throw<SimulationException>().WithMessage("*orphan*link died*");
    }

    /// <summary>
    /// One flow failed on its own (what it needs is not a resource): it ends at 400 ns with the cause, its link keeps its
    /// capacity, and the other flow there takes the whole link: 1000 B shared half and half until 400 ns (200 B each),
    /// then its 800 B alone at 1 B/ns: done at 1200 ns.
    /// </summary>
    [Fact]
    public void Failing_one_flow_ends_it_alone_and_leaves_its_resources_to_the_others()
    {
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Flow failed = net.Start("failed", 1000, [link]);
        Flow other = net.Start("other", 1000, [link]);
        Flow alone = net.Start("alone", 1000, Array.Empty<Resource>(), bound: OneBytePerNs);
        var cause = new InvalidOperationException("its volume failed");
        Exception? seen = null;
        failed.Completion.AddCallback(e => seen = e.Error);
        Finish otherDone = Finish.Of(other);
        alone.Completion.AddCallback(_ => { });
        sim.Call(Ns(400), () =>
        {
            net.Fail(failed, cause);
            net.Fail(failed, new InvalidOperationException("again: ignored"));
            net.Fail(alone, cause);
        });

        sim.Run();

        seen.Should().BeSameAs(cause);
        failed.Active.Should().BeFalse();
        link.Capacity.Should().Be(OneBytePerNs, "no resource failed");
        otherDone.At.Should().Be(Ns(1200));
        alone.Completion.Ok.Should().BeFalse("a flow over no resource can fail too");
    }
}
