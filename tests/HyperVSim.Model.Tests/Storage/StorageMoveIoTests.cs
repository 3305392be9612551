using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using HyperVSim.Model.Storage;
using Xunit;
using static HyperVSim.Model.Tests.TestScenarios;

namespace HyperVSim.Model.Tests.Storage;

/// <summary>
/// Storage moves and the VM's own disk I/O (docs/model.md §Storage live migration): the I/O follows the disk to its
/// new volume at the switch.
/// </summary>
public sealed class StorageMoveIoTests(ITestOutputHelper output)
{
    private const long KiB = 1024;

    [Fact]
    public void After_a_storage_move_the_vms_io_leaves_the_old_volume_for_the_new_one()
    {
        // v does 500 IOPS of 8 KiB on csv1; moveStorage at 1 s copies its 10 GiB disk to csv2 (both 10,000 IOPS) and switches.
        VmSpec vm = Vm("v", "hv1", 1 * GiB) with { Disks = [StorageIoTests.Disk("d", 500, 8 * KiB)] };
        ScenarioSpec spec = StorageIoTests.Storage([vm], [new StorageSpec { Name = "csv1", Iops = 10_000 }, new StorageSpec { Name = "csv2", Iops = 10_000 }],
            new MoveStorageEventSpec(SimTime.FromSeconds(1), "v", "csv2"));
        var loads = new List<(double At, double Csv1, double Csv2)>();
        SimulationResult r = ClusterSimulation.Run(spec, null, null, c =>
        {
            foreach (double at in new[] { 0.5, 59.0 })
            {
                c.Simulation.Call(SimTime.FromSeconds(at), () => loads.Add((at, c.VolumeNamed("csv1").Iops!.Load, c.VolumeNamed("csv2").Iops!.Load)), "probe");
            }
        });

        MigrationRecord m = r.Migrations.Should().ContainSingle().Subject;
        output.WriteLine($"move {m.Result} at {m.CompletedAt:0.###} s; IOPS load csv1/csv2: " + string.Join(", ", loads.Select(l => $"{l.At} s {l.Csv1:0.###}/{l.Csv2:0.###}")));
        m.Result.Should().Be(MigrationResult.Completed);
        m.CompletedAt.Should().BeLessThan(59);
        loads[0].Should().Be((0.5, 500.0, 0.0), "before the move the 500 IOPS hit csv1");
        loads[1].Should().Be((59.0, 0.0, 500.0), "after the switch csv1 carries none of the VM's I/O and csv2 all of it");
        r.Disks.Single().Volume.Should().Be("csv2");
        r.Disks.Single().Iops.Should().BeApproximately(500, 1e-6, "the VM kept its I/O through the move");
        r.Volumes.Select(v => v.Name).Should().Equal("csv1", "csv2");
        r.Volumes[1].Iops.Should().BeApproximately(500 * (60 - m.CompletedAt!.Value) / 60, 1e-6, "csv2 served the disk from the switch on");
    }

    /// <summary>
    /// The hand-computed case of docs/model.md §Storage live migration (mirrored writes). csv1 and csv2 serve 1 GB/s each;
    /// v has "os" (20 GiB, no I/O workload) and "d" (10 GiB, 2,000 IOPS of 8 KiB, 75% read: 16.384 MB/s, of which
    /// 4.096 MB/s writes) on csv1. The I/O stays at its demand, so each copy gets 1,000 − 16.384 = 983.616 MB/s of csv1:
    /// os copies in 21.474836 GB ÷ 983.616 MB/s = 21.8325 s and mirrors diskWriteRate × its share of the size,
    /// 10 MB/s × 20/30 × 21.8325 s = 145.550 MB; d copies in 10.9163 s and mirrors its own writes, 4.096 MB/s × 10.9163 s
    /// = 44.713 MB (diskWriteRate would have said 10 MB/s × 10/30 × 10.9163 s = 36.4 MB).
    /// </summary>
    [Fact]
    public void Mirrored_writes_come_from_the_disks_io_workload_when_it_has_one()
    {
        VmSpec vm = Vm("v", "hv1", 1 * GiB) with
        {
            Disks =
            [
                new DiskSpec("os", 20 * GiB, DiskController.Scsi, "csv1"),
                new DiskSpec("d", 10 * GiB, DiskController.Scsi, "csv1") { Io = new DiskIoSpec(2000, 8 * KiB, 0.75) },
            ],
        };
        ScenarioSpec spec = StorageIoTests.Storage([vm], [new StorageSpec { Name = "csv1", BytesPerSecond = 1e9 }, new StorageSpec { Name = "csv2", BytesPerSecond = 1e9 }],
            new MoveStorageEventSpec(SimTime.Zero, "v", "csv2"));

        MigrationRecord m = ClusterSimulation.Run(spec).Migrations.Single();

        PhaseRecord[] copies = m.Phases.Where(p => p.Kind == PhaseKind.Copy).ToArray();
        PhaseRecord[] mirrors = m.Phases.Where(p => p.Kind == PhaseKind.Mirror).ToArray();
        output.WriteLine(string.Join("; ", m.Phases.Select(p => $"{p.Kind} {p.Seconds:0.######} s {p.Bytes:N0} B")));
        double rate = 1e9 - 2000 * 8 * KiB;
        copies[0].Seconds.Should().BeApproximately(20 * GiB / rate, 1e-6);
        mirrors[0].Bytes.Should().BeCloseTo((long)Math.Round(10e6 * 20 / 30 * (20 * GiB / rate)), 1, "a disk without io mirrors diskWriteRate's share");
        copies[1].Seconds.Should().BeApproximately(10 * GiB / rate, 1e-6);
        mirrors[1].Bytes.Should().BeCloseTo((long)Math.Round(0.25 * 2000 * 8 * KiB * (10 * GiB / rate)), 1, "a disk with io mirrors its own writes");
        mirrors[1].Bytes.Should().BeCloseTo(44_713_044, 1);
        m.MirrorBytes.Should().Be(mirrors.Sum(p => p.Bytes));
    }

