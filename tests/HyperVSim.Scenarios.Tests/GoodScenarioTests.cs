using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Specs;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>The contract's core example loads, in base units.</summary>
public sealed class GoodScenarioTests
{
    private const long GiB = 1024L * 1024 * 1024;

    private static ScenarioSpec Core() => ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Good", "contract-core.yaml"));

    [Fact]
    public void Contract_core_example_loads_top_level_and_cluster()
    {
        ScenarioSpec s = Core();
        s.Name.Should().Be("rolling-patch-10gbe");
        s.Seed.Should().Be(42);
        s.Until.Should().Be(SimTime.FromSeconds(7200));
        s.Cluster.Version.Should().Be(HyperVVersion.V2012R2);
        s.Cluster.Heartbeat.Should().Be(new HeartbeatSpec { Delay = SimTime.FromSeconds(1), Threshold = 5 });
        s.Cluster.LiveMigration.Option.Should().Be("compression");
        s.Cluster.LiveMigration.MaxSimultaneous.Should().Be(2);
        s.Cluster.LiveMigration.Networks.Should().Equal("lm");
        s.Cluster.NetworkHealthProtection.Should().BeTrue();
        s.Cluster.StorageFailureDetection.Should().BeTrue();
        s.Networks.Should().Equal(new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("prod", NetworkRole.Vm));
        s.Storage.Should().Equal(new StorageSpec { Name = "csv1", Kind = StorageKind.Csv, Iops = 80000, BytesPerSecond = 2e9 });
    }

    [Fact]
    public void Contract_core_example_loads_hosts_in_base_units()
    {
        ScenarioSpec s = Core();
        s.Hosts.Select(h => h.Name).Should().Equal("hv1", "hv2", "hv3", "hv4");
        HostSpec hv3 = s.Hosts[2];
        hv3.Version.Should().Be(HyperVVersion.V2012R2);
        hv3.Cpu.Should().Be(new CpuSpec { Cores = 16, Ghz = 2.6, Vendor = CpuVendor.Intel });
        hv3.MemoryBytes.Should().Be(256 * GiB);
        hv3.MemoryReserveBytes.Should().Be(2 * GiB);
        hv3.Nics.Select(n => n.Name).Should().Equal("lm1", "lm2", "vm1");
        hv3.Nics.Should().OnlyContain(n => n.BitsPerSecond == 10e9 && !n.Rdma && n.Efficiency == 0.95);
        hv3.Nics[0].Networks.Should().Equal("lm");
        hv3.Nics[2].Networks.Should().Equal("prod");
        hv3.VirtualSwitches.Should().BeEmpty();
    }

    [Fact]
    public void Contract_core_example_loads_vms_in_base_units()
    {
        ScenarioSpec s = Core();
        s.Vms.Select(v => v.Name).Should().Equal("sql1", "sql2");
        VmSpec sql2 = s.Vms[1];
        sql2.Generation.Should().Be(VmGeneration.Two);
        sql2.MemoryBytes.Should().Be(64 * GiB);
        sql2.Vcpus.Should().Be(8);
        sql2.CpuLoad.Should().Be(0.4);
        sql2.Dirtying.Should().Be(new DirtyingSpec { Model = "workingSet", BytesPerSecond = 400e6, WorkingSetBytes = 6 * GiB });
        sql2.MemoryContent.Should().Be(new MemoryContentSpec { ZeroPageFraction = 0.2, CompressionRatio = 2.2 });
        sql2.Disks.Should().Equal(new DiskSpec("os", 127 * GiB, DiskController.Scsi, "csv1"));
        sql2.Nics.Should().Equal(new VmNicSpec("prod", Protected: true));
        sql2.Host.Should().Be("hv1");
        sql2.State.Should().Be(VmInitialState.Running);
    }

    [Fact]
    public void Contract_core_example_loads_events_in_order()
    {
        ScenarioSpec s = Core();
        s.Events.Should().Equal(
            new MigrateEventSpec(SimTime.FromSeconds(30), "sql1", "hv2"),
            new DrainEventSpec(SimTime.FromSeconds(300), "hv1"),
            new FaultEventSpec(SimTime.FromSeconds(1200), new FaultTarget(FaultTargetKind.Host, "hv3"), Repair: false),
            new FaultEventSpec(SimTime.FromSeconds(1800), new FaultTarget(FaultTargetKind.Host, "hv3"), Repair: true),
            new FaultEventSpec(SimTime.FromSeconds(2400), new FaultTarget(FaultTargetKind.Nic, "hv2/vm1"), Repair: false),
            new FaultEventSpec(SimTime.FromSeconds(2700), new FaultTarget(FaultTargetKind.StoragePath, "hv4/csv1"), Repair: false),
            new FaultEventSpec(SimTime.FromSeconds(3000), new FaultTarget(FaultTargetKind.Storage, "csv1"), Repair: false));
    }
}
