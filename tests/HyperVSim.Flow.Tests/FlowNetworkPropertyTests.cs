using CsCheck;
using FluentAssertions;
using HyperVSim.Engine;

namespace HyperVSim.Flow.Tests;

/// <summary>
/// Random flows arriving over time, with capacity changes, checked against bookkeeping that knows nothing of
/// the network's internals: the integral of each flow's announced rate is its amount (to within the last
/// nanosecond of rounding up), links are never over capacity, and bottleneck spans add up to each lifetime.
/// </summary>
public sealed class FlowNetworkPropertyTests
{
    public sealed record Arrival(long At, double Amount, int Mask, double Bound, double Usage);

    public sealed record CapacityChange(long At, int Resource, double Capacity);

    public sealed record Scenario(double[] Capacities, Arrival[] Arrivals, CapacityChange[] Changes)
    {
        public override string ToString() =>
            $"caps [{string.Join(", ", Capacities)}], arrivals [{string.Join(", ", Arrivals.Select(a => $"({a.At}, {a.Amount}, {a.Mask}, {a.Bound}, {a.Usage})"))}], " +
            $"changes [{string.Join(", ", Changes.Select(c => $"({c.At}, r{c.Resource}, {c.Capacity})"))}]";
    }

    private static readonly Gen<Scenario> Scenarios =
        Gen.Int[1, 4].SelectMany(nr =>
            Gen.Select(
                Gen.Double[1e8, 4e9].Array[nr],
                Gen.Select(
                    Gen.Long[0, 20_000],
                    Gen.Double[1, 50_000],
                    Gen.Int[1, (1 << nr) - 1],
                    Gen.Select(Gen.Int[0, 2], Gen.Double[5e7, 2e9], (k, b) => k == 0 ? b : double.PositiveInfinity),
                    Gen.Select(Gen.Int[0, 1], Gen.Double[0.25, 2], (k, u) => k == 0 ? u : 1.0),
                    (at, amount, mask, bound, usage) => new Arrival(at, amount, mask, bound, usage)).Array[1, 10],
                Gen.Select(Gen.Long[0, 30_000], Gen.Int[0, nr - 1], Gen.Double[1e8, 4e9], (at, r, c) => new CapacityChange(at, r, c)).Array[0, 4],
                (caps, arrivals, changes) => new Scenario(caps, arrivals, changes)));

    [Fact]
    public void Amounts_are_the_integral_of_the_rates_and_spans_cover_each_lifetime()
    {
        Seeded.ForAll(Scenarios, 250, scenario =>
        {
            var sim = new Simulation();
            var net = new FlowNetwork(sim);
            Resource[] resources = scenario.Capacities.Select((c, j) => net.AddResource("r" + j, c)).ToArray();

            // Rate history per flow, as announced by RatesChanged: (from, rate).
            var history = new Dictionary<Flow, List<(long At, double Rate)>>();
            net.RatesChanged += flows =>
            {
                foreach (Flow f in flows)
                {
                    history[f].Add((sim.Now.Nanoseconds, f.Rate));
                }

                foreach (Resource r in resources)
                {
                    Approx.AtMost(r.Load, r.Capacity).Should().BeTrue($"{r.Name} over capacity at {sim.Now} in {scenario}");
                }
            };

            var started = new List<(Arrival Spec, Flow Flow, Finish Finish)>();
            foreach (Arrival a in scenario.Arrivals)
            {
                sim.Call(new SimTime(a.At), () =>
                {
                    FlowUsage[] path = resources.Where((_, j) => (a.Mask & (1 << j)) != 0).Select(r => new FlowUsage(r, a.Usage)).ToArray();
                    Flow f = net.Start("f" + started.Count, a.Amount, path, a.Bound);
                    history[f] = [(sim.Now.Nanoseconds, 0)];
                    started.Add((a, f, Finish.Of(f)));
                });
            }

            foreach (CapacityChange c in scenario.Changes)
            {
                sim.Call(new SimTime(c.At), () => net.SetCapacity(resources[c.Resource], c.Capacity));
            }

            sim.Run();

            started.Should().HaveCount(scenario.Arrivals.Length);
            foreach ((Arrival spec, Flow f, Finish finish) in started)
            {
                finish.Value.Should().BeTrue($"{f.Name} should finish in {scenario}");
                long end = finish.At!.Value.Nanoseconds;
                long lifetime = end - spec.At;
                f.BottleneckSpans.Sum(s => s.Duration.Nanoseconds).Should().Be(lifetime, $"{f.Name}'s spans should cover its life in {scenario}");

                List<(long At, double Rate)> h = history[f];
                double moved = 0;
                double lastRate = 0;
                for (int k = 0; k < h.Count; k++)
                {
                    long until = k + 1 < h.Count ? h[k + 1].At : end;
                    moved += h[k].Rate * (until - h[k].At) / 1e9;
                    lastRate = h[k].Rate;
                }

                // Completion is rounded up to the nanosecond, so at most one nanosecond at the last rate too much.
                moved.Should().BeGreaterThanOrEqualTo(spec.Amount * (1 - 1e-9), $"{f.Name} ended early in {scenario}");
                moved.Should().BeLessThanOrEqualTo((spec.Amount * (1 + 1e-9)) + (lastRate * 1e-9), $"{f.Name} ended late in {scenario}");
            }
        });
    }
}
