using FluentAssertions;
using HyperVSim.Scenarios.Reading;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>"Did you mean" distances and thresholds.</summary>
public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("memory", "memory", 0)]
    [InlineData("memroy", "memory", 1)]
    [InlineData("vcpu", "vcpus", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_counts_edits_and_adjacent_swaps(string a, string b, int distance) =>
        Suggestions.Distance(a, b).Should().Be(distance);

    [Theory]
    [InlineData("memroy", "memory")]
    [InlineData("CPULoad", "cpuLoad")]
    [InlineData("hostz", "hosts")]
    [InlineData("liveMigrate", "liveMigration")]
    [InlineData("flavour", null)]
    [InlineData("x", null)]
    public void Closest_only_suggests_near_misses(string written, string? expected) =>
        Suggestions.Closest(written, ["name", "memory", "cpuLoad", "hosts", "liveMigration", "vcpus"]).Should().Be(expected);
}
