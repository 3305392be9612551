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
}
