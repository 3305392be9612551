using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using static HyperVSim.Model.Tests.TestScenarios;

namespace HyperVSim.Model.Tests;

/// <summary>
/// No run may end with work in flight unless a stop time said so (issue 7, defect 2): when the events run out
/// while a migration is unfinished, the run is a model error naming the activity, what it waits on and since when.
/// </summary>
public sealed class StallGuardTests
{
    private const long M = 8 * GiB;

    /// <summary>hv1's live-migration NIC is cut to 0 at 1 s, mid-pass; nothing else is scheduled, so the pass can never end.</summary>
    private static Action<Cluster> CutSourceNicAtOneSecond => c =>
        c.Simulation.Call(SimTime.FromSeconds(1), () => c.Flows.SetCapacity(c.HostNamed("hv1").Nics[0].Transmit, 0), "cut");

    [Fact]
    public void A_migration_left_waiting_when_the_events_run_out_is_a_model_error_naming_it()
    {
        ScenarioSpec spec = Scenario(NoFixedCosts(), [Host("hv1"), Host("hv2")], [Vm("a", "hv1", M)], Migrate("a", "hv2"));

        Action run = () => ClusterSimulation.Run(spec, null, null, CutSourceNicAtOneSecond);

        run.Should().Throw<ModelStallException>()
            .Which.Message.Should().Contain("live migration of a hv1->hv2").And.Contain("waiting on pass 0").And.Contain("since 0s").And.Contain("ran out of events at 1s");
    }

    [Fact]
    public void A_stop_time_beyond_the_stall_does_not_hide_it()
    {
        ScenarioSpec spec = Scenario(NoFixedCosts(), [Host("hv1"), Host("hv2")], [Vm("a", "hv1", M)], Migrate("a", "hv2")) with { Until = SimTime.FromSeconds(100) };

        Action run = () => ClusterSimulation.Run(spec, null, null, CutSourceNicAtOneSecond);

        run.Should().Throw<ModelStallException>().Which.Activities.Should().ContainSingle();
    }

    [Fact]
    public void A_migration_cut_by_until_is_cancelled_and_says_until()
    {
        ScenarioSpec spec = Scenario(NoFixedCosts(), [Host("hv1"), Host("hv2")], [Vm("a", "hv1", M)], Migrate("a", "hv2")) with { Until = SimTime.FromSeconds(2) };

        MigrationRecord m = ClusterSimulation.Run(spec).Migrations.Single();

        m.Result.Should().Be(MigrationResult.Cancelled);
        m.Reason.Should().Contain("(until)");
    }
}
