using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using HyperVSim.Model.Storage;
using Xunit;
using static HyperVSim.Model.Tests.TestScenarios;

namespace HyperVSim.Model.Tests.Storage;

/// <summary>
/// VM disk I/O as flows (issue 10, docs/model.md §Storage): Storage QoS normalization, maximum and minimum, M/M/1
/// latency, storage loss, and the SMB bandwidth limit that keeps VM I/O's share of NICs an SMB live migration shares.
/// </summary>
public sealed class StorageIoTests(ITestOutputHelper output)
{
    private const long KiB = 1024;

    [Theory]
    [InlineData(512, 1)]
    [InlineData(4 * KiB, 1)]
    [InlineData(8 * KiB, 1)]
    [InlineData(12 * KiB, 2)]
    [InlineData(64 * KiB, 8)]
    [InlineData(1024 * KiB, 128)]
    public void Normalization_follows_the_domain_reference_table(long size, int units) =>
        DiskIo.NormalizedUnits(size).Should().Be(units, "each I/O counts ceil(size / 8 KB) (domain reference §3, TechNet dn282281)");

    [Fact]
    public void A_qos_maximum_is_never_exceeded_over_random_workloads()
    {
        long[] sizes = [512, 4 * KiB, 8 * KiB, 12 * KiB, 64 * KiB, 1024 * KiB];
        double worst = 0;
        for (int seed = 1; seed <= 25; seed++)
        {
            var random = new Random(seed);
            int count = random.Next(1, 7);
            var vms = Enumerable.Range(0, count).Select(i =>
            {
                long size = sizes[random.Next(sizes.Length)];
                long maximum = random.Next(3) == 0 ? 0 : random.Next(1, 5000);
                return Vm($"v{i}", random.Next(2) == 0 ? "hv1" : "hv2", 1 * GiB) with
                {
                    Disks = [new DiskSpec("d", 10 * GiB, DiskController.Scsi, "csv1") { Io = new DiskIoSpec(random.Next(1, 20_000), size, random.NextDouble()), Qos = new DiskQosSpec { Maximum = maximum } }],
                };
            }).ToArray();
            var events = Enumerable.Range(0, 3).Select(k => (ScenarioEventSpec)new SetQosEventSpec(SimTime.FromSeconds(random.Next(1, 60)), $"v{random.Next(count)}", "d") { Maximum = random.Next(0, 3000) }).ToArray();
            ScenarioSpec spec = Storage(vms, [new StorageSpec { Name = "csv1", Iops = random.Next(100, 50_000), BytesPerSecond = random.Next(50, 3000) * 1e6 }], events);
            var peaks = new Dictionary<DiskIo, double>();
            ClusterSimulation.Run(spec, null, null, cluster =>
            {
                var io = cluster.Component<StorageIo>();
                cluster.Flows.RatesChanged += _ =>
                {
                    foreach (DiskIo d in io.Disks.Where(d => d.Flow is not null && d.Maximum > 0))
                    {
                        double normalized = d.Flow!.Rate / d.Io.SizeBytes * d.Units;
                        normalized.Should().BeLessThanOrEqualTo(d.Maximum * (1 + 1e-9), $"seed {seed}: {d} at {cluster.Simulation.Now}");
                        worst = Math.Max(worst, normalized / d.Maximum);
                    }
                };
            });
        }

        output.WriteLine($"highest normalized IOPS ÷ maximum seen over 25 seeds: {worst:F6}");
        worst.Should().BeGreaterThan(0.99, "some disk ran at its cap, so the check bit");
    }

    [Fact]
    public void A_minimum_alert_is_raised_and_cleared_when_the_noisy_neighbour_is_capped()
    {
        // csv1 serves 1,000 IOPS; data asks 800 with a minimum of 600, noisy asks 2,000: a fair share of 500 each, so the
        // window ending at 30 s raises 32930; capping noisy at 200 at 60 s gives data its 800: the window ending at 90 s clears it.
        VmSpec sql = Vm("sql1", "hv1", 1 * GiB) with { Disks = [Disk("data", 800, 8 * KiB, new DiskQosSpec { Minimum = 600 })] };
        VmSpec noisy = Vm("noisy1", "hv2", 1 * GiB) with { Disks = [Disk("os", 2000, 8 * KiB)] };
        SimulationResult r = ClusterSimulation.Run(
            Storage([sql, noisy], [new StorageSpec { Name = "csv1", Iops = 1000 }], new SetQosEventSpec(SimTime.FromSeconds(60), "noisy1", "os") { Maximum = 200 }) with { Until = SimTime.FromSeconds(120) });

        foreach (QosEventRecord e in r.QosEvents)
        {
            output.WriteLine($"{e.At} s  {e.Id}  {e.Vm}/{e.Disk}: {e.Reason}");
        }

        r.QosEvents.Select(e => (e.At, e.Id, e.Vm, e.Disk)).Should().Equal((30.0, 32930, "sql1", "data"), (90.0, 32931, "sql1", "data"));
        r.Disks[0].Iops.Should().BeApproximately((60 * 500 + 60 * 800) / 120.0, 1e-6, "500 IOPS for a minute, then 800");
    }

