using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Specs;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary><c>Good/clustering.yaml</c>, which writes every failover-clustering key, loads into the expected specs in base units.</summary>
public sealed class GoodClusteringTests
{
    private static ScenarioSpec Load() => ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Good", "clustering.yaml"));

    [Fact]
    public void Cluster_settings_load()
    {
        ClusterSpec c = Load().Cluster;
        c.Heartbeat.Should().Be(new HeartbeatSpec { Delay = SimTime.FromSeconds(1), Threshold = 10, CrossSubnetDelay = SimTime.FromSeconds(2), CrossSubnetThreshold = 20 });
        c.Regroup.Should().Be(SimTime.FromSeconds(3));
        c.Quorum.Should().Be(new QuorumSpec { Witness = WitnessKind.FileShare, Dynamic = false, Arbitration = SimTime.FromSeconds(20) });
        c.Detection.Should().Be(new DetectionSpec { NetworkHealth = SimTime.FromSeconds(15), StorageFailure = SimTime.FromSeconds(90) });
        c.Failover.Should().Be(new FailoverPolicySpec { Threshold = 2, Period = SimTime.FromSeconds(6 * 3600) });
        c.Restart.Should().Be(new RestartPolicySpec { Delay = SimTime.FromSeconds(1), Threshold = 2, Period = SimTime.FromSeconds(600), RetryPeriod = SimTime.FromSeconds(7200) });
        c.StartThrottle.Should().Be(16);
    }

    [Fact]
    public void Hosts_storage_and_guest_clusters_load()
    {
        ScenarioSpec s = Load();
        s.Hosts.Select(h => (h.Name, h.Subnet)).Should().Equal(("a1", "site-a"), ("a2", "site-a"), ("b1", "site-b"), ("b2", "site-b"));
        s.Storage.Select(v => (v.Name, v.Kind, v.Host)).Should().Equal(("csv1", StorageKind.Csv, null), ("share1", StorageKind.Smb, null), ("a1local", StorageKind.Local, "a1"));
        s.GuestClusters.Should().Equal(new GuestClusterSpec { Name = "sqlguest", Delay = SimTime.FromMilliseconds(500), Threshold = 20, RoleFailover = SimTime.FromSeconds(45) });
    }

    [Fact]
    public void Vm_clustering_keys_and_disks_load()
    {
        ScenarioSpec s = Load();
        VmSpec sql2 = s.Vms[1];
        sql2.Name.Should().Be("sql2");
        sql2.Priority.Should().Be(3000);
        sql2.PossibleOwners.Should().Equal("a1", "a2", "b1", "b2");
        sql2.PreferredOwners.Should().Equal("a1", "a2");
        sql2.AntiAffinity.Should().Be("sqlnodes");
        sql2.StartTime.Should().Be(SimTime.FromSeconds(40));
        sql2.GuestCluster.Should().Be("sqlguest");
        sql2.Disks.Should().Equal(
            new DiskSpec("os", 127L << 30, DiskController.Scsi, "csv1"),
            new DiskSpec("data", 500L << 30, DiskController.Scsi, "share1") { Shared = true });

        VmSpec web = s.Vms[2];
        web.Priority.Should().Be(0);
        web.PossibleOwners.Should().BeEmpty();
        web.StartTime.Should().BeNull();
        web.GuestCluster.Should().BeNull();
        web.Disks.Single().Format.Should().Be(DiskFormat.Vhd);
    }

    [Fact]
    public void Faults_load_in_seconds()
    {
        FaultsSpec f = Load().Faults;
        f.Any.Should().BeTrue();
        f.Hosts.Should().Be(new FaultProcessSpec(new WeibullSpec(1.2, 2000 * 3600), new LogNormalSpec(4 * 3600, 0.8)));
        f.Nics.Should().Be(new FaultProcessSpec(new ExponentialSpec(5000 * 3600), new ExponentialSpec(1800)));
        f.StoragePaths.Should().Be(new FaultProcessSpec(new ExponentialSpec(8000 * 3600), new ExponentialSpec(3600)));
        f.Storage.Should().Be(new FaultProcessSpec(new LogNormalSpec(20000 * 3600, 0), new WeibullSpec(0.5, 7200)));
    }

    [Fact]
    public void Node_events_load_with_their_failback()
    {
        static SimTime H(int h) => SimTime.FromSeconds(h * 3600);
        ScenarioSpec s = Load();
        s.Events.Should().Equal(
            new PauseEventSpec(H(1), "a2", Drain: false),
            new ResumeEventSpec(H(2), "a2", FailbackSpec.None),
            new PauseEventSpec(H(3), "b1"),
            new ResumeEventSpec(H(4), "b1", new FailbackSpec(FailbackMode.Immediate)),
            new RestartEventSpec(H(5), "b2", SimTime.FromSeconds(600), Drain: false) { Failback = new FailbackSpec(FailbackMode.Window, 22, 2) },
            new StartEventSpec(H(6), "web"),
            new FaultEventSpec(H(7), new FaultTarget(FaultTargetKind.StoragePath, "a1/a1local"), Repair: false),
            new FaultEventSpec(H(8), new FaultTarget(FaultTargetKind.StoragePath, "a1/a1local"), Repair: true));
    }

    /// <summary>Passes before and after the model registers handlers for the new events: no clustering key is refused for a run.</summary>
    [Fact]
    public void For_a_run_every_clustering_key_and_event_is_accepted() =>
        ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Good", "clustering.yaml"), ScenarioLoadOptions.ForSimulation)
            .Events.Should().NotBeEmpty("every event kind now has a handler in the model");

    [Fact]
    public void A_scenario_without_the_new_keys_gets_no_faults_and_no_guest_clusters()
    {
        ScenarioSpec s = ScenarioLoader.LoadText("name: t\nhosts: [ { name: hv, memory: 256GiB } ]\n", "t.yaml");
        s.Faults.Should().Be(new FaultsSpec());
        s.GuestClusters.Should().BeEmpty();
    }
}
