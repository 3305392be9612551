using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using static HyperVSim.Model.Tests.TestScenarios;

namespace HyperVSim.Model.Tests;

/// <summary>Random draws belong to entities: one VM's numbers never depend on which other VMs exist.</summary>
public sealed class DeterminismTests
{
    private static readonly LiveMigrationSpec Jittered = NoFixedCosts() with { SetupTime = SimTime.FromSeconds(2), SetupJitter = 0.5 };

    private static double SetupOf(SimulationResult r, string vm) =>
        r.Migrations.Single(m => m.Vm == vm).Phases.Single(p => p.Kind == PhaseKind.Setup).Seconds;

    [Fact]
    public void Adding_a_vm_does_not_change_another_vms_draws()
    {
        var hosts = new[] { Host("hv1"), Host("hv2"), Host("hv3"), Host("hv4") };
        SimulationResult alone = ClusterSimulation.Run(Scenario(Jittered, hosts, [Vm("a", "hv1", 4 * GiB)], Migrate("a", "hv2")));
        SimulationResult withOther = ClusterSimulation.Run(Scenario(Jittered, hosts,
            [Vm("b", "hv3", 4 * GiB), Vm("a", "hv1", 4 * GiB), Vm("c", "hv3", 2 * GiB)],
            Migrate("b", "hv4"), Migrate("a", "hv2"), Migrate("c", "hv4")));

        SetupOf(withOther, "a").Should().Be(SetupOf(alone, "a"));
        withOther.Migrations.Single(m => m.Vm == "a").Should().BeEquivalentTo(alone.Migrations.Single());
    }

    [Fact]
    public void Setup_jitter_is_drawn_within_its_bounds_and_differs_between_vms()
    {
        var hosts = new[] { Host("hv1"), Host("hv2") };
        VmSpec[] vms = Enumerable.Range(1, 8).Select(i => Vm($"v{i}", "hv1", 1 * GiB)).ToArray();
        SimulationResult r = ClusterSimulation.Run(Scenario(Jittered with { MaxSimultaneous = 8 }, hosts, vms, vms.Select(v => Migrate(v.Name, "hv2")).ToArray()));

        double[] setups = vms.Select(v => SetupOf(r, v.Name)).ToArray();
        setups.Should().AllSatisfy(s => s.Should().BeInRange(1.0, 3.0));
        setups.Distinct().Should().HaveCount(8);
    }

    [Fact]
    public void A_different_seed_gives_different_draws_and_the_same_seed_the_same()
    {
        var hosts = new[] { Host("hv1"), Host("hv2") };
        ScenarioSpec spec = Scenario(Jittered, hosts, [Vm("a", "hv1", 4 * GiB)], Migrate("a", "hv2"));
        SetupOf(ClusterSimulation.Run(spec), "a").Should().Be(SetupOf(ClusterSimulation.Run(spec), "a"));
        SetupOf(ClusterSimulation.Run(spec with { Seed = 8 }), "a").Should().NotBe(SetupOf(ClusterSimulation.Run(spec), "a"));
    }
}

/// <summary>Reporting progress must not change a run.</summary>
public sealed class ProgressTests
{
    private sealed class Collect : IProgress<RunProgress>
    {
        public List<RunProgress> Reports { get; } = [];

        public void Report(RunProgress value) => Reports.Add(value);
    }

    [Fact]
    public void A_run_with_progress_gives_the_same_result_and_reports_monotonic_progress()
    {
        VmSpec[] vms = Enumerable.Range(1, 40).Select(i => Vm($"v{i:00}", "hv1", 1 * GiB, new DirtyingSpec { Model = "constant", BytesPerSecond = 50e6 })).ToArray();
        ScenarioSpec spec = Scenario(NoFixedCosts(), [Host("hv1"), Host("hv2"), Host("hv3")], vms, new DrainEventSpec(SimTime.Zero, "hv1"))
            with { Until = SimTime.FromSeconds(20) };
        var collect = new Collect();

        SimulationResult plain = ClusterSimulation.Run(spec);
        SimulationResult reported = ClusterSimulation.Run(spec, progress: collect);

        reported.Should().BeEquivalentTo(plain, o => o.WithStrictOrdering());
        collect.Reports.Should().NotBeEmpty();
        collect.Reports.Select(r => r.Now).Should().BeInAscendingOrder();
        collect.Reports[^1].Now.Should().Be(SimTime.FromSeconds(20));
        collect.Reports[^1].Fraction.Should().Be(1.0);
        collect.Reports[^1].Events.Should().Be(plain.EventsProcessed);
    }
}
