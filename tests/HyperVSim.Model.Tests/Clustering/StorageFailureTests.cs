using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using Xunit;
using static HyperVSim.Model.Tests.Clustering.ClusterScenarios;

namespace HyperVSim.Model.Tests.Clustering;

/// <summary>
/// Storage loss (domain reference §2: the 2012 R2 guest crashes on storage loss; storage failure detection relocates
/// it to a node that reaches its storage after <see cref="DetectionSpec.StorageFailure"/>).
/// </summary>
public sealed class StorageFailureTests
{
    private static ClusterSpec Cluster(bool detection = true) => new()
    {
        LiveMigration = TestScenarios.NoFixedCosts(),
        StorageFailureDetection = detection,
        Detection = new DetectionSpec { StorageFailure = SimTime.FromSeconds(45) },
    };

    private static VmSpec On(string name, string host, string volume) => Vm(name, host) with
    {
        Disks = [new DiskSpec("boot", 40 * GiB, DiskController.Scsi, volume)],
    };

    /// <summary>"csv1" is an SMB share here (a lost path to it is lost storage); csv2 a CSV (a lost path is redirected).</summary>
    private static SimulationResult Run(ClusterSpec cluster, params ScenarioEventSpec[] events) => Run(cluster, StorageKind.Smb, events);

    private static SimulationResult Run(ClusterSpec cluster, StorageKind csv1Kind, params ScenarioEventSpec[] events)
    {
        ScenarioSpec spec = Scenario(Hosts(3), [On("a", "hv1", "csv1"), On("b", "hv1", "csv1"), On("c", "hv1", "csv2"), On("d", "hv2", "csv1")], cluster, SimTime.FromSeconds(2000), events)
            with { Storage = [new StorageSpec { Name = "csv1", Kind = csv1Kind }, new StorageSpec { Name = "csv2" }] };
        return ClusterSimulation.Run(spec);
    }

    [Fact]
    public void A_lost_path_to_a_CSV_is_redirected_through_another_node_and_only_the_loss_of_every_path_crashes_the_guests()
    {
        SimulationResult one = Run(Cluster(), StorageKind.Csv, Fail(FaultTargetKind.StoragePath, "hv1/csv1", 100), Fail(FaultTargetKind.StoragePath, "hv3/csv1", 100));
        one.Vms.Should().OnlyContain(v => v.Outages == 0, "hv2 still has a path: hv1 reaches csv1 in redirected I/O through it");

        SimulationResult all = Run(Cluster(), StorageKind.Csv, Fail(FaultTargetKind.StoragePath, "hv1/csv1", 100), Fail(FaultTargetKind.StoragePath, "hv2/csv1", 100), Fail(FaultTargetKind.StoragePath, "hv3/csv1", 100));
        Rec(all, "a").Timeline.Should().Contain(e => e.State == "failed" && e.At == 100);
        Rec(all, "c").Outages.Should().Be(0, "c's disk is on csv2");
    }

    private static VmRecord Rec(SimulationResult r, string name) => r.Vms.Single(v => v.Name == name);

    [Fact]
    public void A_lost_path_crashes_the_guests_there_at_once_and_detection_restarts_them_on_a_node_that_reaches_the_volume()
    {
        SimulationResult r = Run(Cluster(), Fail(FaultTargetKind.StoragePath, "hv1/csv1", 100), Fail(FaultTargetKind.StoragePath, "hv3/csv1", 100));

        foreach (string name in new[] { "a", "b" })
        {
            VmRecord vm = Rec(r, name);
            vm.Timeline.Should().Contain(e => e.State == "failed" && e.At == 100 && e.Host == "hv1" && e.Reason.Contains("hv1 lost its path to csv1", StringComparison.Ordinal));
            vm.Timeline.Last(e => e.State == "starting").At.Should().BeApproximately(145, 1e-9, "relocated after the 45 s detection delay");
            vm.Host.Should().Be("hv2", "hv3 lost its path to csv1 too");
            vm.State.Should().Be("running");
            vm.DowntimeSeconds.Should().BeApproximately(145 + 30 - 100, 1e-9);
        }

        Rec(r, "c").Outages.Should().Be(0, "its disk is on csv2");
        Rec(r, "c").Host.Should().Be("hv1");
        Rec(r, "d").Outages.Should().Be(0, "hv2 still reaches csv1");

        FailoverRecord f = r.Failovers.Single(x => x.Target == "hv1/csv1");
        f.Fault.Should().Be("storagePath");
        f.Detector.Should().Be("storageFailure");
        f.DetectedAt.Should().BeApproximately(145, 1e-9);
        f.Vms.Select(v => v.Vm).Should().Equal("a", "b");
        f.RecoveredAt.Should().BeApproximately(175, 1e-9);
    }

    [Fact]
    public void Without_detection_the_guests_stay_failed_until_the_path_is_repaired_and_then_restart_on_the_same_host()
    {
        SimulationResult r = Run(Cluster(detection: false), Fail(FaultTargetKind.StoragePath, "hv1/csv1", 100), Repair(FaultTargetKind.StoragePath, "hv1/csv1", 700));

        foreach (string name in new[] { "a", "b" })
        {
            VmRecord vm = Rec(r, name);
            vm.Timeline.Where(e => e.At > 100 && e.At < 700).Should().BeEmpty("nothing happens to a crashed guest without the detector");
            vm.Timeline.Last(e => e.State == "starting").At.Should().BeApproximately(700, 1e-9);
            vm.Host.Should().Be("hv1");
            vm.State.Should().Be("running");
            vm.DowntimeSeconds.Should().BeApproximately(630, 1e-9);
        }

        r.Failovers.Single().RecoveredAt.Should().BeApproximately(730, 1e-9);
    }

    [Fact]
    public void A_failed_volume_leaves_nowhere_to_go_and_everything_on_it_restarts_after_the_repair()
    {
        SimulationResult r = Run(Cluster(), Fail(FaultTargetKind.Storage, "csv1", 100), Repair(FaultTargetKind.Storage, "csv1", 1000));

        foreach (string name in new[] { "a", "b", "d" })
        {
            VmRecord vm = Rec(r, name);
            vm.Timeline.Should().Contain(e => e.State == "failed" && e.At == 100);
            vm.Timeline.Should().Contain(e => e.At >= 145 && e.At < 1000 && e.Reason.Contains("volume csv1 has failed", StringComparison.Ordinal), "waiting with the reason");
            vm.Timeline.Last(e => e.State == "starting").At.Should().BeApproximately(1000, 1e-9);
            vm.State.Should().Be("running");
            vm.DowntimeSeconds.Should().BeApproximately(930, 1e-9);
        }

        Rec(r, "c").Outages.Should().Be(0);
        FailoverRecord f = r.Failovers.Single();
        f.Fault.Should().Be("storage");
        f.DetectedAt.Should().BeApproximately(145, 1e-9);
        f.RecoveredAt.Should().BeApproximately(1030, 1e-9);

        // Stopped before the repair: not recovered, with the reason naming the volume.
        SimulationResult stopped = Run(Cluster(), Fail(FaultTargetKind.Storage, "csv1", 100));
        FailoverRecord open = stopped.Failovers.Single();
        open.RecoveredAt.Should().BeNull();
        open.NotRecovered.Select(n => n.Vm).Should().BeEquivalentTo(["a", "b", "d"]);
        open.NotRecovered.Should().OnlyContain(n => n.Reason.Contains("volume csv1 has failed", StringComparison.Ordinal));
    }
}
