using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using Xunit;
using static HyperVSim.Model.Tests.Clustering.ClusterScenarios;

namespace HyperVSim.Model.Tests.Clustering;

/// <summary>Heartbeat detection of a lost node and the restart of its VMs (docs/model.md §Membership, §Restart).</summary>
public sealed class NodeFailureTests
{
    [Theory]
    [InlineData(12.0, 1.0, 10)]
    [InlineData(12.3, 1.0, 10)]
    [InlineData(12.999, 1.0, 10)]
    [InlineData(7.25, 2.0, 5)]
    [InlineData(100.5, 0.25, 40)]
    public void Same_subnet_detection_takes_delay_times_threshold_within_one_heartbeat(double failAt, double delay, int threshold)
    {
        var cluster = new ClusterSpec
        {
            LiveMigration = TestScenarios.NoFixedCosts(),
            Heartbeat = new HeartbeatSpec { Delay = SimTime.FromSeconds(delay), Threshold = threshold },
        };
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(4), [Vm("a", "hv1"), Vm("b", "hv2")], cluster, null, Fail(FaultTargetKind.Host, "hv1", failAt)));

        FailoverRecord f = r.Failovers.Should().ContainSingle().Subject;
        f.Detector.Should().Be("heartbeat");
        double took = f.DetectedAt!.Value - f.At;
        took.Should().BeGreaterThanOrEqualTo(delay * threshold - delay - 1e-9).And.BeLessThanOrEqualTo(delay * threshold + 1e-9);
        f.Detail.Should().Contain($"{threshold} missed heartbeats").And.Contain("on 2 routes");
    }

    [Fact]
    public void The_2012R2_default_is_the_relaxed_threshold_of_10_with_VMs_and_2012_keeps_5()
    {
        double Took(HyperVVersion v)
        {
            var cluster = new ClusterSpec { Version = v, LiveMigration = TestScenarios.NoFixedCosts() };
            SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(3), [Vm("a", "hv1")], cluster, null, Fail(FaultTargetKind.Host, "hv1", 5.5)));
            return r.Failovers[0].DetectedAt!.Value - r.Failovers[0].At;
        }

        Took(HyperVVersion.V2012R2).Should().BeApproximately(9.5, 1e-9);
        Took(HyperVVersion.V2012).Should().BeApproximately(4.5, 1e-9);
    }

    [Theory]
    [InlineData(3.0, 7, 12.4)]
    [InlineData(1.0, 20, 12.4)]
    public void Cross_subnet_detection_takes_the_cross_subnet_delay_times_threshold_within_one_heartbeat(double crossDelay, int crossThreshold, double failAt)
    {
        var cluster = new ClusterSpec
        {
            LiveMigration = TestScenarios.NoFixedCosts(),
            Heartbeat = new HeartbeatSpec { Threshold = 5, CrossSubnetDelay = SimTime.FromSeconds(crossDelay), CrossSubnetThreshold = crossThreshold },
        };

        // hv4 is alone in its subnet: every route to it is cross-subnet.
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(4, i => i < 4 ? "siteA" : "siteB"), [Vm("a", "hv4")], cluster, null, Fail(FaultTargetKind.Host, "hv4", failAt)));

        FailoverRecord f = r.Failovers.Should().ContainSingle().Subject;
        double took = f.DetectedAt!.Value - f.At;
        took.Should().BeGreaterThanOrEqualTo(crossDelay * crossThreshold - crossDelay - 1e-9).And.BeLessThanOrEqualTo(crossDelay * crossThreshold + 1e-9);
        f.Detail.Should().Contain($"{crossThreshold} missed cross-subnet heartbeats");
    }

    [Fact]
    public void A_node_with_same_and_cross_subnet_routes_is_declared_when_the_slower_kind_has_missed_its_threshold()
    {
        var cluster = new ClusterSpec
        {
            LiveMigration = TestScenarios.NoFixedCosts(),
            Heartbeat = new HeartbeatSpec { Threshold = 5, CrossSubnetThreshold = 20 },
        };
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(4, i => i <= 2 ? "siteA" : "siteB"), [Vm("a", "hv1")], cluster, null, Fail(FaultTargetKind.Host, "hv1", 3.5)));

        (r.Failovers[0].DetectedAt!.Value - r.Failovers[0].At).Should().BeApproximately(19.5, 1e-9, "every route must miss its threshold: the cross-subnet ones take 20 × 1 s");
    }

    [Fact]
    public void The_VMs_of_a_lost_node_run_again_on_survivors_after_detection_regroup_and_their_start_time()
    {
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(4), [Vm("a", "hv1"), Vm("b", "hv1"), Vm("c", "hv2")], null, null, Fail(FaultTargetKind.Host, "hv1", 10.5)));

        FailoverRecord f = r.Failovers.Should().ContainSingle().Subject;
        f.Vms.Select(v => v.Vm).Should().Equal("a", "b");
        f.NotRecovered.Should().BeEmpty();

        // Lost at 10.5; last heartbeat at 10, declared after 10 missed (20); regroup 2 s; start 30 s.
        f.DetectedAt.Should().BeApproximately(20, 1e-9);
        f.RecoveredAt.Should().BeApproximately(52, 1e-9);
        r.Vms.Single(v => v.Name == "a").Host.Should().NotBe("hv1");
        r.Vms.Single(v => v.Name == "a").State.Should().Be("running");
        r.Vms.Single(v => v.Name == "a").DowntimeSeconds.Should().BeApproximately(52 - 10.5, 1e-9);
        r.Vms.Single(v => v.Name == "c").DowntimeSeconds.Should().Be(0);
    }
}
