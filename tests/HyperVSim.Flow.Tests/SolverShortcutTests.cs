using FluentAssertions;

namespace HyperVSim.Flow.Tests;

/// <summary>
/// The solver's shortcut (after a bound batch it updates the tightest resource from the resources the batch touched,
/// instead of scanning them all) gives bit for bit the rates and bottlenecks of scanning every resource at every level,
/// on random networks and on the shape the storage bench measures (many small bounded flows beside NIC-bound ones).
/// </summary>
public sealed class SolverShortcutTests
{
    [Fact]
    public void Random_networks_solve_bit_for_bit_as_with_a_scan_at_every_level()
    {
        Seeded.ForAll(MaxMinPropertyTests.Networks, 500, spec => Same(Build(spec), spec.ToString()));
    }

    [Fact]
    public void Many_bounded_flows_beside_nic_flows_solve_bit_for_bit_as_with_a_scan_at_every_level()
    {
        for (int seed = 1; seed <= 5; seed++)
        {
            Same(Bench(seed), $"seed {seed}");
        }
    }

    /// <summary>Each case as two harnesses: one solved with the shortcut, one scanning every level.</summary>
    private static void Same((SolverHarness Fast, SolverHarness Plain) h, string what)
    {
        h.Fast.Solve();
        h.Plain.Solve(scanEveryLevel: true);
        for (int i = 0; i < h.Fast.Flows.Count; i++)
        {
            Flow a = h.Fast.Flows[i];
            Flow b = h.Plain.Flows[i];
            BitConverter.DoubleToInt64Bits(a.Rate).Should().Be(BitConverter.DoubleToInt64Bits(b.Rate), $"{a.Name} in {what}: {a.Rate} vs {b.Rate}");
            a.Bottleneck?.Name.Should().Be(b.Bottleneck?.Name, $"{a.Name}'s bottleneck in {what}");
            (a.Bottleneck is null).Should().Be(b.Bottleneck is null, $"{a.Name}'s bottleneck in {what}");
        }
    }

    private static (SolverHarness, SolverHarness) Build(MaxMinPropertyTests.NetSpec spec)
    {
        SolverHarness Make()
        {
            var h = new SolverHarness();
            Resource[] resources = spec.Capacities.Select((c, j) => h.AddResource("r" + j, c)).ToArray();
            for (int i = 0; i < spec.Flows.Length; i++)
            {
                MaxMinPropertyTests.FlowSpec f = spec.Flows[i];
                int[] on = Enumerable.Range(0, resources.Length).Where(j => (f.Mask & (1 << j)) != 0).ToArray();
                h.AddFlow("f" + i, on.Select(j => resources[j]).ToArray(), f.Bound, f.Weight, on.Select(j => f.Usages[j]).ToArray());
            }

            return h;
        }

        return (Make(), Make());
    }

    /// <summary>32 hosts' NICs, 300 flows between them with bounds of 0.5–1.5 GB/s, 150 disk-like flows of 1.6–18 MB/s over four volumes.</summary>
    private static (SolverHarness, SolverHarness) Bench(int seed)
    {
        SolverHarness Make()
        {
            var random = new Random(seed);
            var h = new SolverHarness();
            Resource[] tx = Enumerable.Range(0, 32).Select(i => h.AddResource($"tx{i}", 1.25e9)).ToArray();
            Resource[] rx = Enumerable.Range(0, 32).Select(i => h.AddResource($"rx{i}", 1.25e9)).ToArray();
            Resource[][] volumes = Enumerable.Range(0, 4).Select(v => new[] { h.AddResource($"bw{v}", 2e9), h.AddResource($"iops{v}", 100_000), h.AddResource($"fs{v}", 4.7e9) }).ToArray();
            for (int f = 0; f < 300; f++)
            {
                int s = random.Next(32);
                int d = (s + 1 + random.Next(31)) % 32;
                h.AddFlow($"f{f}", [tx[s], rx[d]], 0.5e9 + random.NextDouble() * 1e9);
            }

            for (int d = 0; d < 150; d++)
            {
                int host = random.Next(32);
                Resource[] v = volumes[d % 4];
                h.AddFlow($"io{d}", [rx[host], tx[host], v[0], v[1], v[2]], (200 + random.Next(2000)) * 8192.0, usages: [0.7, 0.3, 1, 1 / 8192.0, 1]);
            }

            return h;
        }

        return (Make(), Make());
    }
}
