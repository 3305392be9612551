using FluentAssertions;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using static HyperVSim.Model.Tests.TestScenarios;

namespace HyperVSim.Model.Tests;

/// <summary>Transports and sharing (issue 3): the bandwidth arithmetic the flow model must reproduce.</summary>
public sealed class TransportTests
{
    private const long M = 8 * GiB;

    private static SimulationResult Run(ScenarioSpec spec) => ClusterSimulation.Run(spec);

    [Fact]
    public void Two_migrations_over_one_link_take_twice_as_long_as_one()
    {
        var hosts = new[] { Host("hv1"), Host("hv2") };
        double one = Run(Scenario(NoFixedCosts(), hosts, [Vm("a", "hv1", M)], Migrate("a", "hv2"))).Migrations[0].TotalSeconds!.Value;
        var two = Run(Scenario(NoFixedCosts(), hosts, [Vm("a", "hv1", M), Vm("b", "hv1", M)], Migrate("a", "hv2"), Migrate("b", "hv2")));

        // 8 GiB at 1.25 GB/s alone; two at once each get half the NIC.
        one.Should().BeApproximately(M / 1.25e9, 1e-6);
        two.Migrations.Should().AllSatisfy(m => m.TotalSeconds!.Value.Should().BeApproximately(2 * one, 2 * one * 0.001));
        two.Migrations.Should().AllSatisfy(m => m.LimitedBy!.Value.Name.Should().Be("link"));
    }

    [Fact]
    public void Two_migrations_from_one_source_to_different_targets_share_the_source_nic()
    {
        var hosts = new[] { Host("hv1"), Host("hv2"), Host("hv3") };
        var r = Run(Scenario(NoFixedCosts(), hosts, [Vm("a", "hv1", M), Vm("b", "hv1", M)], Migrate("a", "hv2"), Migrate("b", "hv3")));

        double alone = M / 1.25e9;
        r.Migrations.Should().AllSatisfy(m => m.TotalSeconds!.Value.Should().BeApproximately(2 * alone, 2 * alone * 0.001));
        r.Migrations.Select(m => m.Nics[0]).Should().AllBe("hv1/lm1");
    }

    [Fact]
    public void The_simultaneous_limit_queues_the_third_migration_until_a_slot_frees()
    {
        var hosts = new[] { Host("hv1"), Host("hv2") };
        var vms = new[] { Vm("a", "hv1", M), Vm("b", "hv1", M), Vm("c", "hv1", M) };
        var r = Run(Scenario(NoFixedCosts(), hosts, vms, Migrate("a", "hv2"), Migrate("b", "hv2"), Migrate("c", "hv2")));

        // a and b share the link (2·M/R each); c starts when they end and then has the link alone (M/R).
        double alone = M / 1.25e9;
        r.Migrations[2].QueuedSeconds.Should().BeApproximately(2 * alone, 1e-3);
        r.Migrations[2].TotalSeconds!.Value.Should().BeApproximately(alone, 1e-3);
        r.Migrations[2].LimitedBy!.Value.Name.Should().Be("queue");
    }

    [Fact]
    public void Smb_over_two_10GbE_nics_is_about_twice_one_and_leaves_a_1GbE_nic_idle()
    {
        static HostSpec SmbHost(string name, int tenGig) => Host(name, nics: tenGig) with
        {
            Nics = [.. Host(name, nics: tenGig).Nics, new NicSpec { Name = "slow", BitsPerSecond = 1e9, Efficiency = 1.0, Networks = ["lm"] }],
        };

        double one = Run(Scenario(NoFixedCosts("smb"), [SmbHost("hv1", 1), SmbHost("hv2", 1)], [Vm("a", "hv1", M)], Migrate("a", "hv2"))).Migrations[0].TotalSeconds!.Value;
        MigrationRecord two = Run(Scenario(NoFixedCosts("smb"), [SmbHost("hv1", 2), SmbHost("hv2", 2)], [Vm("a", "hv1", M)], Migrate("a", "hv2"))).Migrations[0];

        (one / two.TotalSeconds!.Value).Should().BeApproximately(2.0, 0.02);
        two.Nics.Should().BeEquivalentTo(["hv1/lm1", "hv2/lm1", "hv1/lm2", "hv2/lm2"]);
        two.Nics.Should().NotContain(n => n.EndsWith("/slow"));
    }

