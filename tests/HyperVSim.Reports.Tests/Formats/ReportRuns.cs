using HyperVSim.Engine;
using HyperVSim.Model;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using static HyperVSim.Reports.Tests.TestRuns;

namespace HyperVSim.Reports.Tests.Formats;

/// <summary>
/// Results that between them take every branch of the report writers: a completed move, a drain that found
/// no room for a VM, a drain that queued, a run stopped by <c>until</c> with migrations under way and queued,
/// a run with no migration at all, and a hand-built failover run (<see cref="FailoverRun"/>).
/// </summary>
internal static class ReportRuns
{
    /// <summary>A VM name a CSV writer must quote and a Markdown writer must escape.</summary>
    public const string AwkwardVm = "web,\"blue\"|1";

    /// <summary>A VM that is off and on no host.</summary>
    public const string NowhereVm = "spare";

    private static readonly Lazy<SimulationResult> SingleRun = new(() => ClusterSimulation.Run(Single()));
    private static readonly Lazy<SimulationResult> NoRoomRun = new(() => ClusterSimulation.Run(NoRoom()));
    private static readonly Lazy<SimulationResult> StoppedRun = new(() => ClusterSimulation.Run(Stopped()));
    private static readonly Lazy<SimulationResult> IdleRun = new(() => ClusterSimulation.Run(Idle()));
    private static readonly Lazy<SimulationResult> FellBackRun = new(() => ClusterSimulation.Run(FellBack()));
    private static readonly Lazy<SimulationResult> StrategiesRun = new(() => ClusterSimulation.Run(Strategies()));

    /// <summary>A quick migration, a post-copy one, a storage live migration and a shared-nothing move (every strategy's phases).</summary>
    public static SimulationResult StrategiesResult => StrategiesRun.Value;
    private static readonly Lazy<SimulationResult> StorageRun = new(() => ClusterSimulation.Run(Storage()));
    private static readonly Lazy<SimulationResult> QuickFallbackRun = new(() => ClusterSimulation.Run(QuickFallback()));

    /// <summary>A drain with hv2's live-migration NIC down: the cluster quick-migrates the VM (a migration with a fallback).</summary>
    public static SimulationResult QuickFallbackResult => QuickFallbackRun.Value;

    /// <summary>One completed move over SMB (so a detail of what limited it is written), a VM that stays, and one that is off on no host.</summary>
    public static SimulationResult SingleResult => SingleRun.Value;

    /// <summary>A drain of hv1 onto a small hv2: one VM moves, one fails with no destination.</summary>
    public static SimulationResult NoRoomResult => NoRoomRun.Value;

    /// <summary><see cref="TestRuns.DrainResult"/>: six VMs drained two at a time, so most of them queue.</summary>
    public static SimulationResult DrainResult => TestRuns.DrainResult;

    /// <summary>The drain stopped by <c>until</c> while migrations were under way or queued: they are cancelled and the drain unfinished.</summary>
    public static SimulationResult StoppedResult => StoppedRun.Value;

    /// <summary>Nothing moves: empty migrations and drains, no last completion.</summary>
    public static SimulationResult IdleResult => IdleRun.Value;

    /// <summary>A compressed pass whose target loses its spare CPU mid-way: the rest goes plain (encoding fellBack).</summary>
    public static SimulationResult FellBackResult => FellBackRun.Value;

    /// <summary>Disk I/O on a saturated CSV: a QoS minimum alert raised and cleared, and a disk on no volume.</summary>
    public static SimulationResult StorageResult => StorageRun.Value;

    /// <summary>Every result above, by name (for theories).</summary>
    public static SimulationResult Named(string name) => name switch
    {
        nameof(Single) => SingleResult,
        nameof(NoRoom) => NoRoomResult,
        nameof(Drain) => DrainResult,
        nameof(Stopped) => StoppedResult,
        nameof(Idle) => IdleResult,
        nameof(FellBack) => FellBackResult,
        nameof(Strategies) => StrategiesResult,
        nameof(Storage) => StorageResult,
        nameof(QuickFallback) => QuickFallbackResult,
        "Failover" => FailoverRun.Result,
        "SavedState" => SavedStateRun.Result,
        "Boot" => BootRun.Result,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such run"),
    };

