using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;

namespace HyperVSim.Benchmarks.Quick;

/// <summary>
/// Wall time and event count of a boot storm: power restored to 16 hosts, 500 Windows Server 2012 R2 VMs (half
/// generation 1, half generation 2) boot through their boot models, all reading their OS through one CSV, at most
/// 32 starting per node. Target under 300 ms.
/// </summary>
public sealed class BootStorm500Figure : IQuickFigure
{
    public string Name => "bootstorm500";

    public IReadOnlyList<QuickResult> Measure()
    {
        (double best, SimulationResult r) = ScenarioTimer.BestOfThree(Scenario(), r =>
        {
            int running = r.Boots.Count(b => b.Result == "running");
            if (running != 500)
            {
                throw new InvalidOperationException($"the storm booted {running} of 500 VMs");
            }
        });
        long events = r.EventsProcessed;

        return [new QuickResult("bootstorm500_wall_ms", best, 1), new QuickResult("bootstorm500_events", events)];
    }

    internal static ScenarioSpec Scenario()
    {
        const long GiB = 1L << 30;
        HostSpec Host(int i) => new()
        {
            Name = $"hv{i:00}",
            MemoryBytes = 512 * GiB,
            Nics = [new NicSpec { Name = "vm1", BitsPerSecond = 10e9, Networks = ["prod"] }],
        };
        return new ScenarioSpec
        {
            Name = "bootstorm500",
            Seed = 500,
            Networks = [new NetworkSpec("prod", NetworkRole.Vm)],
            Hosts = Enumerable.Range(1, 16).Select(Host).ToArray(),
            Storage = [new StorageSpec { Name = "csv1", BytesPerSecond = 4e9, Iops = 200_000 }],
            Vms = Enumerable.Range(1, 500).Select(i =>
            {
                VmGeneration generation = i % 2 == 0 ? VmGeneration.Two : VmGeneration.One;
                return new VmSpec
                {
                    Name = $"vm{i:000}",
                    Generation = generation,
                    GuestOs = "ws2012r2",
                    MemoryBytes = 4 * GiB,
                    State = VmInitialState.Off,
                    Disks = [new DiskSpec("os", 60 * GiB, generation == VmGeneration.Two ? DiskController.Scsi : DiskController.Ide, "csv1")],
                    Nics = [new VmNicSpec("prod")],
                };
            }).ToArray(),
            Events = [new PowerOnEventSpec(SimTime.FromSeconds(10), [])],
        };
    }
}
