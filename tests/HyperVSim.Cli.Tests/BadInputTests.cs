using FluentAssertions;
using HyperVSim.Scenarios.Tests;

namespace HyperVSim.Cli.Tests;

/// <summary>Every malformed scenario of the corpus: exit code 2, the right line and column on standard error, and no output file.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string> Corpus()
    {
        var data = new TheoryData<string>();
        foreach (MalformedCase c in MalformedCorpus.Files())
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void A_malformed_scenario_exits_2_at_the_right_place_and_writes_nothing(string name) =>
        Check(MalformedCorpus.File(name));

    [Fact]
    public void Generated_cases_empty_binary_and_huge_exit_2_and_write_nothing()
    {
        foreach (MalformedCase c in MalformedCorpus.Generate(Cli.TempDir()))
        {
            Check(c);
        }
    }

    [Fact]
    public void There_are_at_least_20_malformed_files() => MalformedCorpus.Files().Should().HaveCountGreaterThanOrEqualTo(20);

    private static void Check(MalformedCase c)
    {
        string dir = Cli.TempDir();
        string json = Path.Combine(dir, "report.json");
        var (exit, _, error) = Cli.Run("run", c.Path, "--json", json, "--csv", Path.Combine(dir, "csv"), "--html", Path.Combine(dir, "r.html"));

        exit.Should().Be(2, $"{c.Name} is malformed");
        error.Should().Contain($"{c.Path}:{c.Line}:{c.Column}:", $"{c.Name} must point at its line and column").And.Contain(c.MessageContains);
        Directory.GetFileSystemEntries(dir).Should().BeEmpty($"{c.Name}: nothing may be written for invalid input");
    }
}
