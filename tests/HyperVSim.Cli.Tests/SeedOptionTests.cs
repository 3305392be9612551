using FluentAssertions;

namespace HyperVSim.Cli.Tests;

/// <summary>`run --seed`: any 64-bit whole number; anything else exits 2 saying what a seed is.</summary>
public sealed class SeedOptionTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public void A_seed_that_is_not_a_whole_number_exits_2_saying_what_a_seed_is(string seed)
    {
        var (exit, _, error) = Cli.Run("run", Cli.Scenario("quickstart.yaml"), "--seed", seed);
        exit.Should().Be(2);
        error.Should().Contain("--seed takes a whole number from -9223372036854775808 to 9223372036854775807, e.g. --seed 42");
        error.Should().NotContain("Cannot parse");
    }

    [Fact]
    public void A_negative_seed_is_a_seed()
    {
        string json = Path.Combine(Cli.TempDir(), "r.json");
        Cli.Run("run", Cli.Scenario("quickstart.yaml"), "--quiet", "--seed", "-7", "--json", json).Exit.Should().Be(0);
        File.ReadAllText(json).Should().Contain("\"seed\": -7");
    }
}