    [Fact]
    public void Smb_direct_runs_near_line_rate_with_almost_no_cpu()
    {
        static HostSpec Rdma(string name) => Host(name, efficiency: 0.95) with
        {
            Nics = [new NicSpec { Name = "rdma1", BitsPerSecond = 10e9, Rdma = true, Efficiency = 0.95, Networks = ["lm"] }, new NicSpec { Name = "vm1", BitsPerSecond = 10e9, Networks = ["prod"] }],
        };

        MigrationRecord smb = Run(Scenario(NoFixedCosts("smb"), [Rdma("hv1"), Rdma("hv2")], [Vm("a", "hv1", M)], Migrate("a", "hv2"))).Migrations[0];
        MigrationRecord tcp = Run(Scenario(NoFixedCosts("tcpip"), [Rdma("hv1"), Rdma("hv2")], [Vm("a", "hv1", M)], Migrate("a", "hv2"))).Migrations[0];

        smb.TotalSeconds!.Value.Should().BeApproximately(M / (10e9 / 8 * 0.97), 1e-3, "SMB Direct reaches 97% of line rate by default");
        smb.CpuSeconds.Should().BeLessThan(tcp.CpuSeconds / 10);
    }

    [Fact]
    public void Compression_with_no_spare_cpu_equals_tcpip_within_2_percent()
    {
        // 16 cores, VMs demanding all of them: nothing spare on the source.
        var busy = new VmSpec { Name = "busy", Host = "hv1", MemoryBytes = 4 * GiB, Vcpus = 16, CpuLoad = 1.0, Nics = [new VmNicSpec("prod")] };
        var content = new MemoryContentSpec { ZeroPageFraction = 0.2, CompressionRatio = 2.5 };
        VmSpec vm = Vm("a", "hv1", M) with { MemoryContent = content };
        var hosts = new[] { Host("hv1"), Host("hv2") };
        double comp = Run(Scenario(NoFixedCosts("compression"), hosts, [busy, vm], Migrate("a", "hv2"))).Migrations[0].TotalSeconds!.Value;
        double tcp = Run(Scenario(NoFixedCosts("tcpip"), hosts, [busy, vm], Migrate("a", "hv2"))).Migrations[0].TotalSeconds!.Value;

        comp.Should().BeApproximately(tcp, tcp * 0.02);
    }

    [Fact]
    public void Compression_with_ample_cpu_approaches_ratio_times_link()
    {
        var hosts = new[] { Host("hv1"), Host("hv2") };
        VmSpec vm = Vm("a", "hv1", M) with { MemoryContent = new MemoryContentSpec { ZeroPageFraction = 0, CompressionRatio = 2.0 }, CpuLoad = 0 };
        MigrationRecord comp = Run(Scenario(NoFixedCosts("compression"), hosts, [vm], Migrate("a", "hv2"))).Migrations[0];
        double tcp = M / 1.25e9;

        // 16 spare cores × 500 MB/s = 8 GB/s of compression, far above 2 × 1.25 GB/s: the link × ratio binds.
        (tcp / comp.TotalSeconds!.Value).Should().BeApproximately(2.0, 0.02);
        comp.BytesOnWire.Should().BeCloseTo(M / 2, (ulong)(M * 0.001));
        comp.CpuSeconds.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Compression_bound_by_spare_cpu_names_it()
    {
        // 3 spare cores × 500 MB/s = 1.5 GB/s of compression: better than 1.25 GB/s uncompressed, below 2 × 1.25 GB/s.
        var busy = new VmSpec { Name = "busy", Host = "hv1", MemoryBytes = 4 * GiB, Vcpus = 13, CpuLoad = 1.0, Nics = [new VmNicSpec("prod")] };
        VmSpec vm = Vm("a", "hv1", M) with { MemoryContent = new MemoryContentSpec { ZeroPageFraction = 0, CompressionRatio = 2.0 }, CpuLoad = 0 };
        MigrationRecord comp = Run(Scenario(NoFixedCosts("compression"), [Host("hv1"), Host("hv2")], [busy, vm], Migrate("a", "hv2"))).Migrations[0];

        comp.TotalSeconds!.Value.Should().BeApproximately(M / 1.5e9, M / 1.5e9 * 0.001);
        comp.LimitedBy!.Value.Name.Should().Be("compressionCpu");
        comp.LimitedByDetail.Should().Be("on hv1: 3 spare cores when it started");
    }

    [Fact]
    public void Compression_that_would_be_slower_than_sending_plain_falls_back_to_tcpip()
    {
        // 2 spare cores × 500 MB/s = 1 GB/s < 1.25 GB/s uncompressed: Hyper-V sends plain.
        var busy = new VmSpec { Name = "busy", Host = "hv1", MemoryBytes = 4 * GiB, Vcpus = 14, CpuLoad = 1.0, Nics = [new VmNicSpec("prod")] };
        VmSpec vm = Vm("a", "hv1", M) with { MemoryContent = new MemoryContentSpec { ZeroPageFraction = 0, CompressionRatio = 2.0 }, CpuLoad = 0 };
        MigrationRecord comp = Run(Scenario(NoFixedCosts("compression"), [Host("hv1"), Host("hv2")], [busy, vm], Migrate("a", "hv2"))).Migrations[0];

        comp.TotalSeconds!.Value.Should().BeApproximately(M / 1.25e9, 1e-3);
        comp.BytesOnWire.Should().Be(M);
    }
}
