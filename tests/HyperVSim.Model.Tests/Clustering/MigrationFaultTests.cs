using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using Xunit;
using static HyperVSim.Model.Tests.Clustering.ClusterScenarios;

namespace HyperVSim.Model.Tests.Clustering;

/// <summary>
/// Faults during a live migration (Cluster.FailHost, Cluster.FailNic): the source lost takes the VM with it (a cold
/// restart elsewhere); the destination lost or the live-migration link lost fails the move and the VM keeps running
/// on its source with no outage.
/// </summary>
public sealed class MigrationFaultTests
{
    // A 16 GiB VM over a 1 Gb/s live-migration NIC: about 137 s of copy, so a fault at 50.5 s lands mid-transfer.
    private static HostSpec SlowHost(string name) => Host(name) with
    {
        Nics =
        [
            new NicSpec { Name = "cl1", BitsPerSecond = 1e9, Networks = ["cluster"] },
            new NicSpec { Name = "lm1", BitsPerSecond = 1e9, Networks = ["lm"] },
            new NicSpec { Name = "vm1", BitsPerSecond = 10e9, Networks = ["prod"] },
        ],
    };

    private static SimulationResult Run(params ScenarioEventSpec[] faults)
    {
        HostSpec[] hosts = [SlowHost("hv1"), SlowHost("hv2"), SlowHost("hv3")];
        ScenarioEventSpec[] events = [new MigrateEventSpec(SimTime.FromSeconds(10), "big", "hv2"), .. faults];
        return ClusterSimulation.Run(Scenario(hosts, [Vm("big", "hv1", memory: 16 * GiB), Vm("other", "hv3")], null, SimTime.FromSeconds(600), events));
    }

    [Fact]
    public void The_source_crashing_mid_migration_aborts_it_and_the_VM_restarts_elsewhere_after_detection_regroup_and_start()
    {
        SimulationResult r = Run(Fail(FaultTargetKind.Host, "hv1", 50.5));

        MigrationRecord m = r.Migrations.Single();
        m.Result.Should().Be(MigrationResult.Failed);
        m.CompletedAt.Should().BeApproximately(50.5, 1e-9);
        m.Reason.Should().StartWith("aborted:").And.Contain("source hv1 went down");

        VmRecord big = r.Vms.Single(v => v.Name == "big");
        big.Host.Should().NotBe("hv1");
        big.State.Should().Be("running");
        big.Timeline.Should().Contain(e => e.State == "off" && Math.Abs(e.At - 50.5) < 1e-9);

        // Last heartbeat at 50, declared after 10 missed (60), regroup 2 s (62), start 30 s (92).
        FailoverRecord f = r.Failovers.Single();
        f.DetectedAt.Should().BeApproximately(60, 1e-9);
        f.Vms.Single().Vm.Should().Be("big");
        f.Vms.Single().RunningAt.Should().BeApproximately(92, 1e-9);
        big.Timeline.Last(e => e.State == "starting").At.Should().BeApproximately(62, 1e-9);
        big.DowntimeSeconds.Should().BeApproximately(92 - 50.5, 1e-9);
        big.Outages.Should().Be(1);
    }

    [Fact]
    public void The_destination_crashing_mid_migration_fails_it_and_the_VM_keeps_running_on_its_source()
    {
        SimulationResult r = Run(Fail(FaultTargetKind.Host, "hv2", 50.5));

        MigrationRecord m = r.Migrations.Single();
        m.Result.Should().Be(MigrationResult.Failed);
        m.CompletedAt.Should().BeApproximately(50.5, 1e-9);
        m.Reason.Should().Contain("destination hv2 went down");

        VmRecord big = r.Vms.Single(v => v.Name == "big");
        big.Host.Should().Be("hv1");
        big.State.Should().Be("running");
        big.Outages.Should().Be(0);
        big.DowntimeSeconds.Should().Be(0);
        r.Failovers.Single().Vms.Should().BeEmpty("hv2 ran no VM");
    }

    [Fact]
    public void The_source_live_migration_NIC_failing_mid_migration_fails_the_transfer_and_the_VM_stays_on_its_source()
    {
        SimulationResult r = Run(Fail(FaultTargetKind.Nic, "hv1/lm1", 50.5));

        MigrationRecord m = r.Migrations.Single();
        m.Result.Should().Be(MigrationResult.Failed);
        m.CompletedAt.Should().BeApproximately(50.5, 1e-9);
        m.Reason.Should().StartWith("the transfer failed").And.Contain("hv1/lm1 went down");

        VmRecord big = r.Vms.Single(v => v.Name == "big");
        big.Host.Should().Be("hv1");
        big.State.Should().Be("running");
        big.Outages.Should().Be(0);
        big.DowntimeSeconds.Should().Be(0);
    }
}
