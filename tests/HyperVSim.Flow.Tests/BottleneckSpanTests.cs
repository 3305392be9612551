using FluentAssertions;
using HyperVSim.Engine;
using static HyperVSim.Flow.Tests.Links;

namespace HyperVSim.Flow.Tests;

/// <summary>
/// What held each flow's rate, and for how long: the spans of a flow add up to its lifetime and name the
/// resource it had alone, the resource it shared, or (null) its own bound.
/// </summary>
public sealed class BottleneckSpanTests
{
    private static SimTime Sum(IEnumerable<BottleneckSpan> spans) => new(spans.Sum(s => s.Duration.Nanoseconds));

    [Fact]
    public void A_flow_alone_on_its_link_is_held_by_that_link_alone_for_its_whole_life()
    {
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("nic", OneBytePerNs);
        Flow f = net.Start("f", 1000, [link]);

        sim.Run();

        f.BottleneckSpans.Should().Equal(new BottleneckSpan(link, false, Ns(1000)));
    }

    [Fact]
    public void Sharing_midway_splits_the_time_between_alone_and_shared()
    {
        // Schedule of FlowNetworkTimingTests: f1 alone [0, 400) and [1000, 1300) = 700 ns, shared [400, 1000)
        // = 600 ns; f2 shared for its whole life, 600 ns.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Flow f1 = net.Start("f1", 1000, [link]);
        Flow? f2 = null;
        sim.Call(Ns(400), () => f2 = net.Start("f2", 300, [link]));

        sim.Run(Ns(700));
        f1.Bottleneck.Should().BeSameAs(link);
        f1.BottleneckShared.Should().BeTrue();
        sim.Run();

        f1.BottleneckSpans.Should().Equal(
            new BottleneckSpan(link, false, Ns(700)),
            new BottleneckSpan(link, true, Ns(600)));
        f2!.BottleneckSpans.Should().Equal(new BottleneckSpan(link, true, Ns(600)));
        Sum(f1.BottleneckSpans).Should().Be(Ns(1300));
        f1.BottleneckShared.Should().BeFalse("it was alone again at the end");
    }

    [Fact]
    public void A_flow_held_by_its_own_bound_names_no_resource()
    {
        // 1000 B, bound 0.25 B/ns on a 1 B/ns link → 4000 ns, all of it at its own bound.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Flow f = net.Start("f", 1000, [link], bound: 2.5e8);

        sim.Run(Ns(10));
        f.BoundByOwnCap.Should().BeTrue();
        f.Bottleneck.Should().BeNull();
        sim.Run();

        f.BottleneckSpans.Should().Equal(new BottleneckSpan(null, false, Ns(4000)));
        f.BoundByOwnCap.Should().BeFalse("an ended flow is held by nothing");
    }

    [Fact]
    public void A_bounded_newcomer_is_held_by_its_bound_and_the_other_by_the_shared_link()
    {
        // Schedule of FlowNetworkTimingTests: f1 alone [0, 200), then shared with the bounded f2 until 1267
        // (1067 ns); f2 at its own bound [200, 4200) = 4000 ns.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Flow f1 = net.Start("f1", 1000, [link]);
        Flow? f2 = null;
        sim.Call(Ns(200), () => f2 = net.Start("f2", 1000, [link], bound: 2.5e8));

        sim.Run();

        f1.BottleneckSpans.Should().Equal(
            new BottleneckSpan(link, false, Ns(200)),
            new BottleneckSpan(link, true, Ns(1067)));
        f2!.BottleneckSpans.Should().Equal(new BottleneckSpan(null, false, Ns(4000)));
    }

    [Fact]
    public void Time_stalled_on_a_dead_link_counts_against_that_link()
    {
        // Link down [300, 5000): the flow lives 5700 ns, all of it held by the link (alone).
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Flow f = net.Start("f", 1000, [link]);
        sim.Call(Ns(300), () => net.SetCapacity(link, 0));
        sim.Call(Ns(5000), () => net.SetCapacity(link, OneBytePerNs));

        sim.Run();

        f.BottleneckSpans.Should().Equal(new BottleneckSpan(link, false, Ns(5700)));
    }

    [Fact]
    public void A_flow_moving_from_link_to_bound_and_back_keeps_one_tally_per_cause()
    {
        // SetBound schedule of FlowNetworkChangeTests: link [0, 200) and [1000, 1600) = 800 ns,
        // own bound [200, 1000) = 800 ns. Spans are listed in the order first seen.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Flow f = net.Start("f", 1000, [link]);
        sim.Call(Ns(200), () => net.SetBound(f, 2.5e8));
        sim.Call(Ns(1000), () => net.SetBound(f, double.PositiveInfinity));

        sim.Run();

        f.BottleneckSpans.Should().Equal(
            new BottleneckSpan(link, false, Ns(800)),
            new BottleneckSpan(null, false, Ns(800)));
    }

    [Fact]
    public void The_narrower_of_two_links_is_named_and_a_cancelled_flow_is_tallied_until_cancelled()
    {
        // narrow 0.5 B/ns (alone), wide 2 B/ns (shared with g). f: 1000 B, cancelled at 600.
        // f is held by narrow (0.5 < wide's share 1); narrow carries only f → not shared. g gets 2 − 0.5.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource narrow = net.AddResource("narrow", 5e8);
        Resource wide = net.AddResource("wide", 2e9);
        Flow f = net.Start("f", 1000, [narrow, wide]);
        Flow g = net.Start("g", 1e6, [wide]);
        sim.Call(Ns(600), () => net.Cancel(f));

        sim.Run(Ns(601));

        f.BottleneckSpans.Should().Equal(new BottleneckSpan(narrow, false, Ns(600)));
        g.Rate.Should().Be(2e9);
        net.Cancel(g);
        sim.Run();
        g.BottleneckSpans.Should().Equal(
            new BottleneckSpan(wide, true, Ns(600)),
            new BottleneckSpan(wide, false, Ns(1)));
    }
}
