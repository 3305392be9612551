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

    [Fact]
    public void A_change_inside_the_last_group_that_moves_no_rate_leaves_every_rate_and_timer_as_it_was()
    {
        // The storage bench's shape, small: long flows between 8 hosts' NICs, and disk flows with fractional usages
        // (0.7 of a byte on receive, 0.3 on transmit, 1/8192 of an I/O) over two shares whose IOPS bind. Each step lowers
        // one long flow's own cap, which binds nothing (a NIC share is far below it). The solver sees the group in the
        // order of the walk that first found it, so every rate comes out bit for bit the same and no completion moves;
        // a fresh walk from each changed flow would sum the fractional usages in another order each time.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        var random = new Random(7);
        Resource[] tx = Enumerable.Range(0, 8).Select(h => net.AddResource($"hv{h}:tx", 1.25e9)).ToArray();
        Resource[] rx = Enumerable.Range(0, 8).Select(h => net.AddResource($"hv{h}:rx", 1.25e9)).ToArray();
        var shares = Enumerable.Range(0, 2).Select(v => new[] { net.AddResource($"share{v}:bandwidth", 2e9), net.AddResource($"share{v}:iops", 20_000) }).ToArray();
        var longFlows = new List<Flow>();
        for (int f = 0; f < 60; f++)
        {
            int s = random.Next(8), d = (s + 1 + random.Next(7)) % 8;
            longFlows.Add(net.Start($"f{f}", 1e12, [tx[s], rx[d]], bound: 0.5e9 + (random.NextDouble() * 1e9)));
        }

        for (int d = 0; d < 40; d++)
        {
            int h = random.Next(8);
            Resource[] v = shares[d % 2];
            FlowUsage[] usages = [new(rx[h], 0.7), new(tx[h], 0.3), new(v[0], 1), new(v[1], 1 / 8192.0)];
            net.Start($"io{d}", double.PositiveInfinity, usages, bound: (200 + random.Next(2000)) * 8192.0);
        }

        int solved = 0;
        net.RatesChanged += flows => solved = flows.Count;
        sim.Step(); // the first recompute, of everything started at once
        net.SetBound(longFlows[0], longFlows[0].Bound * 0.9);
        sim.Step(); // walked from one flow: the group is kept
        solved.Should().Be(100, "every flow is in one connected group");
        Flow[] all = longFlows.ToArray();
        long[] rates = all.Select(f => BitConverter.DoubleToInt64Bits(f.Rate)).ToArray();
        AlarmHandle[] timers = all.Select(f => f.CompletionTimer).ToArray();

        for (int k = 1; k < 30; k++)
        {
            net.SetBound(longFlows[k], longFlows[k].Bound * 0.9);
            sim.Step();
            solved.Should().Be(100);
            all.Select(f => BitConverter.DoubleToInt64Bits(f.Rate)).Should().Equal(rates, $"no rate moves after changing f{k}'s unused cap");
            all.Select(f => f.CompletionTimer).Should().Equal(timers, $"no completion is rescheduled after changing f{k}'s unused cap");
        }

        // A flow that ends changes the group: the next change walks the network again, and still solves every flow left.
        net.Cancel(longFlows[59]);
        sim.Step();
        net.SetBound(longFlows[30], longFlows[30].Bound * 0.9);
        sim.Step();
        solved.Should().Be(99);
    }
}
