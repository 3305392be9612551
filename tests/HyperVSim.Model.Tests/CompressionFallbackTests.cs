using FluentAssertions;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using HyperVSim.Model.Transports;
using static HyperVSim.Model.Tests.TestScenarios;

namespace HyperVSim.Model.Tests;

/// <summary>
/// Compression uses spare CPU only (docs/model.md §Compression): when the spare CPU a compressed pass relies on
/// vanishes mid-pass, the rest of the pass falls back to TCP/IP instead of stalling at rate 0 (issue 7, defect 1).
/// </summary>
public sealed class CompressionFallbackTests
{
    private const long M = 8 * GiB;
    private const double Link = 1.25e9;

    /// <summary>
    /// a (8 GiB, ratio 2, no zero pages, idle) is compressed hv1→hv2 while busy (16 vCPUs at 100%) moves hv3→hv2 over
    /// TCP/IP. When busy lands, hv2 has no spare core left to decompress with. The compressed flow stops; the r
    /// memory bytes left cross plain, alone on the link: r/R seconds. Bytes on the wire W = (M − r)/2 + r, so
    /// r = 2W − M, independent of how the two flows shared the NIC before.
    /// </summary>
    [Fact]
    public void A_compressed_pass_whose_target_loses_its_spare_cpu_falls_back_to_tcpip_and_completes()
    {
        SimulationResult r = ClusterSimulation.Run(BusyArrivesMidPass());

        MigrationRecord a = r.Migrations.Single(m => m.Vm == "a");
        MigrationRecord busy = r.Migrations.Single(m => m.Vm == "busy");
        a.Result.Should().Be(MigrationResult.Completed);
        PhaseRecord pass = a.Phases.Single(p => p.Kind == PhaseKind.Pass);
        pass.Encoding.Should().Be(PayloadEncoding.FellBack);
        pass.FellBackAt.Should().BeApproximately(busy.CompletedAt!.Value, 1e-9, "hv2's spare CPU vanishes when busy resumes there");
        long plainBytes = (2 * pass.BytesOnWire) - M;
        plainBytes.Should().BeInRange(1, M - 1);
        (pass.CompletedAt - pass.FellBackAt!.Value).Should().BeApproximately(plainBytes / Link, 1e-6);
        r.Vms.Single(v => v.Name == "a").Host.Should().Be("hv2");
    }

    [Fact]
    public void With_spare_cpu_left_on_the_target_the_same_pass_stays_compressed()
    {
        ScenarioSpec spec = BusyArrivesMidPass();
        spec = spec with { Vms = spec.Vms.Select(v => v.Name == "busy" ? v with { Vcpus = 4 } : v).ToArray() };

        MigrationRecord a = ClusterSimulation.Run(spec).Migrations.Single(m => m.Vm == "a");

        a.Phases.Single(p => p.Kind == PhaseKind.Pass).Encoding.Should().Be(PayloadEncoding.Compressed);
        a.Phases.Single(p => p.Kind == PhaseKind.Pass).FellBackAt.Should().BeNull();
        a.BytesOnWire.Should().Be(M / 2);
    }

    /// <summary>
    /// Zero pages are not compressed but must be scanned: 64 GiB of zero pages on 16 spare cores at 4 GB/s per core
    /// take 64 GiB ÷ 64 GB/s ≈ 1.07 s, not the 0.1 s their 8 bytes per page on the wire would allow.
    /// </summary>
    [Fact]
    public void Zero_pages_cost_the_documented_scan_rate_of_spare_cpu()
    {
        const long memory = 64 * GiB;
        VmSpec vm = Vm("z", "hv1", memory) with { MemoryContent = new MemoryContentSpec { ZeroPageFraction = 1.0, CompressionRatio = 2 }, CpuLoad = 0 };
        MigrationRecord m = ClusterSimulation.Run(Scenario(NoFixedCosts("compression"), [Host("hv1"), Host("hv2")], [vm], Migrate("z", "hv2"))).Migrations[0];

        double scan = 16 * new CpuSpec().ZeroScanBytesPerSecondPerCore;
        m.Phases.Single(p => p.Kind == PhaseKind.Pass).Seconds.Should().BeApproximately(memory / scan, 1e-6);
        m.LimitedBy!.Value.Name.Should().Be("compressionCpu");
    }

    private static ScenarioSpec BusyArrivesMidPass()
    {
        VmSpec a = Vm("a", "hv1", M) with { MemoryContent = new MemoryContentSpec { ZeroPageFraction = 0, CompressionRatio = 2 }, CpuLoad = 0 };
        VmSpec busy = Vm("busy", "hv3", GiB) with { Vcpus = 16, CpuLoad = 1.0 };
        return Scenario(NoFixedCosts("compression"), [Host("hv1"), Host("hv2"), Host("hv3")], [a, busy],
            Migrate("a", "hv2"), Migrate("busy", "hv2") with { Option = "tcpip" });
    }
}
