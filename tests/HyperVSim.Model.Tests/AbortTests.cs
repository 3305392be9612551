using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Components;
using HyperVSim.Model.Migration;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using static HyperVSim.Model.Tests.TestScenarios;

namespace HyperVSim.Model.Tests;

/// <summary>
/// Abort is a first-class outcome (issue 8): a migration killed from outside releases everything it held by
/// construction — slots, memory planned and reserved on the target, its flows — leaves the VM running on its source,
/// and its record says why.
/// </summary>
public sealed class AbortTests
{
    private const long M = 8 * GiB;
    private const double Link = 1.25e9;

    private static (SimulationResult Result, Cluster Cluster, LiveMigration Migration) RunAborting(ScenarioSpec spec, double atSeconds, string cause, int which = 0)
    {
        Cluster? cluster = null;
        LiveMigration? aborted = null;
        SimulationResult r = ClusterSimulation.Run(spec, null, null, c =>
        {
            cluster = c;
            c.Simulation.Call(SimTime.FromSeconds(atSeconds), () =>
            {
                aborted = c.Component<MigrationService>().Migrations[which];
                aborted.Abort(cause).Should().BeTrue();
            }, "abort");
        });
        return (r, cluster!, aborted!);
    }

    /// <summary>a (8 GiB over 10 GbE: M/R = 6.87 s) is aborted at 3 s, in pass 0: 3 s × R bytes have crossed.</summary>
    [Fact]
    public void A_migration_killed_mid_pass_releases_slots_memory_and_flows_and_leaves_the_vm_running_on_its_source()
    {
        ScenarioSpec spec = Scenario(NoFixedCosts(), [Host("hv1"), Host("hv2")], [Vm("a", "hv1", M)], Migrate("a", "hv2"));

        var (r, cluster, m) = RunAborting(spec, 3, "hv2/lm1 failed");

        MigrationRecord record = r.Migrations.Single();
        record.Result.Should().Be(MigrationResult.Failed);
        record.Reason.Should().Be("aborted: hv2/lm1 failed");
        record.CompletedAt.Should().Be(3);
        m.State.Should().Be(MigrationState.Aborted);
        m.Holding.Should().BeEmpty();
        Host hv1 = cluster.HostNamed("hv1"), hv2 = cluster.HostNamed("hv2");
        (hv1.ActiveMigrations, hv2.ActiveMigrations).Should().Be((0, 0));
        (hv2.IncomingReservedBytes, hv2.PlannedIncomingBytes).Should().Be((0, 0));
        hv1.Nics[0].Transmit.FlowCount.Should().Be(0);
        hv2.Nics[0].Receive.FlowCount.Should().Be(0);
        VirtualMachine a = cluster.VmNamed("a");
        (a.Host, a.State, a.Migrating).Should().Be((hv1, VmState.Running, false));
        r.Vms.Single().DowntimeSeconds.Should().Be(0);
        r.SimulatedSeconds.Should().Be(3, "the cancelled flow's completion timer no longer holds the clock");
    }

    /// <summary>The blackout starts when pass 0 ends (M/R); aborted 10 ms into it, the guest resumes on hv1 after 10 ms down.</summary>
    [Fact]
    public void A_migration_killed_in_its_blackout_resumes_the_vm_on_its_source()
    {
        ScenarioSpec spec = Scenario(NoFixedCosts() with { DeviceStateBytes = 1L << 30 }, [Host("hv1"), Host("hv2")], [Vm("a", "hv1", M)], Migrate("a", "hv2"));
        double blackoutStart = Math.Ceiling(M / Link * 1e9) / 1e9;

        var (r, cluster, _) = RunAborting(spec, blackoutStart + 0.01, "target lost");

        r.Migrations.Single().Reason.Should().Be("aborted: target lost");
        r.Migrations.Single().Phases.Select(p => p.Kind).Should().Equal(PhaseKind.Setup, PhaseKind.Pass);
        cluster.VmNamed("a").Host!.Name.Should().Be("hv1");
        cluster.VmNamed("a").State.Should().Be(VmState.Running);
        r.Vms.Single().DowntimeSeconds.Should().BeApproximately(0.01, 1e-6);
    }

