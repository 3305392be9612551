using HyperVSim.Engine;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Tests;

/// <summary>Small scenarios built in code, with the fixed costs switched off unless a test turns them on.</summary>
internal static class TestScenarios
{
    public const long GiB = 1L << 30;

    public static LiveMigrationSpec NoFixedCosts(string option = "tcpip") => new()
    {
        Option = option,
        SetupTime = SimTime.Zero,
        SetupJitter = 0,
        SwitchoverTime = SimTime.Zero,
        DeviceStateBytes = 0,
    };

    public static HostSpec Host(string name, double gbps = 10, double efficiency = 1.0, int nics = 1, HyperVVersion version = HyperVVersion.V2012R2, CpuVendor vendor = CpuVendor.Intel, long memory = 256 * GiB) => new()
    {
        Name = name,
        Version = version,
        MemoryBytes = memory,
        Cpu = new CpuSpec { Cores = 16, Vendor = vendor },
        Nics = Enumerable.Range(1, nics)
            .Select(i => new NicSpec { Name = $"lm{i}", BitsPerSecond = gbps * 1e9, Efficiency = efficiency, Networks = ["lm"] })
            .Append(new NicSpec { Name = "vm1", BitsPerSecond = 10e9, Networks = ["prod"] })
            .ToArray(),
    };

    public static VmSpec Vm(string name, string host, long memory, DirtyingSpec? dirtying = null) => new()
    {
        Name = name,
        Host = host,
        MemoryBytes = memory,
        Dirtying = dirtying ?? new DirtyingSpec(),
        Nics = [new VmNicSpec("prod")],
    };

    public static ScenarioSpec Scenario(LiveMigrationSpec lm, IReadOnlyList<HostSpec> hosts, IReadOnlyList<VmSpec> vms, params ScenarioEventSpec[] events) => new()
    {
        Name = "test",
        Seed = 7,
        Cluster = new ClusterSpec { LiveMigration = lm },
        Networks = [new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("prod", NetworkRole.Vm)],
        Hosts = hosts,
        Vms = vms,
        Events = events,
    };

    public static MigrateEventSpec Migrate(string vm, string to, double atSeconds = 0) => new(SimTime.FromSeconds(atSeconds), vm, to);
}
