using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;

namespace HyperVSim.Benchmarks.Quick;

/// <summary>
/// Storage traffic and SMB live migration on shared NICs (issue 10): 16 nodes with two 10 GbE NICs each on the
/// live-migration and storage networks, 400 VMs each with a data disk doing I/O on one of four SMB shares, and 40 SMB live
/// migrations over the same NICs, for 15 simulated minutes. Prints wall time (best of three after a warm-up) and the
/// flow recompute with disk flows present (<see cref="FlowRecomputeFigure.WithStorage"/>), plus 20 storage live migrations
/// of data disks between the shares.
/// </summary>
public sealed class StorageMixFigure : IQuickFigure
{
    private const long GiB = 1L << 30;

    public string Name => "storage-mix";

    public IReadOnlyList<QuickResult> Measure()
    {
        (double best, SimulationResult r) = ScenarioTimer.BestOfThree(Scenario(), _ => { });

        return
        [
            new QuickResult("storage_mix_wall_ms", best, 1),
            new QuickResult("storage_mix_events", r.EventsProcessed),
            new QuickResult("storage_mix_migrations_completed", r.Migrations.Count(m => m.Kind == "live" && m.Result == MigrationResult.Completed)),
            new QuickResult("storage_mix_storage_moves_completed", r.Migrations.Count(m => m.Kind == "storage" && m.Result == MigrationResult.Completed)),
            .. FlowRecomputeFigure.WithStorage(),
        ];
    }

    internal static ScenarioSpec Scenario()
    {
        Random random = new RandomStreams(2026).For("bench", "storageMix");
        HostSpec Host(int i) => new()
        {
            Name = $"hv{i:00}",
            MemoryBytes = 512 * GiB,
            Cpu = new CpuSpec { Cores = 32 },
            Nics =
            [
                new NicSpec { Name = "s1", BitsPerSecond = 10e9, Networks = ["lm", "storage"] },
                new NicSpec { Name = "s2", BitsPerSecond = 10e9, Networks = ["lm", "storage"] },
                new NicSpec { Name = "vm1", BitsPerSecond = 10e9, Networks = ["prod"] },
            ],
        };
        HostSpec[] hosts = Enumerable.Range(1, 16).Select(Host).ToArray();
        long[] sizes = [4096, 8192, 65536];
        VmSpec[] vms = Enumerable.Range(0, 400).Select(v => new VmSpec
        {
            Name = $"vm{v:000}",
            Host = hosts[v % hosts.Length].Name,
            MemoryBytes = (2 + random.Next(7)) * GiB,
            Dirtying = new DirtyingSpec { Model = "constant", BytesPerSecond = random.Next(5, 50) * 1e6 },
            Nics = [new VmNicSpec("prod")],
            Disks =
            [
                new DiskSpec("data", 10 * GiB, DiskController.Scsi, $"share{v % 4}")
                {
                    Io = new DiskIoSpec(100 + random.Next(2000), sizes[random.Next(sizes.Length)], 0.7),
                    Qos = random.Next(4) == 0 ? new DiskQosSpec { Minimum = 200, Maximum = 1500 } : null,
                },
            ],
        }).ToArray();
        ScenarioEventSpec[] migrations = Enumerable.Range(0, 40).Select(m =>
        {
            VmSpec vm = vms[m * 10 % vms.Length];
            int from = Array.FindIndex(hosts, h => h.Name == vm.Host);
            return (ScenarioEventSpec)new MigrateEventSpec(SimTime.FromSeconds(10 + (m * 12)), vm.Name, hosts[(from + 1 + random.Next(15)) % 16].Name);
        }).ToArray();
        // Twenty storage live migrations, each VM's data disk to the next share, alongside the live migrations.
        ScenarioEventSpec[] storageMoves = Enumerable.Range(0, 20).Select(m =>
        {
            int v = (m * 20 + 5) % vms.Length;
            return (ScenarioEventSpec)new MoveStorageEventSpec(SimTime.FromSeconds(15 + (m * 25)), vms[v].Name, $"share{(v % 4 + 1) % 4}");
        }).ToArray();
        return new ScenarioSpec
        {
            Name = "storage-mix",
            Seed = 2026,
            Until = SimTime.FromSeconds(900),
            Cluster = new ClusterSpec { LiveMigration = new LiveMigrationSpec { Option = "smb" } },
            Networks = [new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("storage", NetworkRole.Storage), new NetworkSpec("prod", NetworkRole.Vm)],
            Hosts = hosts,
            Storage = Enumerable.Range(0, 4).Select(s => new StorageSpec { Name = $"share{s}", Kind = StorageKind.Smb, Iops = 150_000, BytesPerSecond = 3e9 }).ToArray(),
            Vms = vms,
            Events = [.. migrations, .. storageMoves],
        };
    }
}