    [Fact]
    public void A_disk_asking_less_than_its_minimum_raises_no_alert()
    {
        VmSpec idle = Vm("v", "hv1", 1 * GiB) with { Disks = [Disk("d", 100, 8 * KiB, new DiskQosSpec { Minimum = 600 })] };
        ClusterSimulation.Run(Storage([idle], [new StorageSpec { Name = "csv1", Iops = 1000 }]) with { Until = SimTime.FromSeconds(120) })
            .QosEvents.Should().BeEmpty("it gets the 100 it asks for: only a disk throttled below min(minimum, demand) is short");
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    [InlineData(0.95)]
    public void Latency_follows_the_mm1_closed_form(double rho)
    {
        // One disk asking rho × 1,000 IOPS of a 1,000-IOPS CSV with a 2 ms service time: latency = 2 ms ÷ (1 − rho).
        VmSpec vm = Vm("v", "hv1", 1 * GiB) with { Disks = [Disk("d", rho * 1000, 8 * KiB)] };
        SimulationResult r = ClusterSimulation.Run(Storage([vm], [new StorageSpec { Name = "csv1", Iops = 1000 }]) with { Until = SimTime.FromSeconds(10) });

        double expected = 2.0 / (1 - rho);
        output.WriteLine($"rho {rho}: mean {r.Disks[0].LatencyMs:F6} ms, p95 {r.Disks[0].LatencyP95Ms:F6} ms, closed form {expected:F6} ms");
        r.Disks[0].LatencyMs.Should().BeApproximately(expected, 1e-6);
        r.Disks[0].LatencyP95Ms.Should().BeApproximately(expected, 1e-6);
        r.Volumes[0].UtilisationMean.Should().BeApproximately(rho, 1e-9);
        StorageIo.Latency(0.002, 1.0).Should().BeApproximately(0.2, 1e-12, "a saturated volume is taken at rho = 0.99");
    }

    [Fact]
    public void Storage_loss_stops_the_io_at_once()
    {
        VmSpec vm = Vm("v", "hv1", 1 * GiB) with { Disks = [Disk("d", 500, 8 * KiB)] };
        ScenarioSpec spec = Storage([vm], [new StorageSpec { Name = "csv1" }],
            new FaultEventSpec(SimTime.FromSeconds(10), new FaultTarget(FaultTargetKind.Storage, "csv1"), Repair: false)) with
        {
            Until = SimTime.FromSeconds(40),
            Cluster = new ClusterSpec { LiveMigration = NoFixedCosts(), StorageFailureDetection = false },
        };
        DiskIo? disk = null;
        double? rateAfterLoss = null;
        SimulationResult r = ClusterSimulation.Run(spec, null, null, c =>
        {
            disk = c.Component<StorageIo>().Disks[0];
            c.Simulation.Call(SimTime.FromSeconds(15), () => rateAfterLoss = disk.Flow?.Rate ?? 0, "probe");
        });

        output.WriteLine($"VM state {r.Vms[0].State}, I/O ran {disk!.RunSeconds} s, bytes {disk.Bytes:N0}");
        rateAfterLoss.Should().Be(0);
        disk.RunSeconds.Should().BeApproximately(10, 1e-9, "the flow stopped when csv1 failed at 10 s");
        r.Disks[0].BytesRead.Should().Be((long)Math.Round(10 * 500 * 8 * KiB * 0.7));
    }

    [Fact]
    public void The_io_moves_with_a_migrated_vm_and_stops_only_for_its_blackout()
    {
        VmSpec vm = Vm("v", "hv1", 1 * GiB, new DirtyingSpec { Model = "constant", BytesPerSecond = 200e6 }) with { Disks = [Disk("d", 500, 8 * KiB)] };
        var hosts = new List<(double At, string? Host)>();
        SimulationResult r = ClusterSimulation.Run(Storage([vm], [new StorageSpec { Name = "csv1" }], Migrate("v", "hv2", 5)) with { Until = SimTime.FromSeconds(30) }, null, null, c =>
        {
            DiskIo d = c.Component<StorageIo>().Disks[0];
            c.Flows.RatesChanged += _ =>
            {
                string? on = d.Flow is { Active: true } ? d.Vm.Host!.Name : null;
                if (hosts.Count == 0 || hosts[^1].Host != on)
                {
                    hosts.Add((c.Simulation.Now.Seconds, on));
                }
            };
        });

        MigrationRecord m = r.Migrations.Should().ContainSingle().Subject;
        output.WriteLine(string.Join(", ", hosts.Select(h => $"{h.At:0.######} s: {h.Host ?? "no I/O"}")) + $"; blackout {m.BlackoutSeconds:0.######} s");
        hosts.Select(h => h.Host).Should().Equal("hv1", null, "hv2");
        m.BlackoutSeconds.Should().BeGreaterThan(0.01);
        (hosts[2].At - hosts[1].At).Should().BeApproximately(m.BlackoutSeconds, 1e-6, "I/O stops while the VM is paused for the blackout");
        r.Disks[0].Iops.Should().BeApproximately(500, 1e-6, "it got its demand whenever it ran");
    }

    [Fact]
    public void An_smb_live_migration_limit_keeps_vm_io_its_share_of_the_shared_nics()
    {
        (double Io, double Migration, double NicShare) Measure(double? limit)
        {
            // Two 10 GbE NICs per host carry both SMB live migration and the share's I/O; mig moves hv2 → hv1 over
            // SMB, into hv1's receive side, where db's reads from share1 arrive too (1.5 GB/s asked).
            HostSpec SmbHost(string name) => Host(name, efficiency: 0.95, nics: 2) with
            {
                Nics = [new NicSpec { Name = "s1", BitsPerSecond = 10e9, Networks = ["lm", "storage"] }, new NicSpec { Name = "s2", BitsPerSecond = 10e9, Networks = ["lm", "storage"] }, new NicSpec { Name = "vm1", BitsPerSecond = 10e9, Networks = ["prod"] }],
                SmbBandwidthLimit = new SmbBandwidthLimitSpec { LiveMigration = limit },
            };
            VmSpec db = Vm("db", "hv1", 4 * GiB) with { Disks = [Disk("data", 1.5e9 / (64 * KiB), 64 * KiB, storage: "share1", read: 1.0)] };
            VmSpec mig = Vm("mig", "hv2", 32 * GiB);
            ScenarioSpec spec = Storage([db, mig], [new StorageSpec { Name = "share1", Kind = StorageKind.Smb }], Migrate("mig", "hv1", 1)) with
            {
                Hosts = [SmbHost("hv1"), SmbHost("hv2")],
                Cluster = new ClusterSpec { LiveMigration = NoFixedCosts("smb") },
                Networks = [new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("storage", NetworkRole.Storage), new NetworkSpec("prod", NetworkRole.Vm)],
                Until = SimTime.FromSeconds(60),
            };
            (double, double, double) seen = default;
            ClusterSimulation.Run(spec, null, null, c => c.Simulation.Call(SimTime.FromSeconds(3), () =>
            {
                double io = c.Component<StorageIo>().Disks[0].Flow!.Rate;
                Host hv1 = c.HostNamed("hv1");
                double rx = hv1.Nics.Take(2).Sum(n => n.Receive.Load);
                double capacity = hv1.Nics.Take(2).Sum(n => n.Receive.Capacity);
                seen = (io, rx - io, (rx - io) / capacity);
            }, "probe"));
            return seen;
        }

        var without = Measure(null);
        var with = Measure(500e6);
        output.WriteLine($"no limit:          VM I/O {without.Io / 1e6:F1} MB/s, migration {without.Migration / 1e6:F1} MB/s ({without.NicShare:P1} of hv1's receive)");
        output.WriteLine($"LiveMigration 500MB/s: VM I/O {with.Io / 1e6:F1} MB/s, migration {with.Migration / 1e6:F1} MB/s ({with.NicShare:P1} of hv1's receive)");

        without.NicShare.Should().BeGreaterThan(0.6, "without a limit the migration's two channels take most of the NICs");
        without.Io.Should().BeLessThan(1.5e9 * 0.6);
        with.Migration.Should().BeApproximately(500e6, 1, "the LiveMigration category is capped at 500 MB/s");
        with.Io.Should().BeApproximately(1.5e9, 1, "VM I/O keeps all it asks for");
    }

    internal static DiskSpec Disk(string name, double iops, long size, DiskQosSpec? qos = null, string storage = "csv1", double read = 0.7) =>
        new(name, 10 * GiB, DiskController.Scsi, storage) { Io = new DiskIoSpec(iops, size, read), Qos = qos };

    internal static ScenarioSpec Storage(IReadOnlyList<VmSpec> vms, IReadOnlyList<StorageSpec> storage, params ScenarioEventSpec[] events) =>
        Scenario(NoFixedCosts(), [Host("hv1"), Host("hv2")], vms, events) with { Storage = storage, Until = SimTime.FromSeconds(60) };
}