    /// <summary>
    /// A storage move between two SMB shares is SMB traffic of its host: read from share1 on the receive side of hv1's
    /// storage NIC and written to share2 on its transmit side. With one 1 GbE storage NIC (125 MB/s of payload each way,
    /// efficiency 1) the 10 GiB copy takes 10.737 GB ÷ 125 MB/s = 85.899 s, where the shares' file servers alone would
    /// allow 4.7 GB/s; when that NIC goes down at 10 s the copy, and the move, fail.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_storage_move_between_smb_shares_crosses_the_hosts_storage_nics(bool nicFails)
    {
        HostSpec SmbHost(string name) => Host(name) with
        {
            Nics = [new NicSpec { Name = "s1", BitsPerSecond = 1e9, Efficiency = 1, Networks = ["storage"] }, new NicSpec { Name = "lm1", BitsPerSecond = 10e9, Networks = ["lm"] }, new NicSpec { Name = "vm1", BitsPerSecond = 10e9, Networks = ["prod"] }],
        };
        VmSpec vm = Vm("v", "hv1", 1 * GiB) with { Disks = [new DiskSpec("os", 10 * GiB, DiskController.Scsi, "share1")] };
        ScenarioEventSpec[] events = nicFails
            ? [new MoveStorageEventSpec(SimTime.Zero, "v", "share2"), new FaultEventSpec(SimTime.FromSeconds(10), new FaultTarget(FaultTargetKind.Nic, "hv1/s1"), Repair: false)]
            : [new MoveStorageEventSpec(SimTime.Zero, "v", "share2")];
        ScenarioSpec spec = StorageIoTests.Storage([vm], [new StorageSpec { Name = "share1", Kind = StorageKind.Smb }, new StorageSpec { Name = "share2", Kind = StorageKind.Smb }], events) with
        {
            Hosts = [SmbHost("hv1"), SmbHost("hv2")],
            Networks = [new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("storage", NetworkRole.Storage), new NetworkSpec("prod", NetworkRole.Vm)],
            Cluster = new ClusterSpec { LiveMigration = NoFixedCosts() with { DiskWriteBytesPerSecond = 0 }, StorageFailureDetection = false },
            Until = SimTime.FromSeconds(200),
        };

        MigrationRecord m = ClusterSimulation.Run(spec).Migrations.Single();

        output.WriteLine($"{m.Result} {m.Reason} after {m.TotalSeconds:0.######} s, limited by {m.LimitedBy?.Name}");
        if (nicFails)
        {
            m.Result.Should().Be(MigrationResult.Failed);
            m.Reason.Should().Contain("hv1/s1");
            m.CompletedAt.Should().Be(10);
        }
        else
        {
            m.Result.Should().Be(MigrationResult.Completed);
            m.Phases.Single(p => p.Kind == PhaseKind.Copy).Seconds.Should().BeApproximately(10 * GiB / 125e6, 1e-6);
            m.LimitedBy!.Value.Name.Should().BeOneOf("nic", "link");
        }
    }

    /// <summary>
    /// Volumes without bandwidth or IOPS are no flow resources, yet failing one fails what needs it: a storage move from
    /// csv1 to csv2 (both unlimited: the copy runs at storageRate, 500 MB/s, 21.5 s for 10 GiB) fails when csv2 fails
    /// at 5 s, though the VM (its disk still on csv1) keeps running. (Disk I/O on an unlimited volume stops with it:
    /// <see cref="StorageIoTests.Storage_loss_stops_the_io_at_once"/>.)
    /// </summary>
    [Fact]
    public void Failing_an_unlimited_volume_fails_the_copies_that_need_it()
    {
        VmSpec mover = Vm("m", "hv1", 1 * GiB) with { Disks = [new DiskSpec("os", 10 * GiB, DiskController.Scsi, "csv1")] };
        ScenarioSpec spec = StorageIoTests.Storage([mover], [new StorageSpec { Name = "csv1" }, new StorageSpec { Name = "csv2" }],
            new MoveStorageEventSpec(SimTime.Zero, "m", "csv2"),
            new FaultEventSpec(SimTime.FromSeconds(5), new FaultTarget(FaultTargetKind.Storage, "csv2"), Repair: false)) with
        {
            Cluster = new ClusterSpec { LiveMigration = NoFixedCosts(), StorageFailureDetection = false },
        };

        SimulationResult r = ClusterSimulation.Run(spec);

        MigrationRecord m = r.Migrations.Single();
        output.WriteLine($"move {m.Result} at {m.CompletedAt} s: {m.Reason}; VM {r.Vms[0].State}");
        m.Result.Should().Be(MigrationResult.Failed);
        m.CompletedAt.Should().Be(5, "the copy would have run until 21.5 s");
        m.Reason.Should().Contain("volume csv2 failed");
        r.Vms[0].State.Should().Be("running", "its disk never left csv1");
    }
}
