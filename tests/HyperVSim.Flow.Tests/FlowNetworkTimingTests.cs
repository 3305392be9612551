using FluentAssertions;
using HyperVSim.Engine;
using static HyperVSim.Flow.Tests.Links;

namespace HyperVSim.Flow.Tests;

/// <summary>
/// Flows over time against hand-computed piecewise schedules. Capacities are in bytes per second; 1e9 B/s
/// is one byte per nanosecond, which keeps the arithmetic in the comments whole. A completion is due at
/// t = now + ⌈remaining / rate⌉ ns.
/// </summary>
public sealed class FlowNetworkTimingTests
{
    [Theory]
    [InlineData(1000, 1e9, 1000)] // 1000 B at 1 B/ns = 1000 ns
    [InlineData(1000, 3e9, 334)] // 1000 / 3 = 333.33 → 334 ns
    [InlineData(10, 3e9, 4)] // 10 / 3 = 3.33 → 4 ns
    [InlineData(1, 7e9, 1)] // 1/7 ns → 1 ns
    [InlineData(5e9, 1.25e8, 40_000_000_000)] // 5 GB over 1 Gb/s (125 MB/s) = 40 s
    [InlineData(1e6, 1.1875e8, 8_421_053)] // 1 MB at 0.95 GbE payload: 1e6 / 118.75e6 s = 8 421 052.63 ns → 8 421 053
    public void A_transfer_alone_completes_at_the_ceiling_of_amount_over_capacity(double amount, double capacity, long expectedNs)
    {
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", capacity);
        Flow flow = net.Start("f", amount, [link]);
        Finish done = Finish.Of(flow);

        sim.Run();

        done.At.Should().Be(Ns(expectedNs));
        done.Value.Should().BeTrue();
        flow.Active.Should().BeFalse();
        flow.Rate.Should().Be(0);
        flow.RemainingAt(sim.Now).Should().Be(0);
        link.FlowCount.Should().Be(0);
    }

    [Fact]
    public void A_process_waiting_on_the_completion_resumes_when_the_transfer_ends()
    {
        // 2000 B at 1 B/ns after a 500 ns wait: 500 + 2000 = 2500 ns.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        SimTime? resumedAt = null;
        object? value = null;

        IEnumerable<Event> Steps()
        {
            yield return sim.Timeout(Ns(500));
            Flow f = net.Start("f", 2000, [link]);
            yield return f.Completion;
            resumedAt = sim.Now;
            value = f.Completion.Value;
        }

        sim.Process(Steps(), "mover");
        sim.Run();

        resumedAt.Should().Be(Ns(2500));
        value.Should().Be(true);
    }

    [Fact]
    public void A_second_flow_starting_midway_slows_the_first()
    {
        // Link 1 B/ns. f1: 1000 B from t = 0. f2: 300 B from t = 400.
        // [0, 400):    f1 alone at 1 B/ns → 400 B done, 600 B left.
        // [400, 1000): both at 0.5 B/ns; f2 needs 300 / 0.5 = 600 ns → f2 done at 1000. f1 sends 300, 300 left.
        // [1000, …):   f1 alone at 1 B/ns → 300 ns → f1 done at 1300. (Check: 1300 B in 1300 ns on a full link.)
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Flow f1 = net.Start("f1", 1000, [link]);
        Finish f1Done = Finish.Of(f1);
        Flow? f2 = null;
        Finish? f2Done = null;
        sim.Call(Ns(400), () =>
        {
            f2 = net.Start("f2", 300, [link]);
            f2Done = Finish.Of(f2);
        });

        sim.Run(Ns(500));
        f1.Rate.Should().Be(5e8);
        f2!.Rate.Should().Be(5e8);
        f1.RemainingAt(sim.Now).Should().BeApproximately(550, 1e-9, "600 B at 400 ns, minus 100 ns at 0.5 B/ns");
        link.Load.Should().Be(OneBytePerNs);

        sim.Run();

        f2Done!.At.Should().Be(Ns(1000));
        f1Done.At.Should().Be(Ns(1300));
        f1Done.Value.Should().BeTrue();
        f2Done.Value.Should().BeTrue();
    }

    [Fact]
    public void A_bounded_newcomer_takes_its_bound_and_keeps_its_timer_when_the_other_flow_leaves()
    {
        // Link 1 B/ns. f1: 1000 B from 0. f2: 1000 B from 200, bound 0.25 B/ns (2.5e8 B/s).
        // [0, 200):  f1 alone → 800 B left.
        // At 200:    link share 1/2 = 0.5 > f2's bound 0.25 → f2 = 0.25, f1 = 1 − 0.25 = 0.75 B/ns.
        //            f1: 800 / 0.75 = 1066.67 → 1067 ns → done at 1267.  f2: 1000 / 0.25 = 4000 ns → due 4200.
        // At 1267:   f1 leaves; f2 is still held by its bound (0.25), so its rate and due time stay: 4200.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Flow f1 = net.Start("f1", 1000, [link]);
        Finish f1Done = Finish.Of(f1);
        Flow? f2 = null;
        sim.Call(Ns(200), () => f2 = net.Start("f2", 1000, [link], bound: 2.5e8));

        sim.Run(Ns(201));
        f1.Rate.Should().BeApproximately(7.5e8, 1e-3);
        f2!.Rate.Should().Be(2.5e8);
        Finish f2Done = Finish.Of(f2);

        sim.Run();

        f1Done.At.Should().Be(Ns(1267));
        f2Done.At.Should().Be(Ns(4200));
    }