    /// <summary>With one slot per host, b queues behind a; aborting b while queued frees its place and touches nothing else.</summary>
    [Fact]
    public void A_queued_migration_aborted_leaves_the_queue_and_the_others_run_as_before()
    {
        ScenarioSpec spec = Scenario(NoFixedCosts() with { MaxSimultaneous = 1 }, [Host("hv1"), Host("hv2")], [Vm("a", "hv1", M), Vm("b", "hv1", M)],
            Migrate("a", "hv2"), Migrate("b", "hv2"));

        var (r, cluster, b) = RunAborting(spec, 1, "operator cancelled", which: 1);

        r.Migrations[0].Result.Should().Be(MigrationResult.Completed);
        r.Migrations[0].TotalSeconds!.Value.Should().BeApproximately(M / Link, 1e-6);
        r.Migrations[1].Reason.Should().Be("aborted: operator cancelled");
        r.Migrations[1].StartedAt.Should().BeNull();
        b.Holding.Should().BeEmpty();
        cluster.VmNamed("b").Host!.Name.Should().Be("hv1");
        cluster.HostNamed("hv2").PlannedIncomingBytes.Should().Be(0);
    }

    [Fact]
    public void Aborting_an_ended_migration_does_nothing()
    {
        ScenarioSpec spec = Scenario(NoFixedCosts(), [Host("hv1"), Host("hv2")], [Vm("a", "hv1", M)], Migrate("a", "hv2"));
        LiveMigration? m = null;
        SimulationResult r = ClusterSimulation.Run(spec, null, null, c =>
            c.Simulation.Call(SimTime.FromSeconds(100), () => m = c.Component<MigrationService>().Migrations[0], "late"));

        m!.Abort("too late").Should().BeFalse();
        r.Migrations.Single().Result.Should().Be(MigrationResult.Completed);
    }
}

/// <summary>A resource that dies under a transfer fails the migration with the cause, through the engine's failure path (issue 8, item 1).</summary>
public sealed class TransferFailureTests
{
    private const long M = 8 * GiB;

    [Theory]
    [InlineData("tcpip")]
    [InlineData("compression")]
    [InlineData("smb")]
    public void A_nic_that_dies_mid_pass_fails_the_migration_with_the_cause_and_the_vm_stays_on_its_source(string option)
    {
        ScenarioSpec spec = Scenario(NoFixedCosts(option), [Host("hv1"), Host("hv2")],
            [Vm("a", "hv1", M) with { CpuLoad = 0, MemoryContent = new MemoryContentSpec { CompressionRatio = 2 } }], Migrate("a", "hv2"));
        Cluster? cluster = null;

        SimulationResult r = ClusterSimulation.Run(spec, null, null, c =>
        {
            cluster = c;
            c.Simulation.Call(SimTime.FromSeconds(2), () => c.Flows.Fail(c.HostNamed("hv2").Nics[0].Receive, new InvalidOperationException("hv2/lm1 went down")), "nic down");
        });

        MigrationRecord m = r.Migrations.Single();
        m.Result.Should().Be(MigrationResult.Failed);
        m.Reason.Should().Be("the transfer failed: hv2/lm1 went down");
        m.CompletedAt.Should().Be(2);
        VirtualMachine a = cluster!.VmNamed("a");
        (a.Host!.Name, a.State, a.Migrating).Should().Be(("hv1", VmState.Running, false));
        Host hv2 = cluster.HostNamed("hv2");
        (hv2.ActiveMigrations, hv2.IncomingReservedBytes, hv2.PlannedIncomingBytes).Should().Be((0, 0L, 0L));
        cluster.HostNamed("hv1").Nics[0].Transmit.FlowCount.Should().Be(0);
    }
}
