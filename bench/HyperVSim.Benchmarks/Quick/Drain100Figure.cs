using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;

namespace HyperVSim.Benchmarks.Quick;

/// <summary>
/// Wall time and event count of draining one host with 100 VMs of 4–16 GiB (sizes from a fixed seed) to
/// 15 others, each with two 10 GbE live-migration NICs, compression on, two migrations at a time per host.
/// </summary>
public sealed class Drain100Figure : IQuickFigure
{
    public string Name => "drain100";

    public IReadOnlyList<QuickResult> Measure()
    {
        (double best, SimulationResult r) = ScenarioTimer.BestOfThree(Scenario(), r =>
        {
            if (r.Drains.Single().Moved != 100)
            {
                throw new InvalidOperationException($"the drain moved {r.Drains.Single().Moved} of 100 VMs");
            }
        });
        long events = r.EventsProcessed;

        return [new QuickResult("drain100_wall_ms", best, 1), new QuickResult("drain100_events", events)];
    }

    internal static ScenarioSpec Scenario()
    {
        const long GiB = 1L << 30;
        Random random = new RandomStreams(100).For("bench", "vmSizes");
        HostSpec Host(int i) => new()
        {
            Name = $"hv{i:00}",
            MemoryBytes = 2048 * GiB,
            Cpu = new CpuSpec { Cores = 32 },
            Nics =
            [
                new NicSpec { Name = "lm1", BitsPerSecond = 10e9, Networks = ["lm"] },
                new NicSpec { Name = "lm2", BitsPerSecond = 10e9, Networks = ["lm"] },
                new NicSpec { Name = "vm1", BitsPerSecond = 10e9, Networks = ["prod"] },
            ],
        };
        return new ScenarioSpec
        {
            Name = "drain100",
            Seed = 100,
            Cluster = new ClusterSpec { LiveMigration = new LiveMigrationSpec { Option = "compression" } },
            Networks = [new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("prod", NetworkRole.Vm)],
            Hosts = Enumerable.Range(1, 16).Select(Host).ToArray(),
            Vms = Enumerable.Range(1, 100).Select(i => new VmSpec
            {
                Name = $"vm{i:000}",
                Host = "hv01",
                MemoryBytes = (4 + random.Next(13)) * GiB,
                Vcpus = 2,
                CpuLoad = 0.1,
                Dirtying = new DirtyingSpec { Model = "workingSet", BytesPerSecond = 50e6, WorkingSetBytes = 1 * GiB },
                MemoryContent = new MemoryContentSpec { ZeroPageFraction = 0.2, CompressionRatio = 2.2 },
                Nics = [new VmNicSpec("prod")],
            }).ToArray(),
            Events = [new DrainEventSpec(SimTime.FromSeconds(1), "hv01")],
        };
    }
}
