using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using static HyperVSim.Model.Tests.TestScenarios;

namespace HyperVSim.Model.Tests;

/// <summary>Drains respect paused nodes (issue 7, defect 3): nothing is placed on a drained node, and a drain's counts are true.</summary>
public sealed class DrainPausedNodeTests
{
    private const long M = 8 * GiB;
    private const double Link = 1.25e9;

    /// <summary>
    /// hv2 is the emptiest node, so hv1's drain plans its moves there; hv2 is drained in the same instant. Its
    /// queued incoming moves must go elsewhere and no VM may end on hv1 or hv2.
    /// </summary>
    [Fact]
    public void Two_nodes_drained_in_the_same_instant_never_receive_each_others_vms()
    {
        VmSpec[] vms =
        [
            .. Enumerable.Range(1, 4).Select(i => Vm($"a{i}", "hv1", M)),
            Vm("big3", "hv3", 16 * GiB),
            Vm("big4", "hv4", 16 * GiB),
        ];
        ScenarioSpec spec = Scenario(NoFixedCosts(), [Host("hv1"), Host("hv2"), Host("hv3"), Host("hv4")], vms,
            Drain("hv1"), Drain("hv2"));

        SimulationResult r = ClusterSimulation.Run(spec);

        r.Vms.Where(v => v.Name.StartsWith('a')).Should().AllSatisfy(v => v.Host.Should().BeOneOf("hv3", "hv4"));
        r.Migrations.Should().AllSatisfy(m => m.To.Should().BeOneOf("hv3", "hv4"));
        DrainRecord d1 = r.Drains.Single(d => d.Host == "hv1");
        d1.Moved.Should().Be(4);
        d1.Failed.Should().Be(0);
        r.Drains.Single(d => d.Host == "hv2").Vms.Should().Be(0);
    }

    /// <summary>
    /// a moves hv1→hv2 from 0 s (M/R on the link alone); hv2 is drained at 1 s, while a is arriving. a lands at M/R
    /// and the drain moves it on to hv3 (the node with most free memory), which takes M/R more: the drain ends at
    /// 2M/R, i.e. 2M/R − 1 s after it began.
    /// </summary>
    [Fact]
    public void A_vm_still_arriving_on_a_node_when_it_is_drained_is_moved_on_after_it_lands()
    {
        ScenarioSpec spec = Scenario(NoFixedCosts(), [Host("hv1"), Host("hv2"), Host("hv3", memory: 512 * GiB)], [Vm("a", "hv1", M)],
            Migrate("a", "hv2"), Drain("hv2", atSeconds: 1));

        SimulationResult r = ClusterSimulation.Run(spec);

        r.Vms.Single().Host.Should().Be("hv3");
        DrainRecord d = r.Drains.Single();
        (d.Vms, d.Moved, d.Failed).Should().Be((1, 1, 0));
        d.TotalSeconds!.Value.Should().BeApproximately((2 * M / Link) - 1, 1e-6);
        r.Migrations.Select(m => (m.From, m.To, m.RequestedBy)).Should().Equal(("hv1", "hv2", "scenario"), ("hv2", "hv3", "cluster"));
    }

    /// <summary>a moves from a 2012 node to a 2012 R2 node, which is drained meanwhile: it cannot go back to an older version.</summary>
    [Fact]
    public void A_vm_arriving_on_a_drained_node_that_no_other_node_can_take_is_reported_failed_not_moved()
    {
        ScenarioSpec spec = Scenario(NoFixedCosts(), [Host("hv1", version: HyperVVersion.V2012), Host("hv2")], [Vm("a", "hv1", M)],
            Migrate("a", "hv2"), Drain("hv2", atSeconds: 1));

        SimulationResult r = ClusterSimulation.Run(spec);

        DrainRecord d = r.Drains.Single();
        (d.Vms, d.Moved, d.Failed).Should().Be((1, 0, 1));
        r.Migrations[1].Reason.Should().Contain("no node can take a").And.Contain("live migration to an older version is not possible");
        r.Vms.Single().Host.Should().Be("hv2", "it could go nowhere, and the drain says so");
    }

    [Fact]
    public void A_scripted_move_to_a_paused_node_is_refused_with_the_reason()
    {
        ScenarioSpec spec = Scenario(NoFixedCosts(), [Host("hv1"), Host("hv2"), Host("hv3")], [Vm("a", "hv1", M)],
            Drain("hv2"), Migrate("a", "hv2", atSeconds: 1));

        MigrationRecord m = ClusterSimulation.Run(spec).Migrations.Single();

        m.Result.Should().Be(MigrationResult.Failed);
        m.Reason.Should().Contain("hv2 is paused");
    }

    private static DrainEventSpec Drain(string host, double atSeconds = 0) => new(SimTime.FromSeconds(atSeconds), host);
}
