using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using static HyperVSim.Model.Tests.TestScenarios;

namespace HyperVSim.Model.Tests;

/// <summary>
/// The pre-copy model against the closed form (domain reference §6; Clark et al. 2005): constant dirty rate D,
/// pass rate R, λ = D/R, no fixed costs: pass i sends M·λ^i, the blackout sends M·λ^n after n passes,
/// total M(1−λ^(n+1))/(1−λ); n is the first pass count whose remaining set fits the blackout target, at most maxPasses.
/// </summary>
public sealed class PreCopyClosedFormTests
{
    private const long M = 8 * GiB;
    private const double R = 10e9 / 8;        // one 10 GbE NIC at efficiency 1: 1.25 GB/s
    private const double D = 400e6;           // 400 MB/s
    private const double Lambda = D / R;      // 0.32

    private static MigrationRecord RunOne(LiveMigrationSpec lm, DirtyingSpec dirtying)
    {
        var spec = Scenario(lm, [Host("hv1"), Host("hv2")], [Vm("vm", "hv1", M, dirtying)], Migrate("vm", "hv2"));
        SimulationResult result = ClusterSimulation.Run(spec);
        return result.Migrations.Should().ContainSingle().Subject;
    }

    [Fact]
    public void Bytes_per_pass_follow_M_lambda_to_the_i_and_stop_at_the_blackout_target()
    {
        MigrationRecord m = RunOne(NoFixedCosts(), new DirtyingSpec { Model = "constant", BytesPerSecond = D });

        // Stop rule: the first n with M·λ^n / R ≤ 0.3 s. M·λ^n ≤ 375 MB ⇔ λ^n ≤ 0.04366 ⇔ n ≥ 2.75 ⇒ n = 3.
        int expectedPasses = (int)Math.Ceiling(Math.Log(0.3 * R / M) / Math.Log(Lambda));
        expectedPasses.Should().Be(3);
        m.Result.Should().Be(MigrationResult.Completed);
        m.Rounds.Should().Be(expectedPasses);
        m.StopReason.Should().Be("blackoutTarget");

        PhaseRecord[] passes = m.Phases.Where(p => p.Kind == PhaseKind.Pass).ToArray();
        for (int i = 0; i < passes.Length; i++)
        {
            double expected = M * Math.Pow(Lambda, i);
            passes[i].Bytes.Should().BeCloseTo((long)expected, (ulong)(expected * 0.001), $"pass {i} sends M·λ^{i}");
            passes[i].Seconds.Should().BeApproximately(expected / R, expected / R * 0.001);
        }

        double blackoutBytes = M * Math.Pow(Lambda, expectedPasses);
        m.Phases.Single(p => p.Kind == PhaseKind.Blackout).Bytes.Should().BeCloseTo((long)blackoutBytes, (ulong)(blackoutBytes * 0.001));
        m.BlackoutSeconds.Should().BeApproximately(blackoutBytes / R, blackoutBytes / R * 0.001);

        double total = M * (1 - Math.Pow(Lambda, expectedPasses + 1)) / (1 - Lambda);
        m.BytesOnWire.Should().BeCloseTo((long)total, (ulong)(total * 0.001));
        m.TotalSeconds!.Value.Should().BeApproximately(total / R, total / R * 0.001);
    }

    [Fact]
    public void Without_a_blackout_target_pre_copy_runs_to_max_passes()
    {
        MigrationRecord m = RunOne(NoFixedCosts() with { BlackoutTarget = SimTime.Zero }, new DirtyingSpec { Model = "constant", BytesPerSecond = D });

        m.Rounds.Should().Be(5, "2012 R2 makes at most 5 memory-copy passes");
        m.StopReason.Should().Be("maxPasses");
        double blackout = M * Math.Pow(Lambda, 5);
        m.Phases.Single(p => p.Kind == PhaseKind.Blackout).Bytes.Should().BeCloseTo((long)blackout, (ulong)(blackout * 0.001));
        double total = M * (1 - Math.Pow(Lambda, 6)) / (1 - Lambda);
        m.BytesOnWire.Should().BeCloseTo((long)total, (ulong)(total * 0.001));
    }

    [Fact]
    public void Dirtying_faster_than_the_link_ends_at_max_passes_with_a_long_blackout()
    {
        MigrationRecord m = RunOne(NoFixedCosts(), new DirtyingSpec { Model = "constant", BytesPerSecond = 2 * R });

        m.Result.Should().Be(MigrationResult.Completed);
        m.Rounds.Should().Be(5);
        m.StopReason.Should().Be("maxPasses");
        m.LimitedBy!.Value.Name.Should().Be("dirtyRate");

        // With D ≥ R every pass dirties all of memory (dirty(t) = min(D·t, M)): the blackout resends M.
        m.Phases.Single(p => p.Kind == PhaseKind.Blackout).Bytes.Should().Be(M);
        m.BlackoutSeconds.Should().BeApproximately(M / R, 0.001 * M / R);
        m.BlackoutSeconds.Should().BeGreaterThan(5, "a blackout this long breaks clients' TCP sessions, and the report shows it");
    }

    [Fact]
    public void Working_set_dirtying_sends_less_than_constant_and_matches_the_saturation_curve()
    {
        const long W = 1 * GiB;
        MigrationRecord ws = RunOne(NoFixedCosts(), new DirtyingSpec { Model = "workingSet", BytesPerSecond = D, WorkingSetBytes = W });
        MigrationRecord constant = RunOne(NoFixedCosts(), new DirtyingSpec { Model = "constant", BytesPerSecond = D });

        ws.BytesOnWire.Should().BeLessThan(constant.BytesOnWire);

        // Pass 1 resends what pass 0 (M/R seconds) dirtied: W·(1 − e^(−D·t/W)).
        double t0 = M / R;
        double expected = W * (1 - Math.Exp(-D * t0 / W));
        PhaseRecord pass1 = ws.Phases.Single(p => p.Kind == PhaseKind.Pass && p.Pass == 1);
        pass1.Bytes.Should().BeCloseTo((long)expected, (ulong)(expected * 0.001));
    }

    [Fact]
    public void An_idle_guest_needs_one_pass_and_a_blackout_of_device_state_only()
    {
        var lm = NoFixedCosts() with { DeviceStateBytes = 16L << 20 };
        MigrationRecord m = RunOne(lm, new DirtyingSpec());

        m.Rounds.Should().Be(1);
        m.StopReason.Should().Be("noDirtyMemory");
        m.Phases.Single(p => p.Kind == PhaseKind.Blackout).Bytes.Should().Be(16L << 20);
        m.BytesOnWire.Should().Be(M + (16L << 20));
    }
}
