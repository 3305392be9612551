using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using static HyperVSim.Model.Tests.TestScenarios;

namespace HyperVSim.Model.Tests;

/// <summary>
/// Saved state (docs/model.md §Saved state): a save or a restore takes the fixed cost plus memory ÷ the volume's rate
/// (bandwidth, or IOPS × I/O size), and saves sharing a volume share it max-min; an in-place upgrade saves a 2012
/// host's VMs, brings the host back as 2012 R2 and restores them with configuration version 5.
/// </summary>
public sealed class SavedStateTests
{
    private const long M = 8 * GiB;
    private const double Bandwidth = 1e9;
    private static readonly SimTime Fixed = SimTime.FromSeconds(1);

    private static VmSpec VmOn(string name, string host, long memory = M, string volume = "csv1") =>
        Vm(name, host, memory) with { Disks = [new DiskSpec("os", 40 * GiB, DiskController.Scsi, volume)] };

    private static ScenarioSpec Spec(IReadOnlyList<HostSpec> hosts, IReadOnlyList<VmSpec> vms, StorageSpec volume, params ScenarioEventSpec[] events) =>
        Scenario(NoFixedCosts(), hosts, vms, events) with
        {
            Storage = [volume],
            Cluster = new ClusterSpec { LiveMigration = NoFixedCosts(), SavedState = new SavedStateSpec { FixedCost = Fixed } },
        };

    private static StorageSpec Csv(double? bandwidth = Bandwidth, long? iops = null) => new() { Name = "csv1", BytesPerSecond = bandwidth, Iops = iops };

    [Fact]
    public void A_save_takes_the_fixed_cost_plus_memory_over_the_volumes_bandwidth()
    {
        SimulationResult r = ClusterSimulation.Run(Spec([Host("hv1")], [VmOn("vm", "hv1")], Csv(), new SaveEventSpec(SimTime.FromSeconds(10), "vm")));

        SavedStateRecord save = r.SavedStates.Should().ContainSingle().Subject;
        save.Result.Should().Be("completed");
        save.Volume.Should().Be("csv1");
        save.Bytes.Should().Be(M);
        save.Seconds!.Value.Should().BeApproximately(1 + M / Bandwidth, 1e-6);
        VmRecord vm = r.Vms.Single();
        vm.State.Should().Be("saved");
        vm.Timeline.Select(e => e.State).Should().Equal("running", "paused", "saved");
        vm.Timeline[^1].Reason.Should().StartWith("saved to csv1 from hv1: 8 GiB in ");
    }

    [Fact]
    public void An_iops_limited_volume_moves_iops_times_the_io_size()
    {
        // 200 IOPS of 1 MiB: 200 MiB/s.
        SimulationResult r = ClusterSimulation.Run(Spec([Host("hv1")], [VmOn("vm", "hv1")], Csv(bandwidth: null, iops: 200), new SaveEventSpec(SimTime.Zero, "vm")));

        r.SavedStates.Single().Seconds!.Value.Should().BeApproximately(1 + M / (200.0 * (1 << 20)), 1e-6);
    }

    [Fact]
    public void Two_saves_sharing_a_volume_each_get_half_of_it()
    {
        SimulationResult r = ClusterSimulation.Run(Spec(
            [Host("hv1")], [VmOn("a", "hv1"), VmOn("b", "hv1")], Csv(),
            new SaveEventSpec(SimTime.Zero, "a"), new SaveEventSpec(SimTime.Zero, "b")));

        r.SavedStates.Should().HaveCount(2).And.OnlyContain(s => Math.Abs(s.Seconds!.Value - (1 + 2 * M / Bandwidth)) < 1e-6);
    }

    [Fact]
    public void Without_a_limited_volume_a_save_runs_at_the_saved_state_bandwidth()
    {
        VmSpec noDisk = Vm("vm", "hv1", M);
        SimulationResult r = ClusterSimulation.Run(Spec([Host("hv1")], [noDisk], Csv(), new SaveEventSpec(SimTime.Zero, "vm")));

        SavedStateRecord save = r.SavedStates.Single();
        save.Volume.Should().BeNull();
        save.Seconds!.Value.Should().BeApproximately(1 + M / new SavedStateSpec().BytesPerSecond, 1e-6);
    }

