using FluentAssertions;

namespace HyperVSim.Cli.Tests;

/// <summary>`hypervsim run` end to end: outputs, determinism, exit codes.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public void The_quickstart_runs_and_prints_a_summary()
    {
        var (exit, output, error) = Cli.Run("run", Cli.Scenario("quickstart.yaml"));
        exit.Should().Be(0, error);
        output.Should().Contain("Scenario quickstart (seed 1)").And.Contain("web").And.Contain("completed");
    }

    [Fact]
    public void The_same_scenario_twice_gives_byte_identical_reports_in_every_format()
    {
        string a = Cli.TempDir(), b = Cli.TempDir();
        foreach (string dir in new[] { a, b })
        {
            Cli.Run("run", Cli.Scenario("drain-16-hosts.yaml"), "--quiet", "--json", Path.Combine(dir, "r.json"), "--csv", Path.Combine(dir, "csv"),
                "--markdown", Path.Combine(dir, "r.md"), "--html", Path.Combine(dir, "r.html"), "--trace", Path.Combine(dir, "r.trace.json")).Exit.Should().Be(0);
        }

        string[] files = Directory.GetFiles(a, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(a, f)).Order(StringComparer.Ordinal).ToArray();
        files.Should().HaveCount(20, because: "4 report files and the 16 CSV tables");
        foreach (string f in files)
        {
            File.ReadAllBytes(Path.Combine(b, f)).Should().Equal(File.ReadAllBytes(Path.Combine(a, f)), $"{f} must not change between runs");
        }
    }

    [Fact]
    public void Seed_overrides_the_scenarios_seed()
    {
        string dir = Cli.TempDir();
        Cli.Run("run", Cli.Scenario("quickstart.yaml"), "--quiet", "--seed", "99", "--json", Path.Combine(dir, "r.json")).Exit.Should().Be(0);
        File.ReadAllText(Path.Combine(dir, "r.json")).Should().Contain("\"seed\": 99");
    }

    [Fact]
    public void Quiet_prints_nothing_on_success()
    {
        var (exit, output, _) = Cli.Run("run", Cli.Scenario("quickstart.yaml"), "--quiet");
        exit.Should().Be(0);
        output.Should().BeEmpty();
    }

    [Fact]
    public void A_missing_scenario_file_is_invalid_input()
    {
        var (exit, _, error) = Cli.Run("run", Path.Combine(Cli.TempDir(), "nope.yaml"));
        exit.Should().Be(2);
        error.Should().Contain("nope.yaml");
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run", "x.yaml", "--no-such-option")]
    [InlineData("frobnicate")]
    [InlineData("--log-level", "chatty", "validate", "x.yaml")]
    public void A_bad_command_line_exits_2_with_a_hint(params string[] args)
    {
        var (exit, _, error) = Cli.Run(args);
        exit.Should().Be(2);
        error.Should().Contain("hypervsim --help");
    }

    [Fact]
    public void Version_and_help_exit_0()
    {
        Cli.Run("--version").Exit.Should().Be(0);
        var (exit, output, _) = Cli.Run("--help");
        exit.Should().Be(0);
        output.Should().Contain("run").And.Contain("compare");
    }

    [Fact]
    public void Log_file_gets_a_detailed_log()
    {
        string log = Path.Combine(Cli.TempDir(), "run.log");
        Cli.Run("run", Cli.Scenario("quickstart.yaml"), "--quiet", "--log-file", log).Exit.Should().Be(0);
        File.ReadAllText(log).Should().Contain("Loaded scenario quickstart").And.Contain("Simulated");
    }

    [Fact]
    public void Validate_accepts_every_shipped_scenario()
    {
        foreach (string s in Directory.GetFiles(Path.Combine(Cli.Root, "scenarios"), "*.yaml"))
        {
            var (exit, output, error) = Cli.Run("validate", s);
            exit.Should().Be(0, error);
            output.Should().Contain("valid");
        }
    }
}

/// <summary>Scenario keys the format accepts but this version does not simulate are refused clearly, by run and validate alike.</summary>
