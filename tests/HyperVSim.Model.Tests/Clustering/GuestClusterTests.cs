using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using Xunit;
using static HyperVSim.Model.Tests.Clustering.ClusterScenarios;

namespace HyperVSim.Model.Tests.Clustering;

/// <summary>
/// Guest clusters on shared VHDX (Components/GuestClusters.cs; domain reference §2: Microsoft suggests raising guest
/// thresholds so a live migration's final pause does not evict a guest node): a member whose guest stops running for
/// delay × threshold is evicted and the role moves to the other member.
/// </summary>
public sealed class GuestClusterTests
{
    private static VmSpec Member(string name, string host) => Vm(name, host) with
    {
        GuestCluster = "sqlgc",
        Disks = [new DiskSpec("quorum", 10 * GiB, DiskController.Scsi, "csv1") { Shared = true }],
    };

    private static SimulationResult Run(GuestClusterSpec guest, ClusterSpec? cluster, params ScenarioEventSpec[] events) => ClusterSimulation.Run(
        Scenario(Hosts(3), [Member("g1", "hv1"), Member("g2", "hv2")], cluster, SimTime.FromSeconds(600), events) with
        {
            Storage = [new StorageSpec { Name = "csv1" }],
            GuestClusters = [guest],
        });

    [Fact]
    public void The_owners_host_crashing_evicts_it_after_delay_times_threshold_and_the_role_moves_to_the_other_member()
    {
        SimulationResult r = Run(new GuestClusterSpec { Name = "sqlgc", Delay = SimTime.FromSeconds(2), Threshold = 4 }, null, Fail(FaultTargetKind.Host, "hv1", 10.5));

        GuestClusterEvent evicted = r.GuestClusters.Single(e => e.Kind == "evicted");
        evicted.Member.Should().Be("g1");
        evicted.At.Should().BeApproximately(10.5 + 2 * 4, 1e-9);
        GuestClusterEvent moved = r.GuestClusters.Single(e => e.Kind == "roleMoved");
        moved.Member.Should().Be("g2");
        moved.At.Should().BeApproximately(18.5, 1e-9);

        // g1 runs again on a survivor at 52 (declared 20, regroup 2 s, start 30 s) and rejoins.
        GuestClusterEvent rejoined = r.GuestClusters.Single(e => e.Kind == "rejoined");
        rejoined.Member.Should().Be("g1");
        rejoined.At.Should().BeApproximately(52, 1e-9);
        r.GuestClusters.Select(e => e.Kind).Should().Equal("evicted", "roleMoved", "rejoined");
    }

    [Theory]
    [InlineData(10, 10, false)]
    [InlineData(10, 2, true)]
    [InlineData(1000, 5, false)]
    public void A_live_migration_evicts_its_guest_only_when_the_blackout_is_longer_than_delay_times_threshold(int delayMs, int threshold, bool evicts)
    {
        // Real fixed costs: the blackout is the 16 MiB of device state plus the 50 ms switchover (about 64 ms).
        var cluster = new ClusterSpec { LiveMigration = new LiveMigrationSpec { Option = "tcpip", SetupJitter = 0 } };
        var guest = new GuestClusterSpec { Name = "sqlgc", Delay = SimTime.FromMilliseconds(delayMs), Threshold = threshold };
        SimulationResult r = Run(guest, cluster, new MigrateEventSpec(SimTime.FromSeconds(10), "g1", "hv3"));

        MigrationRecord m = r.Migrations.Single();
        m.Result.Should().Be(MigrationResult.Completed);
        m.BlackoutSeconds.Should().BeInRange(0.05, 0.1);
        double limit = delayMs / 1000.0 * threshold;
        (m.BlackoutSeconds > limit).Should().Be(evicts, "the test's premise");
        if (!evicts)
        {
            r.GuestClusters.Should().BeEmpty();
            return;
        }

        double paused = m.CompletedAt!.Value - m.BlackoutSeconds;
        GuestClusterEvent evicted = r.GuestClusters.Single(e => e.Kind == "evicted");
        evicted.Member.Should().Be("g1");
        evicted.At.Should().BeApproximately(paused + limit, 1e-6);
        r.GuestClusters.Single(e => e.Kind == "roleMoved").Member.Should().Be("g2");
        r.GuestClusters.Single(e => e.Kind == "rejoined").At.Should().BeApproximately(m.CompletedAt.Value, 1e-6);
    }
}
