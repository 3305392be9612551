using HyperVSim.Engine;
using HyperVSim.Model;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;

namespace HyperVSim.Reports.Tests;

/// <summary>Small scenarios built in code and run through the model, for reports to read.</summary>
internal static class TestRuns
{
    public const long GiB = 1L << 30;

    /// <summary>The name of a VM that would break a page that forgot to escape.</summary>
    public const string HostileVm = "<b>&x";

    private static readonly Lazy<SimulationResult> DrainRun = new(() => ClusterSimulation.Run(Drain()));

    /// <summary>Six VMs (one named <see cref="HostileVm"/>) drained from hv1 onto hv2 and hv3 with compression over 10 GbE.</summary>
    public static SimulationResult DrainResult => DrainRun.Value;

    public static ScenarioSpec Drain(int vms = 6) => new()
    {
        Name = "drain <hv1> & friends",
        Seed = 42,
        Cluster = new ClusterSpec { LiveMigration = new LiveMigrationSpec { Option = "compression" } },
        Networks = [new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("prod", NetworkRole.Vm)],
        Hosts = [Host("hv1"), Host("hv2"), Host("hv3")],
        Vms = Enumerable.Range(1, vms).Select(i => Vm(i == 3 ? HostileVm : $"vm{i:00}", "hv1", (2 + (2 * i)) * GiB, dirtyBytesPerSecond: 40e6 * i)).ToArray(),
        Events = [new DrainEventSpec(SimTime.FromSeconds(5), "hv1")],
    };

    /// <summary>Two hosts and VMs that never move: a run with nothing to plot but running VMs.</summary>
    public static ScenarioSpec Idle() => new()
    {
        Name = "idle",
        Seed = 1,
        Networks = [new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("prod", NetworkRole.Vm)],
        Hosts = [Host("hv1"), Host("hv2")],
        Vms = [Vm("a", "hv1", 4 * GiB), Vm("b", "hv2", 4 * GiB)],
        Until = SimTime.FromSeconds(10),
    };

    public static HostSpec Host(string name, double gbps = 10) => new()
    {
        Name = name,
        MemoryBytes = 256 * GiB,
        Cpu = new CpuSpec { Cores = 16 },
        Nics =
        [
            new NicSpec { Name = "lm1", BitsPerSecond = gbps * 1e9, Networks = ["lm"] },
            new NicSpec { Name = "vm1", BitsPerSecond = 10e9, Networks = ["prod"] },
        ],
    };

    public static VmSpec Vm(string name, string host, long memory, double dirtyBytesPerSecond = 0) => new()
    {
        Name = name,
        Host = host,
        MemoryBytes = memory,
        Vcpus = 2,
        Dirtying = dirtyBytesPerSecond > 0
            ? new DirtyingSpec { Model = "workingSet", BytesPerSecond = dirtyBytesPerSecond, WorkingSetBytes = memory / 8 }
            : new DirtyingSpec(),
        MemoryContent = new MemoryContentSpec { ZeroPageFraction = 0.2, CompressionRatio = 2.5 },
        Nics = [new VmNicSpec("prod")],
    };
}
