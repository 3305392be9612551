using CsCheck;
using FluentAssertions;
using HyperVSim.Engine;

namespace HyperVSim.Flow.Tests;

/// <summary>
/// Random networks checked against what max-min fairness means, not against the solver's own steps:
/// rates are feasible; every flow is bottlenecked (at its bound, or on a saturated resource where its
/// normalised rate x/w is the largest); equal flows get equal rates; and neither creation order nor the
/// units chosen for capacities, usages and weights change the answer.
/// </summary>
public sealed class MaxMinPropertyTests
{
    private const double Huge = 1e15;

    /// <summary>A flow over the resources whose bits are set in <paramref name="Mask"/>, using Usages[j] of resource j per unit.</summary>
    public sealed record FlowSpec(int Mask, double Bound, double Weight, double[] Usages)
    {
        public bool SameAs(FlowSpec other) =>
            Mask == other.Mask && Bound.Equals(other.Bound) && Weight.Equals(other.Weight) && Usages.SequenceEqual(other.Usages);

        public override string ToString() => $"(mask {Mask}, bound {Bound}, weight {Weight}, usages [{string.Join(", ", Usages)}])";
    }

    public sealed record NetSpec(double[] Capacities, FlowSpec[] Flows, int Seed)
    {
        public override string ToString() =>
            $"caps [{string.Join(", ", Capacities)}], flows [{string.Join(", ", Flows.AsEnumerable())}], seed {Seed}";
    }

    /// <summary>Capacities: sometimes 0, often a round number (ties between resources), otherwise any.</summary>
    private static readonly Gen<double> Capacity =
        Gen.Select(Gen.Int[0, 9], Gen.Int[1, 4], Gen.Double[0.5, 100], (kind, round, any) =>
            kind == 0 ? 0 : kind <= 4 ? round * 10.0 : any);

    private static readonly Gen<double> Bound =
        Gen.Select(Gen.Int[0, 3], Gen.Double[0.1, 60], Gen.Int[1, 4], (kind, any, round) =>
            kind == 0 ? any : kind == 1 ? round * 5.0 : double.PositiveInfinity);

    private static readonly Gen<double> Weight =
        Gen.Select(Gen.Int[0, 2], Gen.Double[0.2, 5], (kind, any) => kind == 0 ? any : 1.0);

    private static readonly Gen<double> Usage =
        Gen.Select(Gen.Int[0, 2], Gen.Double[0.1, 4], (kind, any) => kind == 0 ? any : 1.0);

    public static readonly Gen<NetSpec> Networks =
        Gen.Int[1, 6].SelectMany(resources =>
            Gen.Select(
                Capacity.Array[resources],
                Gen.Select(Gen.Int[0, (1 << resources) - 1], Bound, Weight, Usage.Array[resources], (mask, bound, weight, usages) =>
                    new FlowSpec(mask, mask == 0 && double.IsPositiveInfinity(bound) ? 7.5 : bound, weight, usages)).Array[1, 12],
                Gen.Int[0, 11].Array[0, 4],
                Gen.Int,
                (caps, flows, copies, seed) =>
                {
                    // Copies of some flows, so that equal flows on equal paths occur often.
                    FlowSpec[] all = flows.Concat(copies.Select(i => flows[i % flows.Length])).ToArray();
                    return new NetSpec(caps, all, seed);
                }));

    private sealed record Solved(Resource[] Resources, Flow[] Flows);

    /// <summary>
    /// Builds the network (resources and flows created in the given orders; resource j's capacity and usages
    /// multiplied by unitScale[j]; weights by weightScale) and solves it at time 0.
    /// </summary>
    private static Solved Build(NetSpec spec, int[]? resourceOrder = null, int[]? flowOrder = null, double[]? unitScale = null, double weightScale = 1)
    {
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        int nr = spec.Capacities.Length;
        var resources = new Resource[nr];
        foreach (int j in resourceOrder ?? Enumerable.Range(0, nr).ToArray())
        {
            resources[j] = net.AddResource("r" + j, spec.Capacities[j] * (unitScale?[j] ?? 1));
        }

        var flows = new Flow[spec.Flows.Length];
        foreach (int i in flowOrder ?? Enumerable.Range(0, flows.Length).ToArray())
        {
            FlowSpec f = spec.Flows[i];
            FlowUsage[] path = Enumerable.Range(0, nr)
                .Where(j => (f.Mask & (1 << j)) != 0)
                .Select(j => new FlowUsage(resources[j], f.Usages[j] * (unitScale?[j] ?? 1)))
                .ToArray();
            flows[i] = net.Start("f" + i, Huge, path, f.Bound, f.Weight * weightScale);
        }

        sim.Run(SimTime.Zero);
        return new Solved(resources, flows);
    }

    private static double LoadOn(Resource r, IEnumerable<Flow> flows) => flows.Sum(f => f.Rate * f.UsageOf(r));

    [Fact]
    public void No_resource_carries_more_than_its_capacity_and_no_flow_exceeds_its_bound()
    {
        Seeded.ForAll(Networks, 500, spec =>
        {
            Solved s = Build(spec);
            foreach (Resource r in s.Resources)
            {
                double load = LoadOn(r, s.Flows);
                Approx.AtMost(load, r.Capacity).Should().BeTrue($"{r.Name} carries {load} > {r.Capacity} in {spec}");
                Approx.Equal(r.Load, load).Should().BeTrue($"{r.Name}.Load {r.Load} ≠ Σ a·x = {load}");
            }

            foreach (Flow f in s.Flows)
            {
                f.Rate.Should().BeGreaterThanOrEqualTo(0);
                Approx.AtMost(f.Rate, f.Bound).Should().BeTrue($"{f.Name} runs at {f.Rate} over its bound {f.Bound} in {spec}");
            }
        });
    }

