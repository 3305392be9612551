using FluentAssertions;
using HyperVSim.Experiments.Survivability;
using HyperVSim.Model.Specs;
using Xunit;

namespace HyperVSim.Experiments.Tests;

/// <summary>N+R: which VMs would not restart if any R hosts failed, against hand-computed memory arithmetic.</summary>
public sealed class SurvivabilityTests
{
    private const long GiB = 1L << 30;

    /// <summary>N hosts of 64 GiB (62 usable), two 16 GiB VMs on each: one High, one Low.</summary>
    private static ScenarioSpec Cluster(int n = 5) => new()
    {
        Name = "n-plus-r",
        Hosts = Enumerable.Range(1, n).Select(i => new HostSpec { Name = $"hv{i}", MemoryBytes = 64 * GiB }).ToArray(),
        Vms = Enumerable.Range(1, n).SelectMany(i => new[]
        {
            new VmSpec { Name = $"high{i}", Host = $"hv{i}", MemoryBytes = 16 * GiB, Priority = 3000 },
            new VmSpec { Name = $"low{i}", Host = $"hv{i}", MemoryBytes = 16 * GiB, Priority = 1000 },
        }).ToArray(),
    };

    [Fact]
    public void Losing_any_one_host_every_VM_restarts()
    {
        SurvivabilityReport r = SurvivabilityAnalysis.Run(Cluster(), failures: 1, threads: 2);

        r.Sets.Should().HaveCount(5);
        r.Sampled.Should().BeFalse();
        r.Failing.Should().BeEmpty("each survivor has 30 GiB free: one 16 GiB VM each");
    }

    [Fact]
    public void Losing_any_two_of_five_hosts_one_low_priority_VM_stays_off()
    {
        SurvivabilityReport r = SurvivabilityAnalysis.Run(Cluster(), failures: 2, threads: 2);

        r.SetsInAll.Should().Be(10);
        r.Sets.Should().HaveCount(10);
        foreach (SetResult s in r.Sets)
        {
            // Four VMs lost (two High, two Low); three survivors with 30 GiB free take one 16 GiB VM each, High first.
            s.Lost.Should().ContainSingle().Which.Priority.Should().Be(1000);
            s.ShortfallBytes.Should().Be(16 * GiB);
        }

        r.Worst!.Hosts.Should().Equal("hv1", "hv2");
    }

    [Fact]
    public void Losing_two_of_three_hosts_at_once_loses_quorum_and_says_so()
    {
        SurvivabilityReport r = SurvivabilityAnalysis.Run(Cluster(3), failures: 2, threads: 2);

        r.Sets.Should().OnlyContain(s => s.Lost.Count == 6, "the survivor holds 1 of 3 votes: the cluster stops");
        r.Sets[0].Lost.Should().OnlyContain(v => v.Reason.Contains("quorum", StringComparison.Ordinal) || v.Reason.Contains("went down", StringComparison.Ordinal));
    }

    [Fact]
    public void More_sets_than_the_limit_are_sampled_reproducibly_and_say_so()
    {
        ScenarioSpec big = Cluster(8) with { Hosts = Enumerable.Range(1, 8).Select(i => new HostSpec { Name = $"hv{i}", MemoryBytes = 64 * GiB }).ToArray() };
        SurvivabilityReport a = SurvivabilityAnalysis.Run(big, failures: 3, maxSets: 10, threads: 2);
        SurvivabilityReport b = SurvivabilityAnalysis.Run(big, failures: 3, maxSets: 10, threads: 1);

        a.SetsInAll.Should().Be(56);
        a.Sampled.Should().BeTrue();
        a.Sets.Should().HaveCount(10);
        a.Sets.Select(s => string.Join("+", s.Hosts)).Should().Equal(b.Sets.Select(s => string.Join("+", s.Hosts)));
    }
}
