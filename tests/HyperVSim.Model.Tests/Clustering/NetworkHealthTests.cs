using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using Xunit;
using static HyperVSim.Model.Tests.Clustering.ClusterScenarios;

namespace HyperVSim.Model.Tests.Clustering;

/// <summary>
/// 2012 R2 network health protection (domain reference §2): a protected vNIC whose network loses its link on a host
/// is live-migrated, after the detection delay, to a node where that network is up; if none, it stays; excess moves
/// queue, and queued moves are cancelled when the link returns.
/// </summary>
public sealed class NetworkHealthTests
{
    private static ClusterSpec Cluster(int maxSimultaneous = 2, bool protection = true, double detection = 10) => new()
    {
        LiveMigration = TestScenarios.NoFixedCosts() with { MaxSimultaneous = maxSimultaneous },
        NetworkHealthProtection = protection,
        Detection = new DetectionSpec { NetworkHealth = SimTime.FromSeconds(detection) },
    };

    private static VmSpec Unprotected(string name, string host) => Vm(name, host) with { Nics = [new VmNicSpec("prod", Protected: false)] };

    [Fact]
    public void Protected_VMs_move_after_the_detection_delay_only_to_nodes_where_the_network_is_up()
    {
        // hv2 loses prod too (a second earlier, so both links are down when hv1's delay runs out); hv3 and hv4 keep it.
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(4), [Vm("a", "hv1"), Vm("b", "hv1"), Vm("c", "hv1"), Unprotected("u", "hv1")], Cluster(detection: 7), null,
            Fail(FaultTargetKind.Nic, "hv2/vm1", 99), Fail(FaultTargetKind.Nic, "hv1/vm1", 100)));

        r.Migrations.Select(m => m.Vm).Should().BeEquivalentTo(["a", "b", "c"], "every running VM with a protected adapter on prod, and only those");
        r.Migrations.Should().OnlyContain(m => m.From == "hv1" && m.RequestedBy == "cluster" && m.Result == MigrationResult.Completed);
        r.Migrations.Should().OnlyContain(m => Math.Abs(m.RequestedAt - 107) < 1e-9, "lost at 100, acted on after the 7 s detection delay");
        r.Migrations.Select(m => m.To).Should().OnlyContain(to => to == "hv3" || to == "hv4", "prod is down on hv1 and hv2");
        r.Vms.Where(v => v.Name != "u").Should().OnlyContain(v => (v.Host == "hv3" || v.Host == "hv4") && v.State == "running" && v.Outages == 0);

        VmRecord u = r.Vms.Single(v => v.Name == "u");
        u.Host.Should().Be("hv1", "an unprotected adapter does not move its VM");
        u.State.Should().Be("running");

        FailoverRecord f = r.Failovers.Single(x => x.Target == "hv1/vm1");
        f.Fault.Should().Be("nic");
        f.Detector.Should().Be("networkHealth");
        f.DetectedAt.Should().BeApproximately(107, 1e-9);
        f.Vms.Select(v => v.Vm).Should().BeEquivalentTo(["a", "b", "c"]);
        f.NotRecovered.Should().BeEmpty();
        f.RecoveredAt.Should().BeApproximately(r.Migrations.Max(m => m.CompletedAt!.Value), 1e-9, "recovered when the last move completed");
    }

    [Fact]
    public void Moves_queued_behind_the_simultaneous_limit_are_cancelled_when_the_link_returns_and_the_running_one_finishes()
    {
        // One migration at a time; a 4 GiB move over 10 Gb/s takes about 3.4 s, so only the first has started at 111.
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(3), [Vm("a", "hv1"), Vm("b", "hv1"), Vm("c", "hv1")], Cluster(maxSimultaneous: 1), null,
            Fail(FaultTargetKind.Nic, "hv1/vm1", 100), Repair(FaultTargetKind.Nic, "hv1/vm1", 111)));

        r.Migrations.Should().HaveCount(3);
        MigrationRecord first = r.Migrations.Single(m => m.Vm == "a");
        first.Result.Should().Be(MigrationResult.Completed);
        first.StartedAt.Should().BeApproximately(110, 1e-9);
        first.CompletedAt.Should().BeGreaterThan(111);
        foreach (MigrationRecord queued in r.Migrations.Where(m => m.Vm != "a"))
        {
            queued.Result.Should().Be(MigrationResult.Cancelled);
            queued.StartedAt.Should().BeNull();
            queued.CompletedAt.Should().BeApproximately(111, 1e-9);
            queued.Reason.Should().Contain("prod").And.Contain("up again");
        }

        r.Vms.Single(v => v.Name == "a").Host.Should().NotBe("hv1");
        r.Vms.Where(v => v.Name != "a").Should().OnlyContain(v => v.Host == "hv1" && v.State == "running");
        r.Failovers.Single().NotRecovered.Should().BeEmpty("the cancelled moves' VMs have their network back where they are");
    }

    [Fact]
    public void With_the_network_down_on_every_node_nobody_moves_and_the_record_says_why()
    {
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(3), [Vm("a", "hv1"), Vm("b", "hv1")], Cluster(), null,
            Fail(FaultTargetKind.Nic, "hv2/vm1", 50), Fail(FaultTargetKind.Nic, "hv3/vm1", 50), Fail(FaultTargetKind.Nic, "hv1/vm1", 100)));

        r.Migrations.Should().BeEmpty();
        r.Vms.Should().OnlyContain(v => v.Host == "hv1" && v.State == "running");
        FailoverRecord f = r.Failovers.Single(x => x.Target == "hv1/vm1");
        f.DetectedAt.Should().BeApproximately(110, 1e-9);
        f.RecoveredAt.Should().BeNull();
        f.NotRecovered.Select(n => n.Vm).Should().BeEquivalentTo(["a", "b"]);
        f.NotRecovered.Should().OnlyContain(n => n.Reason.Contains("network prod", StringComparison.Ordinal) && n.Reason.Contains("hv2", StringComparison.Ordinal) && n.Reason.Contains("hv3", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(105.0)]
    [InlineData(109.999)]
    public void A_link_back_before_the_detection_delay_moves_nothing(double repairAt)
    {
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(3), [Vm("a", "hv1"), Vm("b", "hv1")], Cluster(), SimTime.FromSeconds(300),
            Fail(FaultTargetKind.Nic, "hv1/vm1", 100), Repair(FaultTargetKind.Nic, "hv1/vm1", repairAt)));

        r.Migrations.Should().BeEmpty();
        r.Vms.Should().OnlyContain(v => v.Host == "hv1" && v.State == "running");
        r.Failovers.Single().DetectedAt.Should().BeNull();
    }

    [Fact]
    public void Without_network_health_protection_nothing_moves()
    {
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(3), [Vm("a", "hv1"), Vm("b", "hv1")], Cluster(protection: false), SimTime.FromSeconds(300),
            Fail(FaultTargetKind.Nic, "hv1/vm1", 100)));

        r.Migrations.Should().BeEmpty();
        r.Vms.Should().OnlyContain(v => v.Host == "hv1" && v.State == "running");
    }
    [Fact]
    public void A_protected_VM_moves_only_to_a_possible_owner()
    {
        // hv2 has the most free memory, but only hv1 and hv3 may run "a".
        VmSpec a = Vm("a", "hv1") with { PossibleOwners = ["hv1", "hv3"] };
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(3), [a, Vm("x", "hv3", memory: 16 * GiB)], Cluster(), null, Fail(FaultTargetKind.Nic, "hv1/vm1", 100)));

        r.Migrations.Single().To.Should().Be("hv3");
        r.Vms.Single(v => v.Name == "a").Host.Should().Be("hv3");
    }
}
