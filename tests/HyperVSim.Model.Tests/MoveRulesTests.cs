using FluentAssertions;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using static HyperVSim.Model.Tests.TestScenarios;

namespace HyperVSim.Model.Tests;

/// <summary>Will it move? The rules Hyper-V applies before a live migration (domain reference §1).</summary>
public sealed class MoveRulesTests
{
    private static MigrationRecord MoveOne(HostSpec source, HostSpec target, VmSpec? vm = null, LiveMigrationSpec? lm = null)
    {
        var spec = Scenario(lm ?? NoFixedCosts(), [source, target], [vm ?? Vm("a", source.Name, 4 * GiB)], Migrate("a", target.Name));
        return ClusterSimulation.Run(spec).Migrations.Single();
    }

    [Fact]
    public void From_2012_to_2012R2_is_allowed_and_uses_tcpip()
    {
        MigrationRecord m = MoveOne(Host("hv1", version: HyperVVersion.V2012), Host("hv2"), lm: NoFixedCosts("compression"));
        m.Result.Should().Be(MigrationResult.Completed);
        m.Option.Should().Be("tcpip", "a 2012 source offers only TCP/IP");
    }

    [Fact]
    public void From_2012R2_back_to_2012_is_refused()
    {
        MigrationRecord m = MoveOne(Host("hv1"), Host("hv2", version: HyperVVersion.V2012));
        m.Result.Should().Be(MigrationResult.Failed);
        m.Reason.Should().Contain("older version");
    }

    [Fact]
    public void Different_cpu_vendors_are_refused()
    {
        MigrationRecord m = MoveOne(Host("hv1"), Host("hv2", vendor: CpuVendor.Amd));
        m.Result.Should().Be(MigrationResult.Failed);
        m.Reason.Should().Contain("CPU vendors");
    }

    [Fact]
    public void A_target_without_a_virtual_switch_of_the_same_name_is_refused()
    {
        MigrationRecord m = MoveOne(Host("hv1"), Host("hv2") with { VirtualSwitches = ["lm", "Production"] });
        m.Result.Should().Be(MigrationResult.Failed);
        m.Reason.Should().Contain("no virtual switch named 'prod'");
    }

    [Fact]
    public void A_target_without_room_is_refused_with_the_numbers()
    {
        MigrationRecord m = MoveOne(Host("hv1"), Host("hv2", memory: 4 * GiB));
        m.Result.Should().Be(MigrationResult.Failed);
        m.Reason.Should().Be("hv2 has not enough memory: the VM needs 4 GiB, 2 GiB is free");
    }

    [Fact]
    public void The_next_live_migration_network_is_used_when_the_first_is_missing_on_the_target()
    {
        HostSpec src = Host("hv1") with { Nics = [.. Host("hv1").Nics, new NicSpec { Name = "lmb", BitsPerSecond = 1e9, Networks = ["lm2"] }] };
        HostSpec dst = Host("hv2") with { Nics = [new NicSpec { Name = "lmb", BitsPerSecond = 1e9, Networks = ["lm2"] }, new NicSpec { Name = "vm1", BitsPerSecond = 10e9, Networks = ["prod"] }] };
        var spec = Scenario(NoFixedCosts() with { Networks = ["lm", "lm2"] }, [src, dst], [Vm("a", "hv1", 4 * GiB)], Migrate("a", "hv2"))
            with { Networks = [new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("lm2", NetworkRole.LiveMigration), new NetworkSpec("prod", NetworkRole.Vm)] };

        MigrationRecord m = ClusterSimulation.Run(spec).Migrations.Single();
        m.Network.Should().Be("lm2");
        m.Nics.Should().Equal("hv1/lmb", "hv2/lmb");
    }
}

/// <summary>Memory accounting on the target.</summary>
public sealed class TargetMemoryTests
{
    [Fact]
    public void A_vm_that_is_off_holds_no_memory_on_its_host()
    {
        HostSpec small = TestScenarios.Host("hv2", memory: 20 * TestScenarios.GiB);
        VmSpec off = TestScenarios.Vm("parked", "hv2", 16 * TestScenarios.GiB) with { State = VmInitialState.Off };
        var spec = TestScenarios.Scenario(TestScenarios.NoFixedCosts(), [TestScenarios.Host("hv1"), small],
            [off, TestScenarios.Vm("a", "hv1", 16 * TestScenarios.GiB)], TestScenarios.Migrate("a", "hv2"));

        // 20 GiB − 2 GiB reserve = 18 GiB; the parked VM is off, so the 16 GiB VM fits.
        ClusterSimulation.Run(spec).Migrations.Single().Result.Should().Be(MigrationResult.Completed);
    }
}
