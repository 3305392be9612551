using FluentAssertions;

namespace HyperVSim.Cli.Tests;

/// <summary>What `run` and `validate` say about a folder given where a scenario file belongs (exit 2, one clear line).</summary>
public sealed class ScenarioArgumentTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    public void A_folder_given_as_the_scenario_exits_2_naming_a_scenario_file_in_it(string command)
    {
        string dir = Cli.TempDir();
        File.WriteAllText(Path.Combine(dir, "b.yml"), "name: b\n");
        File.WriteAllText(Path.Combine(dir, "a.yaml"), "name: a\n");

        var (exit, output, error) = Cli.Run(command, dir);

        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Be($"error: '{dir}' is a folder (2 scenario files in it); give a scenario file, e.g. {Path.Combine(dir, "a.yaml")}{Environment.NewLine}");
    }

    [Fact]
    public void An_empty_folder_given_as_the_scenario_suggests_a_file_name()
    {
        string dir = Cli.TempDir();
        Cli.Run("run", dir).Err.Should().Be($"error: '{dir}' is a folder (it holds no *.yaml or *.yml files); give a scenario file, e.g. {Path.Combine(dir, "quickstart.yaml")}{Environment.NewLine}");
    }
}