    /// <summary>The scenario of each result above, by name.</summary>
    public static ScenarioSpec SpecOf(string name) => name switch
    {
        nameof(Single) => Single(),
        nameof(NoRoom) => NoRoom(),
        nameof(Drain) => Drain(),
        nameof(Stopped) => Stopped(),
        nameof(Idle) => Idle(),
        nameof(FellBack) => FellBack(),
        nameof(Strategies) => Strategies(),
        nameof(Storage) => Storage(),
        nameof(QuickFallback) => QuickFallback(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such run"),
    };

    /// <summary>The results the model simulated (each has a scenario: <see cref="SpecOf"/>).</summary>
    public static TheoryData<string> SimulatedNames => [nameof(Single), nameof(NoRoom), nameof(Drain), nameof(Stopped), nameof(Idle), nameof(FellBack), nameof(Strategies), nameof(Storage), nameof(QuickFallback)];

    /// <summary>Every result: the simulated ones and the hand-built <see cref="FailoverRun"/>, <see cref="SavedStateRun"/> and <see cref="BootRun"/>.</summary>
    public static TheoryData<string> Names => [.. SimulatedNames.Select(n => n.Data), "Failover", "SavedState", "Boot"];

    public static IEnumerable<SimulationResult> All => Names.Select(n => Named(n.Data));

    /// <summary>The scenario of <see cref="StrategiesResult"/>.</summary>
    public static ScenarioSpec Strategies() => new()
    {
        Name = "strategies",
        Seed = 3,
        Cluster = new ClusterSpec { LiveMigration = new LiveMigrationSpec { Option = "tcpip" } },
        Networks = [new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("prod", NetworkRole.Vm)],
        Hosts = [Host("hv1"), Host("hv2")],
        Storage = [new StorageSpec { Name = "csv1", BytesPerSecond = 2e9 }, new StorageSpec { Name = "csv2" }, new StorageSpec { Name = "l2", Kind = StorageKind.Local, Host = "hv2" }],
        Vms =
        [
            Vm("q", "hv1", 2 * GiB) with { Disks = [new DiskSpec("os", 4 * GiB, DiskController.Scsi, "csv1")] },
            Vm("p", "hv1", 2 * GiB, dirtyBytesPerSecond: 50e6),
            Vm("s", "hv1", 2 * GiB) with { Disks = [new DiskSpec("os", 4 * GiB, DiskController.Scsi, "csv1")] },
            Vm("n", "hv1", 2 * GiB) with { Disks = [new DiskSpec("os", 4 * GiB, DiskController.Scsi, "csv2")] },
        ],
        Events =
        [
            new MigrateEventSpec(SimTime.FromSeconds(1), "q", "hv2") { Strategy = "quick" },
            new MigrateEventSpec(SimTime.FromSeconds(1), "p", "hv2") { Strategy = "postcopy" },
            new MoveStorageEventSpec(SimTime.FromSeconds(1), "s", "csv2"),
            new MigrateEventSpec(SimTime.FromSeconds(60), "n", "hv2") { Storage = "l2" },
        ],
    };

    /// <summary>The scenario of <see cref="SingleResult"/>.</summary>
    public static ScenarioSpec Single() => new()
    {
        Name = "single | move, \"quoted\"",
        Seed = 7,
        Cluster = new ClusterSpec { LiveMigration = new LiveMigrationSpec { Option = "compression" } },
        Networks = [new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("prod", NetworkRole.Vm)],
        Hosts = [Host("hv1"), Host("hv2")],
        Vms =
        [
            Vm(AwkwardVm, "hv1", 8 * GiB, dirtyBytesPerSecond: 150e6),
            Vm("stays", "hv1", 4 * GiB),
            // Bigger than any host: the cluster can place it nowhere, so it stays off with no host.
            Vm(NowhereVm, "hv1", 1024 * GiB) with { Host = null },
        ],
        Events = [new MigrateEventSpec(SimTime.FromSeconds(3), AwkwardVm, "hv2") { Option = "smb" }],
    };

    /// <summary>The scenario of <see cref="NoRoomResult"/>: hv2 has 10 GiB for VMs, hv1 holds 4 GiB and 16 GiB ones.</summary>
    public static ScenarioSpec NoRoom() => new()
    {
        Name = "no room",
        Seed = 3,
        Cluster = new ClusterSpec { LiveMigration = new LiveMigrationSpec { Option = "tcpip" } },
        Networks = [new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("prod", NetworkRole.Vm)],
        Hosts = [Host("hv1"), Host("hv2") with { MemoryBytes = 12 * GiB }],
        Vms = [Vm("small", "hv1", 4 * GiB, dirtyBytesPerSecond: 50e6), Vm("big", "hv1", 16 * GiB)],
        Events = [new DrainEventSpec(SimTime.FromSeconds(2), "hv1")],
    };

    /// <summary>
    /// The scenario of <see cref="FellBackResult"/>: idle "a" is compressed hv1→hv2 while "busy" (16 vCPUs at 100%)
    /// moves hv3→hv2 over TCP/IP; when busy resumes on hv2, hv2 has no spare core left to decompress with.
    /// </summary>
    public static ScenarioSpec FellBack() => new()
    {
        Name = "fell back",
        Seed = 5,
        Cluster = new ClusterSpec { LiveMigration = new LiveMigrationSpec { Option = "compression" } },
        Networks = [new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("prod", NetworkRole.Vm)],
        Hosts = [Host("hv1"), Host("hv2"), Host("hv3")],
        Vms = [Vm("a", "hv1", 8 * GiB) with { CpuLoad = 0 }, Vm("busy", "hv3", GiB) with { Vcpus = 16, CpuLoad = 1.0 }],
        Events = [new MigrateEventSpec(SimTime.Zero, "a", "hv2"), new MigrateEventSpec(SimTime.Zero, "busy", "hv2") { Option = "tcpip" }],
    };

    /// <summary>
    /// The scenario of <see cref="StorageResult"/>: "sql" asks 800 IOPS with a minimum of 600 on a 1,000-IOPS CSV shared
    /// with "noisy" (2,000 asked): 500 each raises 32930 at 30 s; capping noisy at 200 at 60 s clears it at 90 s.
    /// </summary>
    public static ScenarioSpec Storage() => new()
    {
        Name = "storage",
        Seed = 9,
        Until = SimTime.FromSeconds(120),
        Cluster = new ClusterSpec { LiveMigration = new LiveMigrationSpec { Option = "tcpip" } },
        Networks = [new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("prod", NetworkRole.Vm)],
        Hosts = [Host("hv1"), Host("hv2")],
        Storage = [new StorageSpec { Name = "csv1", Iops = 1000 }],
        Vms =
        [
            Vm("sql", "hv1", 4 * GiB) with { Disks = [new DiskSpec("data", 100 * GiB, DiskController.Scsi, "csv1") { Io = new DiskIoSpec(800, 8192), Qos = new DiskQosSpec { Minimum = 600 } }] },
            Vm("noisy", "hv2", 4 * GiB) with
            {
                Disks =
                [
                    new DiskSpec("os", 40 * GiB, DiskController.Scsi, "csv1") { Io = new DiskIoSpec(2000, 8192, 0.5) },
                    new DiskSpec("scratch", 40 * GiB, DiskController.Scsi, null) { Io = new DiskIoSpec(100, 65536, 0) },
                ],
            },
        ],
        Events = [new SetQosEventSpec(SimTime.FromSeconds(60), "noisy", "os") { Maximum = 200 }],
    };

    /// <summary>The scenario of <see cref="QuickFallbackResult"/>: hv2's only live-migration NIC fails at 1 s, hv1 is drained at 2 s.</summary>
    public static ScenarioSpec QuickFallback() => new()
    {
        Name = "quick fallback",
        Seed = 1,
        Until = SimTime.FromSeconds(60),
        Cluster = new ClusterSpec { LiveMigration = new LiveMigrationSpec { Option = "tcpip" } },
        Networks = [new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("prod", NetworkRole.Vm)],
        Hosts = [Host("hv1"), Host("hv2")],
        Storage = [new StorageSpec { Name = "csv1", BytesPerSecond = 1e9 }],
        Vms = [Vm("a", "hv1", 4 * GiB) with { Disks = [new DiskSpec("os", 40 * GiB, DiskController.Scsi, "csv1")] }],
        Events =
        [
            new FaultEventSpec(SimTime.FromSeconds(1), new FaultTarget(FaultTargetKind.Nic, "hv2/lm1"), Repair: false),
            new DrainEventSpec(SimTime.FromSeconds(2), "hv1"),
        ],
    };

    /// <summary>The scenario of <see cref="StoppedResult"/>: <see cref="TestRuns.Drain"/> cut off at 12 s.</summary>
    public static ScenarioSpec Stopped() => TestRuns.Drain() with { Name = "drain stopped", Until = SimTime.FromSeconds(12) };
}
