using HyperVSim.Engine;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Tests.Clustering;

/// <summary>Failover-cluster scenarios built in code: hosts with a cluster, a live-migration and a VM network.</summary>
internal static class ClusterScenarios
{
    public const long GiB = 1L << 30;

    public static HostSpec Host(string name, string subnet = "default", long memory = 64 * GiB, HyperVVersion version = HyperVVersion.V2012R2) => new()
    {
        Name = name,
        Subnet = subnet,
        Version = version,
        MemoryBytes = memory,
        MemoryReserveBytes = 0,
        Nics =
        [
            new NicSpec { Name = "cl1", BitsPerSecond = 1e9, Networks = ["cluster"] },
            new NicSpec { Name = "lm1", BitsPerSecond = 10e9, Networks = ["lm"] },
            new NicSpec { Name = "vm1", BitsPerSecond = 10e9, Networks = ["prod"] },
        ],
    };

    public static VmSpec Vm(string name, string? host, long memory = 4 * GiB, int priority = 2000) => new()
    {
        Name = name,
        Host = host,
        MemoryBytes = memory,
        Priority = priority,
        StartTime = SimTime.FromSeconds(30),
        Nics = [new VmNicSpec("prod")],
    };

    public static ScenarioSpec Scenario(IReadOnlyList<HostSpec> hosts, IReadOnlyList<VmSpec> vms, ClusterSpec? cluster = null, SimTime? until = null, params ScenarioEventSpec[] events) => new()
    {
        Name = "cluster-test",
        Seed = 11,
        Until = until,
        Cluster = cluster ?? new ClusterSpec { LiveMigration = TestScenarios.NoFixedCosts() },
        Networks =
        [
            new NetworkSpec("cluster", NetworkRole.Cluster),
            new NetworkSpec("lm", NetworkRole.LiveMigration),
            new NetworkSpec("prod", NetworkRole.Vm),
        ],
        Hosts = hosts,
        Vms = vms,
        Events = events,
    };

    public static IReadOnlyList<HostSpec> Hosts(int n, Func<int, string>? subnet = null) =>
        Enumerable.Range(1, n).Select(i => Host($"hv{i}", subnet?.Invoke(i) ?? "default")).ToArray();

    public static FaultEventSpec Fail(FaultTargetKind kind, string name, double at) => new(SimTime.FromSeconds(at), new FaultTarget(kind, name), Repair: false);

    public static FaultEventSpec Repair(FaultTargetKind kind, string name, double at) => new(SimTime.FromSeconds(at), new FaultTarget(kind, name), Repair: true);
}
