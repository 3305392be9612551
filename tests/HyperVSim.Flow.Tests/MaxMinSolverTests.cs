using FluentAssertions;

namespace HyperVSim.Flow.Tests;

/// <summary>
/// The solver alone against rates worked out by hand (the way SimGrid's maxmin_test does it): each test
/// states the progressive-filling rounds in a comment. λ is the common level, x = λ·w for unfrozen flows.
/// </summary>
public sealed class MaxMinSolverTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Two_flows_on_one_link_split_it_evenly()
    {
        // link C = 10, flows a and b, weight 1 each.
        // Round 1: link share 10 / (1 + 1) = 5 → λ = 5, both freeze on the link. x_a = x_b = 5.
        var h = new SolverHarness();
        Resource link = h.AddResource("link", 10);
        Flow a = h.AddFlow("a", [link]);
        Flow b = h.AddFlow("b", [link]);

        h.Solve();

        a.Rate.Should().BeApproximately(5, Tolerance);
        b.Rate.Should().BeApproximately(5, Tolerance);
        a.Bottleneck.Should().BeSameAs(link);
        b.Bottleneck.Should().BeSameAs(link);
    }

    [Fact]
    public void A_flow_alone_takes_the_whole_capacity()
    {
        // link C = 7: one flow, share 7 / 1 = 7.
        var h = new SolverHarness();
        Resource link = h.AddResource("link", 7);
        Flow a = h.AddFlow("a", [link]);

        h.Solve();

        a.Rate.Should().BeApproximately(7, Tolerance);
        a.Bottleneck.Should().BeSameAs(link);
    }

    [Fact]
    public void A_flow_across_two_links_gets_the_narrow_share_and_the_wide_link_gives_the_rest_to_its_other_flow()
    {
        // narrow C = 10, wide C = 30; flow "long" crosses both, "n" uses narrow only, "w" uses wide only.
        // Round 1: narrow share 10 / 2 = 5, wide share 30 / 2 = 15 → λ = 5 on narrow: x_long = x_n = 5.
        // Round 2: wide remaining 30 − 5 = 25, one unfrozen flow (w) → x_w = 25.
        // Check: narrow load 5 + 5 = 10 (full), wide load 5 + 25 = 30 (full).
        var h = new SolverHarness();
        Resource narrow = h.AddResource("narrow", 10);
        Resource wide = h.AddResource("wide", 30);
        Flow across = h.AddFlow("long", [narrow, wide]);
        Flow n = h.AddFlow("n", [narrow]);
        Flow w = h.AddFlow("w", [wide]);

        h.Solve();

        across.Rate.Should().BeApproximately(5, Tolerance);
        n.Rate.Should().BeApproximately(5, Tolerance);
        w.Rate.Should().BeApproximately(25, Tolerance);
        across.Bottleneck.Should().BeSameAs(narrow);
        w.Bottleneck.Should().BeSameAs(wide);
    }

    [Fact]
    public void The_order_of_resources_does_not_decide_which_link_is_narrow()
    {
        // Same as above with the wide link created first: the answer is a property of the network.
        // Round 1: wide 30 / 2 = 15, narrow 10 / 2 = 5 → λ = 5 on narrow. Round 2: x_w = 30 − 5 = 25.
        var h = new SolverHarness();
        Resource wide = h.AddResource("wide", 30);
        Resource narrow = h.AddResource("narrow", 10);
        Flow w = h.AddFlow("w", [wide]);
        Flow across = h.AddFlow("long", [wide, narrow]);
        Flow n = h.AddFlow("n", [narrow]);

        h.Solve();

        across.Rate.Should().BeApproximately(5, Tolerance);
        n.Rate.Should().BeApproximately(5, Tolerance);
        w.Rate.Should().BeApproximately(25, Tolerance);
    }

    [Fact]
    public void Parking_lot_with_rising_capacities_frees_more_for_each_downstream_short_flow()
    {
        // Links L1 = 1, L2 = 2, L3 = 3; "long" crosses all three; s1, s2, s3 each use one link.
        // Round 1: shares L1 1/2 = 0.5, L2 2/2 = 1, L3 3/2 = 1.5 → λ = 0.5 on L1: x_long = x_s1 = 0.5.
        // Round 2: L2 (2 − 0.5)/1 = 1.5, L3 (3 − 0.5)/1 = 2.5 → λ = 1.5 on L2: x_s2 = 1.5.
        // Round 3: L3 (3 − 0.5)/1 = 2.5 → x_s3 = 2.5.
        var h = new SolverHarness();
        Resource l1 = h.AddResource("L1", 1);
        Resource l2 = h.AddResource("L2", 2);
        Resource l3 = h.AddResource("L3", 3);
        Flow across = h.AddFlow("long", [l1, l2, l3]);
        Flow s1 = h.AddFlow("s1", [l1]);
        Flow s2 = h.AddFlow("s2", [l2]);
        Flow s3 = h.AddFlow("s3", [l3]);

        h.Solve();

        across.Rate.Should().BeApproximately(0.5, Tolerance);
        s1.Rate.Should().BeApproximately(0.5, Tolerance);
        s2.Rate.Should().BeApproximately(1.5, Tolerance);
        s3.Rate.Should().BeApproximately(2.5, Tolerance);
        s2.Bottleneck.Should().BeSameAs(l2);
        s3.Bottleneck.Should().BeSameAs(l3);
    }

    [Fact]
    public void A_bounded_flow_takes_its_bound_and_the_rest_is_shared_by_the_others()
    {
        // link C = 10; a bound 2; b, c unbounded.
        // Round 1: link share 10/3 ≈ 3.33, a's bound 2/1 = 2 → λ = 2 on a's bound: x_a = 2.
        // Round 2: link (10 − 2)/2 = 4 → x_b = x_c = 4. Load 2 + 4 + 4 = 10.
        var h = new SolverHarness();
        Resource link = h.AddResource("link", 10);
        Flow a = h.AddFlow("a", [link], bound: 2);
        Flow b = h.AddFlow("b", [link]);
        Flow c = h.AddFlow("c", [link]);

        h.Solve();

        a.Rate.Should().BeApproximately(2, Tolerance);
        b.Rate.Should().BeApproximately(4, Tolerance);
        c.Rate.Should().BeApproximately(4, Tolerance);
        a.Bottleneck.Should().BeNull("its own bound set its rate");
        b.Bottleneck.Should().BeSameAs(link);
    }

    [Fact]
    public void A_bound_above_the_fair_share_does_not_bind()
    {
        // link C = 10; a bound 6, b unbounded. Round 1: link 10/2 = 5 < 6/1 → λ = 5 on the link: both 5.
        var h = new SolverHarness();
        Resource link = h.AddResource("link", 10);
        Flow a = h.AddFlow("a", [link], bound: 6);
        Flow b = h.AddFlow("b", [link]);

        h.Solve();

        a.Rate.Should().BeApproximately(5, Tolerance);
        b.Rate.Should().BeApproximately(5, Tolerance);
        a.Bottleneck.Should().BeSameAs(link);
    }

    [Fact]
    public void Weights_split_a_link_in_proportion()
    {
        // link C = 12; a weight 1, b weight 3. Round 1: share 12 / (1 + 3) = 3 → x_a = 3·1 = 3, x_b = 3·3 = 9.
        var h = new SolverHarness();
        Resource link = h.AddResource("link", 12);
        Flow a = h.AddFlow("a", [link], weight: 1);
        Flow b = h.AddFlow("b", [link], weight: 3);

        h.Solve();

        a.Rate.Should().BeApproximately(3, Tolerance);
        b.Rate.Should().BeApproximately(9, Tolerance);
    }

    [Fact]
    public void Weights_and_a_bound_together()
    {
        // link C = 12; a weight 1 bound 1; b weight 2; c weight 3.
        // Round 1: link share 12 / (1+2+3) = 2; a's bound 1/1 = 1 → λ = 1 on a's bound: x_a = 1.
        // Round 2: link (12 − 1) / (2+3) = 2.2 → x_b = 2.2·2 = 4.4, x_c = 2.2·3 = 6.6. Load 1 + 4.4 + 6.6 = 12.
        var h = new SolverHarness();
        Resource link = h.AddResource("link", 12);
        Flow a = h.AddFlow("a", [link], bound: 1, weight: 1);
        Flow b = h.AddFlow("b", [link], weight: 2);
        Flow c = h.AddFlow("c", [link], weight: 3);

        h.Solve();

        a.Rate.Should().BeApproximately(1, Tolerance);
        b.Rate.Should().BeApproximately(4.4, Tolerance);
        c.Rate.Should().BeApproximately(6.6, Tolerance);
    }

    [Fact]
    public void A_weighted_bound_binds_on_its_normalised_level()
    {
        // link C = 10; a weight 4 bound 4 (normalised 4/4 = 1); b weight 1.
        // Round 1: link 10 / (4+1) = 2; a's bound level 4/4 = 1 → λ = 1: x_a = 1·4 = 4.
        // Round 2: link (10 − 4)/1 = 6 → x_b = 6.
        var h = new SolverHarness();
        Resource link = h.AddResource("link", 10);
        Flow a = h.AddFlow("a", [link], bound: 4, weight: 4);
        Flow b = h.AddFlow("b", [link]);

        h.Solve();

        a.Rate.Should().BeApproximately(4, Tolerance);
        b.Rate.Should().BeApproximately(6, Tolerance);
        a.Bottleneck.Should().BeNull();
    }

    [Fact]
    public void Zero_capacity_gives_rate_zero_and_the_other_link_is_unaffected()
    {
        // down C = 0, up C = 8; a crosses down and up; b uses up only.
        // Round 1: down share 0/1 = 0, up 8/2 = 4 → λ = 0 on down: x_a = 0.
        // Round 2: up (8 − 0)/1 = 8 → x_b = 8.
        var h = new SolverHarness();
        Resource down = h.AddResource("down", 0);
        Resource up = h.AddResource("up", 8);
        Flow a = h.AddFlow("a", [down, up]);
        Flow b = h.AddFlow("b", [up]);

        h.Solve();

        a.Rate.Should().Be(0);
        a.Bottleneck.Should().BeSameAs(down);
        b.Rate.Should().BeApproximately(8, Tolerance);
    }

    [Fact]
    public void A_zero_bound_gives_rate_zero_and_frees_the_link()
    {
        // link C = 6; a bound 0; b unbounded. Round 1: a's bound 0 → x_a = 0. Round 2: link 6/1 → x_b = 6.
        var h = new SolverHarness();
        Resource link = h.AddResource("link", 6);
        Flow a = h.AddFlow("a", [link], bound: 0);
        Flow b = h.AddFlow("b", [link]);

        h.Solve();

        a.Rate.Should().Be(0);
        a.Bottleneck.Should().BeNull();
        b.Rate.Should().BeApproximately(6, Tolerance);
    }

    [Fact]
    public void A_flow_without_resources_runs_at_its_bound()
    {
        // No resource: only the bound constrains, x = 3.
        var h = new SolverHarness();
        Flow a = h.AddFlow("a", [], bound: 3);

        h.Solve();

        a.Rate.Should().BeApproximately(3, Tolerance);
        a.Bottleneck.Should().BeNull();
    }

    [Fact]
    public void Three_rounds_mixing_a_bound_a_narrow_link_and_a_leftover()
    {
        // A C = 9, B C = 4. f1 on A and B; f2 on A bound 1; f3 on A; f4 on B.
        // Round 1: A 9/3 = 3, B 4/2 = 2, f2 bound 1 → λ = 1: x_f2 = 1.
        // Round 2: A (9 − 1)/2 = 4, B 4/2 = 2 → λ = 2 on B: x_f1 = x_f4 = 2.
        // Round 3: A (9 − 1 − 2)/1 = 6 → x_f3 = 6. Loads: A 2 + 1 + 6 = 9, B 2 + 2 = 4.
        var h = new SolverHarness();
        Resource a = h.AddResource("A", 9);
        Resource b = h.AddResource("B", 4);
        Flow f1 = h.AddFlow("f1", [a, b]);
        Flow f2 = h.AddFlow("f2", [a], bound: 1);
        Flow f3 = h.AddFlow("f3", [a]);
        Flow f4 = h.AddFlow("f4", [b]);

        h.Solve();

        f1.Rate.Should().BeApproximately(2, Tolerance);
        f2.Rate.Should().BeApproximately(1, Tolerance);
        f3.Rate.Should().BeApproximately(6, Tolerance);
        f4.Rate.Should().BeApproximately(2, Tolerance);
        f1.Bottleneck.Should().BeSameAs(b);
        f3.Bottleneck.Should().BeSameAs(a);
    }

    [Fact]
    public void Solving_again_after_a_change_starts_from_scratch()
    {
        // link C = 10, a and b → 5 each. Then a's bound becomes 1: round 1 λ = 1 on a's bound, round 2 b = 9.
        var h = new SolverHarness();
        Resource link = h.AddResource("link", 10);
        Flow a = h.AddFlow("a", [link]);
        Flow b = h.AddFlow("b", [link]);
        h.Solve();

        a.Bound = 1;
        h.Solve();

        a.Rate.Should().BeApproximately(1, Tolerance);
        b.Rate.Should().BeApproximately(9, Tolerance);
    }
    [Fact]
    public void Usage_scales_what_a_flow_takes_from_a_resource()
    {
        // link C = 12; a uses 2 units of the link per unit moved, b uses 1.
        // Round 1: link share 12 / (2·1 + 1·1) = 4 → x_a = x_b = 4 (equal rates; a takes 8 of the link, b 4).
        var h = new SolverHarness();
        Resource link = h.AddResource("link", 12);
        Flow a = h.AddFlow("a", [link], usages: [2]);
        Flow b = h.AddFlow("b", [link], usages: [1]);

        h.Solve();

        a.Rate.Should().BeApproximately(4, Tolerance);
        b.Rate.Should().BeApproximately(4, Tolerance);
        link.Load.Should().BeApproximately(12, Tolerance);
    }

    [Fact]
    public void A_cpu_resource_with_a_per_byte_cost_can_be_the_bottleneck()
    {
        // nic C = 1e9 B/s (usage 0.5: compressed 2:1), cpu C = 2 cores at 4e-9 core·s per byte.
        // Round 1: nic 1e9 / 0.5 = 2e9 B/s, cpu 2 / 4e-9 = 5e8 B/s → λ = 5e8 on the cpu.
        var h = new SolverHarness();
        Resource nic = h.AddResource("nic", 1e9);
        Resource cpu = h.AddResource("cpu", 2);
        Flow f = h.AddFlow("f", [nic, cpu], usages: [0.5, 4e-9]);

        h.Solve();

        f.Rate.Should().BeApproximately(5e8, 1e-3);
        f.Bottleneck.Should().BeSameAs(cpu);
    }

    [Fact]
    public void Tiny_usages_are_not_mistaken_for_no_usage()
    {
        // The units of a resource are arbitrary: cpu C = 1e-12 with usages 4e-13 is cpu C = 1 with usages 0.4,
        // scaled by 1e-12. a: bound 1, b: unbounded, both only on the cpu.
        // Round 1: cpu 1 / (0.4 + 0.4) = 1.25, a's bound 1 → λ = 1: x_a = 1.
        // Round 2: cpu (1 − 0.4·1) / 0.4 = 1.5 → x_b = 1.5. (Check: 0.4·1 + 0.4·1.5 = 1.)
        foreach (double scale in new[] { 1, 1e-12 })
        {
            var h = new SolverHarness();
            Resource cpu = h.AddResource("cpu", 1 * scale);
            Flow a = h.AddFlow("a", [cpu], bound: 1, usages: [0.4 * scale]);
            Flow b = h.AddFlow("b", [cpu], usages: [0.4 * scale]);

            h.Invoking(x => x.Solve()).Should().NotThrow($"units scaled by {scale} describe the same network");

            a.Rate.Should().BeApproximately(1, 1e-9, $"scale {scale}");
            b.Rate.Should().BeApproximately(1.5, 1e-9, $"scale {scale}");
            b.Bottleneck.Should().BeSameAs(cpu);
        }
    }

    [Fact]
    public async Task Large_weights_do_not_leave_a_resource_looking_busy_after_its_last_flow_froze()
    {
        // Weights summed then subtracted in floating point leave a residue (here 1.5e-11, above any fixed
        // "is it zero" threshold of 1e-12). The solver must still see that no unfrozen flow crosses L.
        // L C = 1: a, b, c with weights w_a, w_b, w_c (Σ = 175 811.69); M C = 1e9: d, weight 1.
        // Round 1: L 1 / Σw ≈ 5.69e-6, M 1e9 → λ = 1/Σw on L: x = w/Σw for a, b, c.
        // Round 2: M 1e9 / 1 → x_d = 1e9.
        double[] w = [14302.06016712772, 84895.93995678604, 76613.68727868478];
        double sum = w[0] + w[1] + w[2];
        var h = new SolverHarness();
        Resource l = h.AddResource("L", 1);
        Resource m = h.AddResource("M", 1e9);
        Flow[] onL = w.Select((wi, i) => h.AddFlow("f" + i, [l], weight: wi)).ToArray();
        Flow d = h.AddFlow("d", [m]);

        // A hang here would be an endless loop; give it a few seconds and fail instead of blocking the run.
        Task solve = Task.Run(() => h.Solve(), TestContext.Current.CancellationToken);
        await solve.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        for (int i = 0; i < 3; i++)
        {
            onL[i].Rate.Should().BeApproximately(w[i] / sum, 1e-15);
        }

        d.Rate.Should().BeApproximately(1e9, 1e-3);
    }
}
