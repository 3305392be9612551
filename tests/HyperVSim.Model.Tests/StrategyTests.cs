using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Migration.Strategies;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using Xunit;
using static HyperVSim.Model.Tests.TestScenarios;

namespace HyperVSim.Model.Tests;

/// <summary>
/// The quick, post-copy, storage and shared-nothing strategies against the hand-computed cases of docs/model.md
/// (§Quick migration, §Post-copy, §Storage live migration, §Shared-nothing live migration).
/// </summary>
public sealed class StrategyTests(ITestOutputHelper output)
{
    private const long M = 8 * GiB;
    private const double R = 10e9 / 8; // one 10 GbE NIC at efficiency 1

    private static StorageSpec Volume(string name, double? bps, StorageKind kind = StorageKind.Csv, string? host = null) =>
        new() { Name = name, Kind = kind, BytesPerSecond = bps, Host = host };

    private static VmSpec WithDisk(VmSpec vm, string volume, long size) => vm with { Disks = [new DiskSpec("os", size, DiskController.Scsi, volume)] };

    private static SimulationResult Run(LiveMigrationSpec lm, IReadOnlyList<StorageSpec> storage, IReadOnlyList<VmSpec> vms, params ScenarioEventSpec[] events) =>
        ClusterSimulation.Run(Scenario(lm, [Host("hv1"), Host("hv2")], vms, events) with { Storage = storage });

    [Fact]
    public void Quick_migration_outage_is_save_plus_move_plus_restore_at_the_volume_bandwidth()
    {
        const double B = 1e9;
        var lm = NoFixedCosts() with { QuickMoveTime = SimTime.FromSeconds(1) };
        SimulationResult r = Run(lm, [Volume("csv1", B)], [WithDisk(Vm("vm", "hv1", M), "csv1", 40 * GiB)], Migrate("vm", "hv2") with { Strategy = "quick" });

        MigrationRecord m = r.Migrations.Should().ContainSingle().Subject;
        double expected = (M / B) + 1 + (M / B); // 8.590 + 1 + 8.590 = 18.180 s
        output.WriteLine($"quick: outage {m.BlackoutSeconds:F3} s, hand-computed {expected:F3} s");
        m.Result.Should().Be(MigrationResult.Completed);
        m.Kind.Should().Be("quick");
        m.Strategy.Should().Be("quick");
        m.BlackoutSeconds.Should().BeApproximately(expected, 1e-3);
        m.TotalSeconds!.Value.Should().BeApproximately(expected, 1e-3);
        m.Phases.Select(p => p.Kind).Should().Equal(PhaseKind.Save, PhaseKind.Switchover, PhaseKind.Restore);
        m.Phases[0].Bytes.Should().Be(M);
        m.LimitedBy!.Value.Name.Should().Be("storage");
        r.Vms.Single().Host.Should().Be("hv2");
        r.Vms.Single().Outages.Should().Be(1, "a quick migration is an outage");
    }

    [Fact]
    public void Post_copy_sends_memory_once_with_a_downtime_near_the_switch_cost_and_reports_the_degraded_guest()
    {
        const double dirty = 100e6;
        var lm = NoFixedCosts() with { DeviceStateBytes = 16L << 20, SwitchoverTime = SimTime.FromMilliseconds(50) };
        SimulationResult r = Run(lm, [], [Vm("vm", "hv1", M, new DirtyingSpec { Model = "constant", BytesPerSecond = dirty })], Migrate("vm", "hv2") with { Strategy = "postcopy" });

        MigrationRecord m = r.Migrations.Should().ContainSingle().Subject;
        double downtime = ((16 << 20) / R) + 0.05;  // 13.4 ms + 50 ms
        double pull = M / R;                         // 6.872 s
        double stall = PostCopyStrategy.StallSeconds(pull, dirty, 0.001);
        output.WriteLine($"postcopy: downtime {m.BlackoutSeconds:F4} s (hand {downtime:F4}), degraded {m.DegradedSeconds:F3} s (hand {pull:F3}), stall {m.StallSeconds:F3} s, bytes on wire {m.BytesOnWire:N0}");
        m.Phases.Single(p => p.Kind == PhaseKind.Pull).Bytes.Should().Be(M, "each page crosses once");
        m.BytesOnWire.Should().Be(M + (16L << 20), "memory once plus the device state, nothing resent");
        m.BlackoutSeconds.Should().BeApproximately(downtime, 1e-4);
        m.DegradedSeconds.Should().BeApproximately(pull, 1e-3);
        m.StallSeconds.Should().BeApproximately(stall, 1e-6).And.BeInRange(0, pull);
        m.Strategy.Should().Be("postcopy");
        m.Option.Should().Be("tcpip");
    }

