using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using static HyperVSim.Model.Tests.TestScenarios;

namespace HyperVSim.Model.Tests;

/// <summary>
/// Online VHDX resize (docs/model.md §Online VHDX resize): every resize takes the fixed cost; growing a fixed VHDX
/// also writes the added bytes through the volume (added ÷ bandwidth); a dynamic one and a shrink cost nothing more.
/// </summary>
public sealed class DiskResizeTests
{
    private const double Bandwidth = 1e9;
    private static readonly SimTime Fixed = SimTime.FromMilliseconds(100);

    private static SimulationResult Run(DiskSpec disk, VmInitialState state, params ResizeEventSpec[] events)
    {
        VmSpec vm = Vm("vm", "hv1", 4 * GiB) with { Disks = [disk], State = state };
        ScenarioSpec spec = Scenario(NoFixedCosts(), [Host("hv1")], [vm], events) with
        {
            Storage = [new StorageSpec { Name = "csv1", BytesPerSecond = Bandwidth }],
        };
        return ClusterSimulation.Run(spec);
    }

    private static DiskSpec Data(DiskType type, long? used = null) =>
        new DiskSpec("data", 100 * GiB, DiskController.Scsi, "csv1") { Type = type, UsedBytes = used };

    [Fact]
    public void Growing_a_fixed_vhdx_writes_the_added_bytes_through_the_volume()
    {
        SimulationResult r = Run(Data(DiskType.Fixed), VmInitialState.Running, new ResizeEventSpec(SimTime.FromSeconds(5), "vm", "data", 150 * GiB));

        ResizeRecord z = r.Resizes.Should().ContainSingle().Subject;
        z.Result.Should().Be("completed");
        z.FromBytes.Should().Be(100 * GiB);
        z.ToBytes.Should().Be(150 * GiB);
        z.ZeroedBytes.Should().Be(50 * GiB);
        z.RequestedAt.Should().Be(5);
        z.Seconds!.Value.Should().BeApproximately(Fixed.Seconds + 50 * GiB / Bandwidth, 1e-6);
    }

    [Fact]
    public void Growing_a_dynamic_vhdx_costs_only_the_fixed_cost()
    {
        SimulationResult r = Run(Data(DiskType.Dynamic), VmInitialState.Running, new ResizeEventSpec(SimTime.Zero, "vm", "data", 150 * GiB));

        ResizeRecord z = r.Resizes.Single();
        z.ZeroedBytes.Should().Be(0);
        z.Seconds!.Value.Should().BeApproximately(Fixed.Seconds, 1e-9);
    }

    [Fact]
    public void A_shrink_to_the_used_size_costs_the_fixed_cost_and_a_later_resize_starts_from_it()
    {
        SimulationResult r = Run(Data(DiskType.Fixed, used: 60 * GiB), VmInitialState.Running,
            new ResizeEventSpec(SimTime.Zero, "vm", "data", 60 * GiB), new ResizeEventSpec(SimTime.FromSeconds(10), "vm", "data", 70 * GiB));

        r.Resizes.Should().HaveCount(2);
        r.Resizes[0].Seconds!.Value.Should().BeApproximately(Fixed.Seconds, 1e-9);
        r.Resizes[1].FromBytes.Should().Be(60 * GiB);
        r.Resizes[1].ZeroedBytes.Should().Be(10 * GiB);
    }

    [Fact]
    public void An_online_resize_needs_a_running_vm()
    {
        SimulationResult r = Run(Data(DiskType.Dynamic), VmInitialState.Off, new ResizeEventSpec(SimTime.Zero, "vm", "data", 150 * GiB));

        ResizeRecord z = r.Resizes.Single();
        z.Result.Should().Be("failed");
        z.Reason.Should().Be("online resize needs a running VM: vm is off");
        z.CompletedAt.Should().BeNull();
    }
}