    [Fact]
    public void Every_flow_is_held_by_its_bound_or_by_a_saturated_resource_where_it_has_the_largest_normalised_rate()
    {
        Seeded.ForAll(Networks, 500, spec =>
        {
            Solved s = Build(spec);
            foreach (Flow f in s.Flows)
            {
                bool atBound = Approx.AtLeast(f.Rate, f.Bound);
                bool heldByResource = f.Resources.Any(r => IsBottleneckFor(r, f, s.Flows));
                (atBound || heldByResource).Should().BeTrue(
                    $"{f.Name} at {f.Rate} (bound {f.Bound}, weight {f.Weight}) could get more without taking from a poorer flow, in {spec}");

                // The solver's own label must agree with the characterisation.
                if (f.Bottleneck is { } named)
                {
                    IsBottleneckFor(named, f, s.Flows).Should().BeTrue($"{f.Name}'s named bottleneck {named.Name} does not hold it, in {spec}");
                }
                else
                {
                    atBound.Should().BeTrue($"{f.Name} is said to be held by its bound {f.Bound} but runs at {f.Rate}, in {spec}");
                }
            }
        });
    }

    /// <summary>r is saturated (Σ a·x = C) and no flow on r has a larger x/w than f: max-min fairness, bottleneck form.</summary>
    private static bool IsBottleneckFor(Resource r, Flow f, Flow[] flows)
    {
        Flow[] onR = flows.Where(g => g.Resources.Contains(r)).ToArray();
        bool saturated = Approx.AtLeast(LoadOn(r, onR), r.Capacity);
        double mine = f.Rate / f.Weight;
        return saturated && onR.All(g => Approx.AtMost(g.Rate / g.Weight, mine));
    }

    [Fact]
    public void Equal_flows_on_equal_paths_get_equal_rates()
    {
        int pairs = 0;
        Seeded.ForAll(Networks, 500, spec =>
        {
            Solved s = Build(spec);
            for (int i = 0; i < s.Flows.Length; i++)
            {
                for (int k = i + 1; k < s.Flows.Length; k++)
                {
                    if (spec.Flows[i].SameAs(spec.Flows[k]))
                    {
                        pairs++;
                        Approx.Equal(s.Flows[i].Rate, s.Flows[k].Rate).Should().BeTrue(
                            $"f{i} and f{k} are alike but run at {s.Flows[i].Rate} and {s.Flows[k].Rate}, in {spec}");
                    }
                }
            }
        });

        pairs.Should().BeGreaterThan(300, "the generator should produce many equal pairs");
    }

    [Fact]
    public void Rates_do_not_depend_on_the_order_of_creation()
    {
        Seeded.ForAll(Networks, 500, spec =>
        {
            Solved reference = Build(spec);
            var random = new Random(spec.Seed);
            int[] resourceOrder = Enumerable.Range(0, spec.Capacities.Length).ToArray();
            int[] flowOrder = Enumerable.Range(0, spec.Flows.Length).ToArray();
            random.Shuffle(resourceOrder);
            random.Shuffle(flowOrder);

            Solved shuffled = Build(spec, resourceOrder, flowOrder);

            for (int i = 0; i < reference.Flows.Length; i++)
            {
                Approx.Equal(reference.Flows[i].Rate, shuffled.Flows[i].Rate).Should().BeTrue(
                    $"f{i}: {reference.Flows[i].Rate} in creation order, {shuffled.Flows[i].Rate} with resources " +
                    $"[{string.Join(",", resourceOrder)}] flows [{string.Join(",", flowOrder)}], in {spec}");
            }
        });
    }

    [Fact]
    public void Rates_do_not_depend_on_the_units_of_resources_or_weights()
    {
        // Measuring a resource in other units scales its capacity and every usage of it by the same factor
        // (cores vs millicores, bytes vs bits); scaling every weight by one factor changes no ratio x/w.
        double[] unitFactors = [1e-13, 1e-6, 0.125, 1, 1e3, 1e7];
        double[] weightFactors = [1e-9, 1e-3, 1, 1e5, 1e9];
        Seeded.ForAll(Networks, 500, spec =>
        {
            Solved reference = Build(spec);
            var random = new Random(spec.Seed);
            double[] unitScale = spec.Capacities.Select(_ => unitFactors[random.Next(unitFactors.Length)]).ToArray();
            double weightScale = weightFactors[random.Next(weightFactors.Length)];

            Solved scaled = Build(spec, unitScale: unitScale, weightScale: weightScale);

            for (int i = 0; i < reference.Flows.Length; i++)
            {
                Approx.Equal(reference.Flows[i].Rate, scaled.Flows[i].Rate, 1e-8).Should().BeTrue(
                    $"f{i}: {reference.Flows[i].Rate} in base units, {scaled.Flows[i].Rate} with resource units " +
                    $"[{string.Join(", ", unitScale)}] and weights × {weightScale}, in {spec}");
            }
        }, stream: 29);
    }
}
