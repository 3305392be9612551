using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using Xunit;
using static HyperVSim.Model.Tests.TestScenarios;

namespace HyperVSim.Model.Tests;

/// <summary>
/// The cluster's fallback to quick migration (docs/model.md §Quick migration): a move the cluster makes itself (here a
/// drain) when no live-migration network connects the hosts is made by quick migration, and the report says so; a move
/// the scenario asks for fails as before.
/// </summary>
public sealed class QuickFallbackTests(ITestOutputHelper output)
{
    /// <summary>
    /// hv2's only live-migration NIC is down from 1 s; draining hv1 at 2 s must still move "a" (4 GiB, its disk on csv1 of
    /// 1 GB/s): quick migration, an outage of save + move + restore = 4.295 + 1 + 4.295 = 9.590 s.
    /// </summary>
    [Fact]
    public void A_drain_with_no_live_migration_network_quick_migrates_and_says_why()
    {
        MigrationRecord m = Run(new DrainEventSpec(SimTime.FromSeconds(2), "hv1"), lmNicDown: true);

        output.WriteLine($"{m.Strategy} ({m.Kind}) {m.Result}: {m.Fallback}; blackout {m.BlackoutSeconds:0.######} s");
        m.RequestedBy.Should().Be("cluster");
        m.Strategy.Should().Be("quick");
        m.Kind.Should().Be("quick");
        m.Result.Should().Be(MigrationResult.Completed);
        m.To.Should().Be("hv2");
        m.Fallback.Should().Be("live migration impossible: no live-migration network connects hv1 and hv2 with a NIC up on both (tried: lm)");
        m.Reason.Should().BeNull("it completed");
        m.BlackoutSeconds.Should().BeApproximately((2 * 4 * GiB / 1e9) + 1, 1e-6);
        m.BytesOnWire.Should().Be(0, "nothing crosses the live-migration network");
    }

    [Fact]
    public void With_the_network_up_the_drain_live_migrates()
    {
        MigrationRecord m = Run(new DrainEventSpec(SimTime.FromSeconds(2), "hv1"), lmNicDown: false);

        m.Strategy.Should().Be("precopy");
        m.Fallback.Should().BeNull();
        m.Result.Should().Be(MigrationResult.Completed);
    }

    [Fact]
    public void A_migration_the_scenario_asks_for_does_not_fall_back()
    {
        MigrationRecord m = Run(Migrate("a", "hv2", 2), lmNicDown: true);

        m.Strategy.Should().Be("precopy");
        m.Result.Should().Be(MigrationResult.Failed);
        m.Reason.Should().Contain("no live-migration network connects hv1 and hv2");
    }

    private static MigrationRecord Run(ScenarioEventSpec move, bool lmNicDown)
    {
        VmSpec a = Vm("a", "hv1", 4 * GiB) with { Disks = [new DiskSpec("os", 40 * GiB, DiskController.Scsi, "csv1")] };
        ScenarioEventSpec[] events = lmNicDown
            ? [new FaultEventSpec(SimTime.FromSeconds(1), new FaultTarget(FaultTargetKind.Nic, "hv2/lm1"), Repair: false), move]
            : [move];
        ScenarioSpec spec = Scenario(NoFixedCosts(), [Host("hv1"), Host("hv2")], [a], events) with
        {
            Storage = [new StorageSpec { Name = "csv1", BytesPerSecond = 1e9 }],
            Until = SimTime.FromSeconds(60),
        };
        return ClusterSimulation.Run(spec).Migrations.Should().ContainSingle().Subject;
    }
}
