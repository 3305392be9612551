using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Clustering;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using Xunit;
using static HyperVSim.Model.Tests.Clustering.ClusterScenarios;

namespace HyperVSim.Model.Tests.Clustering;

/// <summary>
/// Stochastic faults (Clustering/FaultInjector.cs): deterministic for a seed, one stream per component so classes do
/// not disturb each other, the distributions' means as their closed forms, and nothing past the stop time.
/// </summary>
public sealed class FaultInjectorTests
{
    private static readonly FaultProcessSpec HostFaults = new(new ExponentialSpec(20_000), new ExponentialSpec(600));

    private static SimulationResult Run(FaultsSpec faults, double until, long seed = 11)
    {
        VmSpec[] vms = Enumerable.Range(1, 5).Select(i => Vm($"vm{i}", $"hv{i}")).ToArray();
        return ClusterSimulation.Run(Scenario(Hosts(5), vms, null, SimTime.FromSeconds(until)) with { Faults = faults, Seed = seed });
    }

    private static (string Target, double At)[] HostFaultTimes(SimulationResult r) =>
        r.Failovers.Where(f => f.Fault == "host").Select(f => (f.Target, f.At)).ToArray();

    [Fact]
    public void The_same_seed_gives_the_same_failovers_and_another_seed_does_not()
    {
        SimulationResult a = Run(new FaultsSpec { Hosts = HostFaults }, 200_000);
        SimulationResult b = Run(new FaultsSpec { Hosts = HostFaults }, 200_000);
        SimulationResult other = Run(new FaultsSpec { Hosts = HostFaults }, 200_000, seed: 12);

        a.Failovers.Count(f => f.Fault == "host").Should().BeGreaterThan(10, "about 10 failures per host are expected");
        b.Failovers.Should().BeEquivalentTo(a.Failovers, o => o.WithStrictOrdering());
        b.Vms.Should().BeEquivalentTo(a.Vms, o => o.WithStrictOrdering());
        HostFaultTimes(other).Should().NotEqual(HostFaultTimes(a));
    }

    [Fact]
    public void Adding_a_class_of_faults_leaves_the_other_components_fault_times_unchanged()
    {
        SimulationResult hosts = Run(new FaultsSpec { Hosts = HostFaults }, 200_000);
        SimulationResult both = Run(new FaultsSpec { Hosts = HostFaults, Nics = new FaultProcessSpec(new ExponentialSpec(30_000), new ExponentialSpec(300)) }, 200_000);

        both.Failovers.Should().Contain(f => f.Fault == "nic");
        HostFaultTimes(both).Should().Equal(HostFaultTimes(hosts));
    }

    [Fact]
    public void No_fault_happens_after_the_stop_time_and_the_earlier_ones_do_not_depend_on_it()
    {
        SimulationResult shorter = Run(new FaultsSpec { Hosts = HostFaults }, 100_000);
        SimulationResult longer = Run(new FaultsSpec { Hosts = HostFaults }, 200_000);

        shorter.Failovers.Should().NotBeEmpty().And.OnlyContain(f => f.At <= 100_000);
        HostFaultTimes(shorter).Should().Equal(HostFaultTimes(longer).Where(f => f.At <= 100_000));
        longer.Failovers.Should().Contain(f => f.At > 100_000);
    }

    private static double[] Draws(DistributionSpec d, int n = 200_000)
    {
        Random stream = new RandomStreams(2024).For("test", "draws");
        return Enumerable.Range(0, n).Select(_ => FaultInjector.Draw(d, stream).Seconds).ToArray();
    }

    private static double Median(double[] xs)
    {
        double[] s = xs.OrderBy(x => x).ToArray();
        return (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    [Fact]
    public void Exponential_draws_have_the_mean_and_the_memoryless_median()
    {
        double[] x = Draws(new ExponentialSpec(100));
        x.Average().Should().BeApproximately(100, 2);
        Median(x).Should().BeApproximately(100 * Math.Log(2), 1.5);
    }

    [Fact]
    public void Weibull_draws_have_the_mean_lambda_gamma_1_plus_1_over_k()
    {
        // Γ(1 + 1/1.5) = Γ(5/3) = 0.902745292950934.
        double[] x = Draws(new WeibullSpec(1.5, 1000));
        x.Average().Should().BeApproximately(1000 * 0.902745292950934, 9);
        x.Count(v => v <= 1000).Should().BeCloseTo((int)(x.Length * (1 - Math.Exp(-1))), 1000, "P(X ≤ λ) = 1 − 1/e");
    }

    [Fact]
    public void Log_normal_draws_have_the_median_and_the_mean_median_times_e_to_the_sigma_squared_over_2()
    {
        double[] x = Draws(new LogNormalSpec(60, 1.0));
        Median(x).Should().BeApproximately(60, 1.2);
        x.Average().Should().BeApproximately(60 * Math.Exp(0.5), 2);
    }
}