    [Fact]
    public void Pre_copy_and_post_copy_cross_over_as_the_dirty_rate_rises()
    {
        // Guest-visible cost: pre-copy's blackout; post-copy's downtime plus the time its guest stalls on missing pages.
        // Pre-copy wins while it converges and even for a while after (maxPasses shrinks the last set); once the dirty
        // rate exceeds the link rate its last set is all of memory, and post-copy's stall, always below its pull
        // time, is the smaller cost. Post-copy's total time stays M/R throughout; pre-copy's grows.
        var lm = NoFixedCosts() with { PostCopyFaultLatency = SimTime.FromSeconds(100e-6) };
        double? crossover = null;
        foreach (double rate in new[] { 50e6, 200e6, 400e6, 800e6, 1000e6, 1200e6, 1600e6 })
        {
            var dirtying = new DirtyingSpec { Model = "constant", BytesPerSecond = rate };
            MigrationRecord pre = Run(lm, [], [Vm("vm", "hv1", M, dirtying)], Migrate("vm", "hv2")).Migrations.Single();
            MigrationRecord post = Run(lm, [], [Vm("vm", "hv1", M, dirtying)], Migrate("vm", "hv2") with { Strategy = "postcopy" }).Migrations.Single();
            double preCost = pre.BlackoutSeconds;
            double postCost = post.BlackoutSeconds + post.StallSeconds;
            output.WriteLine($"dirty {rate / 1e6,5:F0} MB/s: precopy total {pre.TotalSeconds:F2} s blackout {preCost:F3} s | postcopy total {post.TotalSeconds:F2} s downtime+stall {postCost:F3} s");
            if (crossover is null && postCost < preCost)
            {
                crossover = rate;
            }
            else if (crossover is null)
            {
                preCost.Should().BeLessThan(postCost, $"pre-copy converges at {rate / 1e6} MB/s");
            }
        }

        output.WriteLine($"post-copy's guest cost first falls below pre-copy's at {crossover / 1e6} MB/s");
        crossover.Should().Be(1600e6, "pre-copy's blackout approaches all of memory over the link (M/R = 6.87 s) only once dirtying outpaces the 1.25 GB/s link; post-copy's stall stays below its pull time");
    }

    [Fact]
    public void Shared_nothing_time_is_disk_copy_plus_mirrored_writes_plus_memory_pre_copy()
    {
        const double Bd = 500e6;   // each local volume: 500 MB/s
        const double w = 20e6;     // the guest writes 20 MB/s
        const long D = 40 * GiB;
        var lm = NoFixedCosts() with { DiskWriteBytesPerSecond = w };
        SimulationResult r = Run(lm,
            [Volume("local1", Bd, StorageKind.Local, "hv1"), Volume("local2", Bd, StorageKind.Local, "hv2")],
            [WithDisk(Vm("vm", "hv1", M), "local1", D)],
            Migrate("vm", "hv2") with { Storage = "local2" });

        MigrationRecord m = r.Migrations.Should().ContainSingle().Subject;
        double copy = D / Bd;              // 85.899 s
        double mirrored = w * copy;        // 1.718 GB
        double mirror = mirrored / Bd;     // 3.436 s
        double memory = M / R;             // 6.872 s (no dirtying: one pass, an empty blackout)
        output.WriteLine($"shared-nothing: total {m.TotalSeconds:F3} s; hand: copy {copy:F3} + mirror {mirror:F3} + pre-copy {memory:F3} = {copy + mirror + memory:F3} s; copyBytes {m.CopyBytes:N0}, mirrorBytes {m.MirrorBytes:N0}");
        m.Kind.Should().Be("sharedNothing");
        m.Strategy.Should().Be("precopy");
        m.CopyBytes.Should().Be(D);
        m.MirrorBytes.Should().BeCloseTo((long)mirrored, 1000);
        m.TotalSeconds!.Value.Should().BeApproximately(copy + mirror + memory, 1e-3);
        m.BytesOnWire.Should().BeCloseTo(D + (long)mirrored + M, 1000);
        r.Vms.Single().Host.Should().Be("hv2");
    }

    [Fact]
    public void Storage_moves_run_within_max_simultaneous_storage_and_switch_the_disks()
    {
        var lm = NoFixedCosts() with { MaxSimultaneousStorage = 2, DiskWriteBytesPerSecond = 0 };
        VmSpec[] vms = Enumerable.Range(1, 3).Select(i => WithDisk(Vm($"vm{i}", "hv1", GiB), "csv1", 10 * GiB)).ToArray();
        SimulationResult r = Run(lm, [Volume("csv1", null), Volume("csv2", null)], vms,
            vms.Select(v => (ScenarioEventSpec)new MoveStorageEventSpec(SimTime.Zero, v.Name, "csv2")).ToArray());

        MigrationRecord[] moves = r.Migrations.ToArray();
        foreach (MigrationRecord m in moves)
        {
            output.WriteLine($"{m.Vm}: kind {m.Kind}, queued {m.QueuedSeconds:F3} s, total {m.TotalSeconds:F3} s, copied {m.CopyBytes:N0}");
        }

        moves.Should().OnlyContain(m => m.Kind == "storage" && m.Strategy == "storage" && m.Result == MigrationResult.Completed && m.CopyBytes == 10 * GiB);
        double each = 10 * GiB / 500e6; // storageRate for unlimited volumes
        moves[0].QueuedSeconds.Should().Be(0);
        moves[1].QueuedSeconds.Should().Be(0);
        moves[2].QueuedSeconds.Should().BeApproximately(each, 1e-3, "the third waits for a storage-migration slot");
        moves.Select(m => m.Phases.Select(p => p.Kind)).Should().AllSatisfy(k => k.Should().Equal(PhaseKind.Copy, PhaseKind.Mirror, PhaseKind.Switchover));
    }
}
