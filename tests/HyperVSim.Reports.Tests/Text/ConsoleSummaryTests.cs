using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using HyperVSim.Reports.Tests.Formats;
using HyperVSim.Reports.Text;

namespace HyperVSim.Reports.Tests.Text;

/// <summary>The console says what happened (issue 7, defect 6): cancelled moves, non-convergence, compression fallback.</summary>
public sealed class ConsoleSummaryTests
{
    private const long GiB = 1L << 30;

    internal static string Summary(SimulationResult r)
    {
        var w = new StringWriter();
        ConsoleSummary.Write(r, w);
        return w.ToString();
    }

    [Fact]
    public void The_headline_counts_cancelled_migrations()
    {
        SimulationResult r = ReportRuns.StoppedResult;
        int cancelled = r.Migrations.Count(m => m.Result == MigrationResult.Cancelled);
        cancelled.Should().BeGreaterThan(0, "the stopped drain leaves moves under way");

        Summary(r).Should().Contain($"({r.Migrations.Count(m => m.Result == MigrationResult.Completed)} completed, 0 failed, {cancelled} cancelled)");
    }

    /// <summary>
    /// 8 GiB dirtying 2 GB/s over a working set of 4 GiB against 1.25 GB/s of link: pre-copy never catches up and
    /// stops at maxPasses. The sentence gives the last pass's rates from its own record: dirtied ÷ seconds, bytes ÷ seconds.
    /// </summary>
    [Fact]
    public void A_migration_that_hit_max_passes_says_it_did_not_converge_with_both_rates()
    {
        var spec = new ScenarioSpec
        {
            Name = "hot",
            Cluster = new ClusterSpec { LiveMigration = new LiveMigrationSpec { Option = "tcpip" } },
            Networks = [new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("prod", NetworkRole.Vm)],
            Hosts = [TestRuns.Host("hv1"), TestRuns.Host("hv2")],
            Vms = [TestRuns.Vm("hot", "hv1", 8 * GiB) with { Dirtying = new DirtyingSpec { Model = "constant", BytesPerSecond = 2e9 } }],
            Events = [new MigrateEventSpec(SimTime.Zero, "hot", "hv2")],
        };
        MigrationRecord m = ClusterSimulation.Run(spec).Migrations.Single();
        m.StopReason.Should().Be("maxPasses");
        PhaseRecord last = m.Phases.Last(p => p.Kind == PhaseKind.Pass);

        string why = ConsoleSummary.Explain(m)!;

        why.Should().StartWith("did not converge: in pass 4 the guest dirtied ");
        why.Should().Contain($"dirtied {HumanUnits.Bytes((long)(last.DirtiedBytes / last.Seconds))}/s against {HumanUnits.Bytes((long)(last.Bytes / last.Seconds))}/s sent");
        why.Should().Contain("after all 5 passes the blackout sent");
    }

    [Fact]
    public void A_compression_move_that_fell_back_says_so()
    {
        MigrationRecord a = ReportRuns.FellBackResult.Migrations.Single(m => m.Vm == "a");

        ConsoleSummary.Explain(a).Should().Contain("compression fell back to TCP/IP at").And.Contain("in pass 0 (no spare CPU left)");
        Summary(ReportRuns.FellBackResult).Should().Contain("compression fell").And.Contain("back to TCP/IP");
    }
}