    [Fact]
    public void Three_flows_leave_one_by_one_and_the_survivors_speed_up_each_time()
    {
        // Link 1 B/ns (= 3 × 1/3). a: 300 B, b: 600 B, c: 900 B, all from t = 0.
        // [0, 900):     each at 1/3 B/ns; a needs 300 · 3 = 900 ns → a done at 900. b, c have sent 300.
        // [900, 1500):  b, c at 1/2; b has 300 left → 600 ns → b done at 1500. c has sent 300 + 300 = 600.
        // [1500, 1800): c alone at 1; 300 left → c done at 1800. (1800 B over a full link: 1800 ns.)
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Finish a = Finish.Of(net.Start("a", 300, [link]));
        Finish b = Finish.Of(net.Start("b", 600, [link]));
        Finish c = Finish.Of(net.Start("c", 900, [link]));

        sim.Run();

        a.At.Should().Be(Ns(900));
        b.At.Should().Be(Ns(1500));
        c.At.Should().Be(Ns(1800));
    }

    [Fact]
    public void A_flow_over_two_links_is_held_by_the_narrower_then_by_its_own_bound()
    {
        // narrow 0.5 B/ns, wide 2 B/ns; f over both, 1000 B, bound 0.4 B/ns → 0.4 < 0.5 → 2500 ns.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource narrow = net.AddResource("narrow", 5e8);
        Resource wide = net.AddResource("wide", 2e9);
        Flow f = net.Start("f", 1000, [narrow, wide], bound: 4e8);
        Finish done = Finish.Of(f);

        sim.Run();

        done.At.Should().Be(Ns(2500));
    }

    [Fact]
    public void Flows_started_in_the_same_instant_share_one_recompute()
    {
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        var changes = new List<IReadOnlyList<Flow>>();
        net.RatesChanged += flows => changes.Add(flows.ToArray());
        Flow[] flows = [net.Start("a", 1e6, [link]), net.Start("b", 1e6, [link]), net.Start("c", 1e6, [link])];

        sim.Run(SimTime.Zero);

        net.Recomputes.Should().Be(1);
        changes.Should().ContainSingle().Which.Should().BeEquivalentTo(flows);
        flows.Should().OnlyContain(f => Math.Abs(f.Rate - (OneBytePerNs / 3)) < 1e-3);
    }

    [Fact]
    public void Rates_are_zero_until_the_end_of_the_instant_in_which_the_flow_started()
    {
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Flow f = net.Start("f", 1000, [link]);

        f.Rate.Should().Be(0, "the recompute runs after the events already due now");
        f.Active.Should().BeTrue();
        sim.Run(SimTime.Zero);
        f.Rate.Should().Be(OneBytePerNs);
    }
    [Fact]
    public void A_flow_that_uses_half_a_unit_of_the_link_per_unit_moves_twice_as_fast()
    {
        // Compressed 2:1: each byte moved costs 0.5 B of the 1 B/ns link → 2 B/ns; 1000 B in 500 ns.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource link = net.AddResource("link", OneBytePerNs);
        Flow f = net.Start("f", 1000, [new FlowUsage(link, 0.5)]);
        Finish done = Finish.Of(f);

        sim.Run(Ns(1));
        f.Rate.Should().Be(2e9);
        link.Load.Should().Be(OneBytePerNs);
        sim.Run();

        done.At.Should().Be(Ns(500));
    }

    [Fact]
    public void A_compressing_flow_is_held_by_the_cpu_when_spare_cores_run_short()
    {
        // nic 1 B/ns at usage 0.5 → 2 B/ns; cpu 2 cores at 4e-9 core·s/B → 5e8 B/s = 0.5 B/ns: the cpu holds.
        // 1000 B at 0.5 B/ns; at 1000 ns (500 B left) the host has 16 spare cores: cpu 16 / 4e-9 = 4 B/ns, now
        // the nic's 2 B/ns holds, so 500 B take 250 ns more → done at 1250.
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource nic = net.AddResource("nic", OneBytePerNs);
        Resource cpu = net.AddResource("cpu", 2);
        Flow f = net.Start("f", 1000, [new FlowUsage(nic, 0.5), new FlowUsage(cpu, 4e-9)]);
        Finish done = Finish.Of(f);
        sim.Call(Ns(1000), () => net.SetCapacity(cpu, 16));

        sim.Run(Ns(999));
        f.Bottleneck.Should().BeSameAs(cpu);
        sim.Run();

        done.At.Should().Be(Ns(1250));
        f.BottleneckSpans.Should().Equal(new BottleneckSpan(cpu, false, Ns(1000)), new BottleneckSpan(nic, false, Ns(250)));
    }
}
