using CsCheck;
using FluentAssertions;
using Xunit;

namespace HyperVSim.Engine.Tests;

public sealed class SeededTests
{
    [Fact]
    public void Runs_exactly_the_requested_cases_and_the_same_ones_every_time()
    {
        var first = new List<int>();
        var second = new List<int>();

        Seeded.Check(Gen.Int[0, 1_000_000], first.Add, cases: 25);
        Seeded.Check(Gen.Int[0, 1_000_000], second.Add, cases: 25);

        first.Should().HaveCount(25);
        second.Should().Equal(first);
        first.Distinct().Should().HaveCountGreaterThan(20, "different seeds give different cases");
    }
}
