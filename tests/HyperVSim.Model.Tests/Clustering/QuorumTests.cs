using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using Xunit;
using static HyperVSim.Model.Tests.Clustering.ClusterScenarios;

namespace HyperVSim.Model.Tests.Clustering;

/// <summary>Node majority with dynamic quorum and dynamic witness, as 2012 R2 (docs/model.md §Quorum).</summary>
public sealed class QuorumTests
{
    private static readonly SimTime Hour = SimTime.FromSeconds(3600);

    private static ClusterSpec Cluster(WitnessKind witness = WitnessKind.None, bool dynamic = true) => new()
    {
        LiveMigration = TestScenarios.NoFixedCosts(),
        Quorum = new QuorumSpec { Witness = witness, Dynamic = dynamic },
    };

    private static IReadOnlyList<VmSpec> OneVmPerHost(int n) => Enumerable.Range(1, n).Select(i => Vm($"vm{i}", $"hv{i}")).ToArray();

    [Fact]
    public void Five_nodes_without_a_witness_survive_losing_three_one_at_a_time()
    {
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(5), OneVmPerHost(5), Cluster(), Hour,
            Fail(FaultTargetKind.Host, "hv1", 60), Fail(FaultTargetKind.Host, "hv2", 300), Fail(FaultTargetKind.Host, "hv3", 600)));

        r.Quorum.Should().OnlyContain(q => q.Has);
        r.Quorum[^1].Nodes.Should().Be(2);
        r.Quorum[^1].Votes.Should().Be(1, "two nodes without a witness: the tie-breaker node gives up its vote");
        r.Failovers.Should().HaveCount(3).And.OnlyContain(f => f.NotRecovered.Count == 0);
        r.Vms.Should().OnlyContain(v => v.State == "running");
    }

    [Fact]
    public void Five_nodes_without_a_witness_stop_when_three_fail_at_the_same_instant()
    {
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(5), OneVmPerHost(5), Cluster(), Hour,
            Fail(FaultTargetKind.Host, "hv1", 60), Fail(FaultTargetKind.Host, "hv2", 60), Fail(FaultTargetKind.Host, "hv3", 60)));

        r.Quorum[^1].Has.Should().BeFalse();
        r.Vms.Should().OnlyContain(v => v.State == "off", "losing quorum stops every clustered VM");
        FailoverRecord q = r.Failovers.Single(f => f.Fault == "quorum");
        q.Vms.Select(v => v.Vm).Should().BeEquivalentTo(["vm4", "vm5"]);
        q.NotRecovered.Should().HaveCount(2);
    }

    [Fact]
    public void Regaining_quorum_restarts_the_VMs_in_priority_order()
    {
        VmSpec[] vms =
        [
            Vm("low", "hv4", priority: 1000), Vm("high", "hv5", priority: 3000), Vm("medium", "hv4", priority: 2000),
        ];
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(5), vms, Cluster(), Hour,
            Fail(FaultTargetKind.Host, "hv1", 60), Fail(FaultTargetKind.Host, "hv2", 60), Fail(FaultTargetKind.Host, "hv3", 60),
            Repair(FaultTargetKind.Host, "hv1", 600)));

        r.Quorum[^1].Has.Should().BeTrue();
        r.Vms.Should().OnlyContain(v => v.State == "running");
        double Starting(string vm) => r.Vms.Single(v => v.Name == vm).Timeline.Last(e => e.State == "starting").At;
        Starting("high").Should().BeLessThanOrEqualTo(Starting("medium"));
        Starting("medium").Should().BeLessThanOrEqualTo(Starting("low"));
        r.Vms.Single(v => v.Name == "high").Timeline.Last(e => e.State == "starting").Reason.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Without_dynamic_quorum_five_nodes_stop_at_the_third_sequential_loss()
    {
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(5), OneVmPerHost(5), Cluster(dynamic: false), Hour,
            Fail(FaultTargetKind.Host, "hv1", 60), Fail(FaultTargetKind.Host, "hv2", 300), Fail(FaultTargetKind.Host, "hv3", 600)));

        r.Quorum[^1].Has.Should().BeFalse("static votes: 2 of 5 is no majority");
    }

    [Fact]
    public void Two_nodes_without_a_witness_survive_losing_the_non_voter_and_stop_when_the_voter_fails()
    {
        // hv2 is the tie-breaker that gives up its vote.
        ClusterSimulation.Run(Scenario(Hosts(2), OneVmPerHost(2), Cluster(), Hour, Fail(FaultTargetKind.Host, "hv2", 60)))
            .Quorum[^1].Has.Should().BeTrue();
        ClusterSimulation.Run(Scenario(Hosts(2), OneVmPerHost(2), Cluster(), Hour, Fail(FaultTargetKind.Host, "hv1", 60)))
            .Quorum[^1].Has.Should().BeFalse();
    }

    [Fact]
    public void A_witness_breaks_the_tie_of_a_two_node_cluster_and_votes_only_when_the_node_count_is_even()
    {
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(2), OneVmPerHost(2), Cluster(WitnessKind.FileShare), Hour, Fail(FaultTargetKind.Host, "hv1", 60)));

        r.Quorum[0].WitnessVote.Should().BeTrue();
        r.Quorum[0].Votes.Should().Be(3);
        r.Quorum[^1].Has.Should().BeTrue("the surviving node and the witness hold 2 of 3 votes");
        r.Quorum[^1].WitnessVote.Should().BeFalse("one node left: the witness's vote is switched off to keep the total odd");

        SimulationResult three = ClusterSimulation.Run(Scenario(Hosts(3), OneVmPerHost(3), Cluster(WitnessKind.Disk), Hour, Fail(FaultTargetKind.Host, "hv3", 60)));
        three.Quorum[0].WitnessVote.Should().BeFalse("three nodes: the witness's vote would make the total even");
        three.Quorum[0].Votes.Should().Be(3);
        three.Quorum[^1].WitnessVote.Should().BeTrue("two nodes left: the witness votes again");
        three.Quorum[^1].Votes.Should().Be(3);
    }

    [Fact]
    public void A_witness_decision_waits_the_arbitration_time()
    {
        var cluster = Cluster(WitnessKind.FileShare);
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(2), OneVmPerHost(2), cluster, Hour, Fail(FaultTargetKind.Host, "hv1", 10.5)));

        // Declared at 20 (10 missed heartbeats after the one at 10), regroup 2 s, arbitration 6 s.
        r.Quorum[^1].At.Should().BeApproximately(28, 1e-9);
        r.Quorum[^1].Reason.Should().Contain("witness");
    }

    [Theory]
    [InlineData("hv1")]
    [InlineData("hv2")]
    public void Two_nodes_with_a_witness_survive_the_loss_of_either(string lost) =>
        ClusterSimulation.Run(Scenario(Hosts(2), OneVmPerHost(2), Cluster(WitnessKind.Disk), Hour, Fail(FaultTargetKind.Host, lost, 60)))
            .Vms.Should().OnlyContain(v => v.State == "running");

    [Fact]
    public void Four_nodes_with_a_witness_keep_the_cluster_on_the_half_that_wins_the_witness()
    {
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(4), OneVmPerHost(4), Cluster(WitnessKind.FileShare), Hour,
            Fail(FaultTargetKind.Nic, "hv3/cl1", 60), Fail(FaultTargetKind.Nic, "hv3/lm1", 60),
            Fail(FaultTargetKind.Nic, "hv4/cl1", 60), Fail(FaultTargetKind.Nic, "hv4/lm1", 60)));

        r.Quorum[0].Votes.Should().Be(5, "four nodes and the witness (even node count: the witness votes)");
        r.Quorum[^1].Has.Should().BeTrue();
        r.Quorum[^1].Nodes.Should().Be(2);
        r.Quorum[^1].Reason.Should().Contain("witness");
        r.Vms.Select(v => v.Host).Should().OnlyContain(h => h == "hv1" || h == "hv2", "the cut-off nodes stop their VMs and the cluster restarts them on the half that kept quorum");
        r.Vms.Should().OnlyContain(v => v.State == "running");
    }
}
