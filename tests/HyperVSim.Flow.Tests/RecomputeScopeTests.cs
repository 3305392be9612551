using FluentAssertions;
using HyperVSim.Engine;
using static HyperVSim.Flow.Tests.Links;

namespace HyperVSim.Flow.Tests;

/// <summary>
/// A change recomputes only the connected group of flows and resources it touches, and only flows whose
/// rate changed get a new completion timer.
/// </summary>
public sealed class RecomputeScopeTests
{
    private sealed record Change(SimTime At, string[] Flows);

    private static List<Change> Observe(Simulation sim, FlowNetwork net)
    {
        var log = new List<Change>();
        net.RatesChanged += flows => log.Add(new Change(sim.Now, flows.Select(f => f.Name).Order(StringComparer.Ordinal).ToArray()));
        return log;
    }

    [Fact]
    public void Starting_a_flow_in_one_group_leaves_the_other_group_alone()
    {
        // Group A: link A (1 B/ns), a1 1000 B from 0, a2 300 B from 100.
        //   a1 alone [0, 100) → 900 left; both at 0.5: a2 done after 600 ns at 700; a1 has 600 left → 1300.
        // Group B: link B (1 B/ns), b1 5000 B from 0 → 5000 ns, whatever happens in group A.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource linkA = net.AddResource("A", OneBytePerNs);
        Resource linkB = net.AddResource("B", OneBytePerNs);
        List<Change> log = Observe(sim, net);
        Flow a1 = net.Start("a1", 1000, [linkA]);
        Flow b1 = net.Start("b1", 5000, [linkB]);
        Finish a1Done = Finish.Of(a1);
        Finish b1Done = Finish.Of(b1);
        Finish? a2Done = null;
        sim.Call(Ns(100), () => a2Done = Finish.Of(net.Start("a2", 300, [linkA])));

        sim.Run(Ns(99));
        AlarmHandle b1Timer = b1.CompletionTimer;
        b1Timer.Due.Should().Be(Ns(5000));
        sim.Run(Ns(100));
        b1.CompletionTimer.Should().Be(b1Timer, "group B was not recomputed, so its timer was not replaced");
        b1.CompletionTimer.IsPending.Should().BeTrue();
        b1.RemainingAt(Ns(100)).Should().BeApproximately(4900, 1e-9);

        sim.Run();

        log.Should().Equal(
            new[]
            {
                new Change(Ns(0), ["a1", "b1"]),
                new Change(Ns(100), ["a1", "a2"]),
                new Change(Ns(700), ["a1"]),
                new Change(Ns(1300), []),
                new Change(Ns(5000), []),
            },
            (x, y) => x.At == y.At && x.Flows.SequenceEqual(y.Flows));
        net.Recomputes.Should().Be(3, "one per instant with flows to solve: 0, 100 and 700; the ends at 1300 and 5000 leave nothing to solve, and only tell observers that their links are idle");
        a2Done!.At.Should().Be(Ns(700));
        a1Done.At.Should().Be(Ns(1300));
        b1Done.At.Should().Be(Ns(5000));
    }

    [Fact]
    public void The_other_groups_completion_is_the_same_as_without_the_change()
    {
        static (SimTime B, long Recomputes) Run(bool disturbA)
        {
            var sim = new Simulation();
            var net = new FlowNetwork(sim);
            Resource linkA = net.AddResource("A", 3e9);
            Resource linkB = net.AddResource("B", 7e8);
            net.Start("a1", 10_000, [linkA]);
            Finish b = Finish.Of(net.Start("b1", 12_345, [linkB], bound: 6e8));
            if (disturbA)
            {
                sim.Call(Ns(1234), () => net.Start("a2", 5000, [linkA]));
                sim.Call(Ns(2000), () => net.SetCapacity(linkA, 1e8));
            }

            sim.Run();
            return (b.At!.Value, net.Recomputes);
        }

        // b1: 12 345 B at its bound 0.6 B/ns → 20 575 ns, disturbed or not.
        (SimTime quiet, long quietRecomputes) = Run(disturbA: false);
        (SimTime disturbed, long disturbedRecomputes) = Run(disturbA: true);

        quiet.Should().Be(Ns(20_575));
        disturbed.Should().Be(quiet);
        disturbedRecomputes.Should().BeGreaterThan(quietRecomputes);
    }

    [Fact]
    public void A_flow_bridging_two_links_pulls_both_groups_into_the_recompute()
    {
        // x crosses A and B, y uses B only, z starts on A at 100: z's group is {A, B, x, y, z}.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource linkA = net.AddResource("A", OneBytePerNs);
        Resource linkB = net.AddResource("B", OneBytePerNs);
        Resource linkC = net.AddResource("C", OneBytePerNs);
        List<Change> log = Observe(sim, net);
        net.Start("x", 1e6, [linkA, linkB]);
        net.Start("y", 1e6, [linkB]);
        net.Start("w", 1e6, [linkC]);
        sim.Call(Ns(100), () => net.Start("z", 1e6, [linkA]));

        sim.Run(Ns(100));

        log.Should().HaveCount(2);
        log[1].At.Should().Be(Ns(100));
        log[1].Flows.Should().Equal("x", "y", "z");
    }

    [Fact]
    public void A_flow_whose_rate_did_not_change_keeps_its_timer()
    {
        // Link 1 B/ns. a1 bound 0.1 B/ns, 1000 B → due at 10 000 ns. At 100 a2 (unbounded) joins:
        // share 0.5 > 0.1, so a1 stays at 0.1 and keeps its timer; a2 gets 0.9.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        List<Change> log = Observe(sim, net);
        Flow a1 = net.Start("a1", 1000, [link], bound: 1e8);
        Finish a1Done = Finish.Of(a1);
        Flow? a2 = null;
        sim.Call(Ns(100), () => a2 = net.Start("a2", 1e6, [link]));

        sim.Run(Ns(99));
        AlarmHandle timer = a1.CompletionTimer;
        sim.Run(Ns(100));

        log[^1].Flows.Should().Equal("a1", "a2");
        a1.CompletionTimer.Should().Be(timer);
        a1.CompletionTimer.IsPending.Should().BeTrue();
        a2!.Rate.Should().BeApproximately(9e8, 1e-6);
        sim.Run(Ns(20_000));
        a1Done.At.Should().Be(Ns(10_000));
    }

    [Fact]
    public void A_capacity_change_on_an_idle_link_solves_nothing()
    {
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource idle = net.AddResource("idle", OneBytePerNs);
        Resource busy = net.AddResource("busy", OneBytePerNs);
        net.Start("f", 1e6, [busy]);
        sim.Run(Ns(10));
        long before = net.Recomputes;

        net.SetCapacity(idle, 5);
        net.SetCapacity(busy, OneBytePerNs);
        sim.Run(Ns(20));

        net.Recomputes.Should().Be(before, "the idle link has no flows and the busy link's capacity did not change");
    }
}