    [Fact]
    public void A_restore_reads_the_memory_back_and_the_guest_runs_again_with_its_downtime_counted()
    {
        SimulationResult r = ClusterSimulation.Run(Spec(
            [Host("hv1")], [VmOn("vm", "hv1")], Csv(),
            new SaveEventSpec(SimTime.Zero, "vm"), new RestoreEventSpec(SimTime.FromSeconds(100), "vm")));

        double t = 1 + M / Bandwidth;
        r.SavedStates.Select(s => s.Kind).Should().Equal("save", "restore");
        r.SavedStates[1].Seconds!.Value.Should().BeApproximately(t, 1e-6);
        VmRecord vm = r.Vms.Single();
        vm.State.Should().Be("running");
        vm.Host.Should().Be("hv1");
        vm.Outages.Should().Be(1);
        vm.DowntimeSeconds.Should().BeApproximately(100 + t, 1e-6, "down from the save's pause to the end of the restore");
    }

    [Fact]
    public void A_save_of_a_vm_that_is_not_running_fails_with_its_reason()
    {
        SimulationResult r = ClusterSimulation.Run(Spec([Host("hv1")], [VmOn("vm", "hv1")], Csv(), new RestoreEventSpec(SimTime.Zero, "vm")));

        SavedStateRecord restore = r.SavedStates.Single();
        restore.Result.Should().Be("failed");
        restore.Reason.Should().Be("only a saved VM can be restored: vm is running");
    }

    [Fact]
    public void A_host_lost_during_a_save_fails_it_and_the_cluster_restarts_the_vm_elsewhere()
    {
        SimulationResult r = ClusterSimulation.Run(Spec(
            [Host("hv1"), Host("hv2"), Host("hv3")], [VmOn("vm", "hv1")], Csv(),
            new SaveEventSpec(SimTime.Zero, "vm"), new FaultEventSpec(SimTime.FromSeconds(3), new FaultTarget(FaultTargetKind.Host, "hv1"), false)));

        SavedStateRecord save = r.SavedStates.Single();
        save.Result.Should().Be("failed");
        save.Reason.Should().StartWith("vm went off: hv1 went down");
        r.Vms.Single().State.Should().Be("running");
        r.Vms.Single().Host.Should().NotBe("hv1");
    }

    [Fact]
    public void An_upgrade_saves_the_vms_brings_the_host_back_as_2012R2_and_restores_them_at_configuration_version_5()
    {
        HostSpec old = Host("hv1", version: HyperVVersion.V2012);
        SimulationResult r = ClusterSimulation.Run(Spec(
            [old, Host("hv2")], [VmOn("a", "hv1"), VmOn("b", "hv1")], Csv(),
            new UpgradeEventSpec(SimTime.FromSeconds(10), "hv1", SimTime.FromSeconds(1800)),
            // Before the upgrade this is a move from 2012 R2 back to 2012, which Hyper-V refuses; after it, allowed.
            Migrate("a", "hv2", atSeconds: 3000), Migrate("a", "hv1", atSeconds: 3100)));

        double save = 1 + 2 * M / Bandwidth;
        UpgradeRecord u = r.Upgrades.Should().ContainSingle().Subject;
        u.Reason.Should().BeNull();
        u.Vms.Should().Be(2);
        u.Restored.Should().Be(2);
        u.DownAt!.Value.Should().BeApproximately(10 + save, 1e-6);
        u.UpAt!.Value.Should().BeApproximately(10 + save + 1800, 1e-6);
        r.SavedStates.Should().HaveCount(4).And.OnlyContain(s => s.Result == "completed" && s.RequestedBy == "upgrade");
        r.SavedStates.Where(s => s.Kind == "save").Should().OnlyContain(s => s.ConfigurationVersion == 4);
        r.SavedStates.Where(s => s.Kind == "restore").Should().OnlyContain(s => s.ConfigurationVersion == 5 && s.Host == "hv1");
        r.Vms.Single(v => v.Name == "b").Timeline[^1].Reason.Should().Contain("configuration version 4 → 5");
        r.Migrations.Should().HaveCount(2).And.OnlyContain(m => m.Result == MigrationResult.Completed);
    }

    [Fact]
    public void Before_an_upgrade_a_move_back_to_the_2012_host_is_refused()
    {
        SimulationResult r = ClusterSimulation.Run(Spec(
            [Host("hv1", version: HyperVVersion.V2012), Host("hv2")], [VmOn("a", "hv2")], Csv(), Migrate("a", "hv1", atSeconds: 1)));

        r.Migrations.Single().Result.Should().Be(MigrationResult.Failed);
    }
}
