using FluentAssertions;
using HyperVSim.Engine;

namespace HyperVSim.Flow.Tests;

/// <summary>
/// Removing flows from resources in O(1): each resource keeps its flows in the order they started however they
/// leave (the order decides sums and ties, so results stay the same), and rates after removals in random order
/// match a network built from the surviving flows alone.
/// </summary>
public sealed class FlowRemovalTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_resource_keeps_its_flows_in_start_order_through_removals_and_additions_in_random_order(int seed)
    {
        var random = new Random(seed);
        var sim = new Simulation();
        var other = new Resource("other", 1, 0);
        var resource = new Resource("r", 1, 1);
        var expected = new List<Flow>();
        int started = 0;
        for (int step = 0; step < 2000; step++)
        {
            // Mostly removals once there are enough flows, so the list empties and compacts many times over.
            if (expected.Count == 0 || (expected.Count < 300 && random.Next(3) == 0))
            {
                // Half the flows cross another resource first, so this one is not always at path index 0.
                Resource[] path = random.Next(2) == 0 ? [resource] : [other, resource];
                var f = new Flow("f" + started++, 1, path, path.Select(_ => 1.0).ToArray(), double.PositiveInfinity, 1, sim.Event("f"), SimTime.Zero);
                resource.Flows.Add(f, path.Length - 1);
                expected.Add(f);
            }
            else
            {
                Flow f = expected[random.Next(expected.Count)];
                resource.Flows.Remove(f, f.Path.Length - 1);
                expected.Remove(f);
                f.Slots[f.Path.Length - 1].Should().Be(-1, "a removed flow holds no slot");
            }

            Live(resource).Should().Equal(expected, $"the flows in start order after step {step}");
            resource.FlowCount.Should().Be(expected.Count);
            resource.Flows.End.Should().BeLessThanOrEqualTo(expected.Count + Math.Max(8, expected.Count), "emptied slots are squeezed out");
            foreach (Flow f in expected)
            {
                int slot = f.Slots[f.Path.Length - 1];
                resource.Flows[slot].Should().BeSameAs(f, "each flow knows its slot");
                resource.Flows.PathIndexAt(slot).Should().Be(f.Path.Length - 1);
            }
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void Rates_after_cancelling_flows_in_random_order_match_a_network_of_the_survivors(int seed)
    {
        var random = new Random(seed);
        const int Resources = 6;
        double[] capacities = Enumerable.Range(0, Resources).Select(_ => 1e9 * (0.5 + random.NextDouble())).ToArray();
        var specs = Enumerable.Range(0, 60).Select(_ =>
        {
            int[] path = Enumerable.Range(0, Resources).Where(_ => random.Next(3) == 0).ToArray();
            if (path.Length == 0)
            {
                path = [random.Next(Resources)];
            }

            double bound = random.Next(3) == 0 ? 1e8 * (1 + random.NextDouble()) : double.PositiveInfinity;
            return (Path: path, Usages: path.Select(_ => 0.5 + random.NextDouble()).ToArray(), Bound: bound);
        }).ToArray();

        var (sim, net, resources, built) = Build(capacities, specs, _ => true);
        Flow[] flows = built.Select(f => f!).ToArray();
        var alive = Enumerable.Range(0, specs.Length).ToHashSet();
        foreach (int victim in Enumerable.Range(0, specs.Length).OrderBy(_ => random.Next()).Take(50))
        {
            net.Cancel(flows[victim]);
            alive.Remove(victim);
            sim.Run(sim.Now);

            var (_, _, refResources, refFlows) = Build(capacities, specs, alive.Contains);
            foreach (int i in alive)
            {
                Approx.Equal(flows[i].Rate, refFlows[i]!.Rate).Should().BeTrue(
                    $"f{i}: {flows[i].Rate} after the removals, {refFlows[i]!.Rate} in a network of the survivors (seed {seed})");
            }

            for (int j = 0; j < Resources; j++)
            {
                // The load sums the flows in start order: exactly what summing the survivors in that order gives.
                double load = 0;
                foreach (int i in alive.Order())
                {
                    load += flows[i].Rate * flows[i].UsageOf(resources[j]);
                }

                resources[j].Load.Should().Be(load, $"r{j}'s load sums its flows in start order");
                resources[j].FlowCount.Should().Be(alive.Count(i => specs[i].Path.Contains(j)));
                refResources[j].FlowCount.Should().Be(resources[j].FlowCount);
            }
        }
    }

    private static (Simulation Sim, FlowNetwork Net, Resource[] Resources, Flow?[] Flows) Build(
        double[] capacities, (int[] Path, double[] Usages, double Bound)[] specs, Func<int, bool> include)
    {
        var sim = new Simulation();
        var net = new FlowNetwork(sim);
        Resource[] resources = capacities.Select((c, j) => net.AddResource("r" + j, c)).ToArray();
        var flows = new Flow?[specs.Length];
        for (int i = 0; i < specs.Length; i++)
        {
            if (include(i))
            {
                var (path, usages, bound) = specs[i];
                flows[i] = net.Start("f" + i, 1e18, path.Select((j, k) => new FlowUsage(resources[j], usages[k])).ToArray(), bound);
            }
        }

        sim.Run(SimTime.Zero);
        return (sim, net, resources, flows);
    }

    private static List<Flow> Live(Resource resource)
    {
        var live = new List<Flow>();
        for (int s = 0; s < resource.Flows.End; s++)
        {
            if (resource.Flows[s] is { } f)
            {
                live.Add(f);
            }
        }

        return live;
    }
}
