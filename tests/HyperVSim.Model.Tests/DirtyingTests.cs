using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Dirtying;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using static HyperVSim.Model.Tests.TestScenarios;

namespace HyperVSim.Model.Tests;

/// <summary>Dirtying models against each other and against the guest's CPU.</summary>
public sealed class DirtyingTests
{
    [Fact]
    public void The_page_level_model_averages_to_the_analytic_working_set_curve()
    {
        const long W = 64L << 20;          // 16,384 pages
        const double D = 100e6;
        var spec = new DirtyingSpec { Model = "pageLevel", BytesPerSecond = D, WorkingSetBytes = W };
        IMemoryDirtying pages = DirtyingModels.Create(spec, 1 * GiB, () => new RandomStreams(3).For("vm", "memoryDirtying"));
        IMemoryDirtying analytic = DirtyingModels.Create(spec with { Model = "workingSet" }, 1 * GiB, () => throw new InvalidOperationException());

        foreach (double t in new[] { 0.1, 0.5, 1.0, 3.0 })
        {
            double mean = Enumerable.Range(0, 20).Average(_ => (double)pages.DirtiedBytes(t));
            double expected = analytic.DirtiedBytes(t);
            mean.Should().BeApproximately(expected, expected * 0.01, $"at t = {t} s");
        }
    }

    [Fact]
    public void A_guest_starved_of_cpu_dirties_proportionally_less()
    {
        // 32 vCPUs fully busy on 16 cores: each guest gets half its demand, so it dirties half as fast.
        var hog = new VmSpec { Name = "hog", Host = "hv1", MemoryBytes = 4 * GiB, Vcpus = 24, CpuLoad = 1.0, Nics = [new VmNicSpec("prod")] };
        VmSpec vm = Vm("a", "hv1", 8 * GiB, new DirtyingSpec { Model = "constant", BytesPerSecond = 400e6 }) with { Vcpus = 8, CpuLoad = 1.0 };
        var lm = NoFixedCosts() with { BlackoutTarget = SimTime.Zero, MaxPasses = 2 };
        MigrationRecord starved = ClusterSimulation.Run(Scenario(lm, [Host("hv1"), Host("hv2")], [hog, vm], Migrate("a", "hv2"))).Migrations.Single();
        MigrationRecord alone = ClusterSimulation.Run(Scenario(lm, [Host("hv1"), Host("hv2")], [vm], Migrate("a", "hv2"))).Migrations.Single();

        long starvedPass1 = starved.Phases.Single(p => p.Pass == 1).Bytes;
        long alonePass1 = alone.Phases.Single(p => p.Pass == 1).Bytes;
        ((double)starvedPass1 / alonePass1).Should().BeApproximately(0.5, 0.001);
    }

    [Fact]
    public void Auto_converge_throttles_the_guest_and_shrinks_the_blackout_when_dirtying_outpaces_the_link()
    {
        var dirty = new DirtyingSpec { Model = "constant", BytesPerSecond = 1.0e9 };
        MigrationRecord plain = ClusterSimulation.Run(Scenario(NoFixedCosts(), [Host("hv1"), Host("hv2")], [Vm("a", "hv1", 8 * GiB, dirty)], Migrate("a", "hv2"))).Migrations.Single();
        MigrationRecord throttled = ClusterSimulation.Run(Scenario(NoFixedCosts() with { Convergence = "autoConverge" }, [Host("hv1"), Host("hv2")], [Vm("a", "hv1", 8 * GiB, dirty)], Migrate("a", "hv2"))).Migrations.Single();

        throttled.BlackoutSeconds.Should().BeLessThan(plain.BlackoutSeconds);
        throttled.Phases.Where(p => p.Kind == PhaseKind.Pass).Select(p => p.GuestThrottle).Should().StartWith([0.0, 0.2, 0.3]);
    }
}
