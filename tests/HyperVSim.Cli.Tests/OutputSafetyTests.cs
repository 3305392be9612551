using FluentAssertions;

namespace HyperVSim.Cli.Tests;

/// <summary>
/// Outputs never destroy inputs and never half-succeed: every output path is checked before anything runs (exit 2,
/// one line naming the path and the fix), and the outputs of a run are written as one set.
/// </summary>
public sealed class OutputSafetyTests
{
    private static string Quickstart(string dir)
    {
        string scenario = Path.Combine(dir, "quickstart.yaml");
        File.Copy(Cli.Scenario("quickstart.yaml"), scenario);
        return scenario;
    }

    /// <summary>Standard error is one line, without a stack trace.</summary>
    private static void OneLine(string error)
    {
        error.TrimEnd('\r', '\n').Split('\n').Should().ContainSingle($"the refusal must be one line, not:{Environment.NewLine}{error}");
        error.Should().NotContain(" at ").And.NotContain("internal error");
    }

    [Theory]
    [InlineData("--json")]
    [InlineData("--markdown")]
    [InlineData("--html")]
    [InlineData("--trace")]
    [InlineData("--log-file")]
    public void An_output_equal_to_the_scenario_is_refused_and_the_scenario_is_unchanged(string option)
    {
        string dir = Cli.TempDir();
        string scenario = Quickstart(dir);
        byte[] before = File.ReadAllBytes(scenario);
        string samePath = Path.Combine(dir, ".", "sub", "..", "quickstart.yaml"); // equal after Path.GetFullPath

        var (exit, output, error) = Cli.Run("run", scenario, option, samePath);

        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().StartWith($"error: {option} {samePath} would overwrite ").And.Contain(scenario);
        OneLine(error);
        File.ReadAllBytes(scenario).Should().Equal(before);
        Directory.GetFileSystemEntries(dir).Should().Equal([scenario]);
    }

    [Theory]
    [InlineData("--json", "r.json", "--trace", "r.json")]
    [InlineData("--log-file", "r.md", "--markdown", "r.md")]
    [InlineData("--csv", "tables", "--json", "tables/vms.csv")]
    public void Two_outputs_with_the_same_path_are_refused_and_nothing_is_written(string option1, string name1, string option2, string name2)
    {
        string dir = Cli.TempDir();
        string path1 = Path.Combine(dir, name1), path2 = Path.Combine(dir, name2);

        var (exit, _, error) = Cli.Run("run", Cli.Scenario("quickstart.yaml"), "--quiet", option1, path1, option2, path2);

        exit.Should().Be(2);
        error.Should().BeOneOf(
            $"error: {option1} and {option2} both write {path2}. Fix: give each output its own path.{Environment.NewLine}",
            $"error: {option2} and {option1} both write {path2}. Fix: give each output its own path.{Environment.NewLine}");
        Directory.GetFileSystemEntries(dir).Should().BeEmpty();
    }

    [Theory]
    [InlineData("--json")]
    [InlineData("--csv")]
    [InlineData("--log-file")]
    public void A_missing_parent_folder_exits_2_in_one_line_and_is_not_created(string option)
    {
        string dir = Cli.TempDir();
        string missing = Path.Combine(dir, "nope");
        string target = Path.Combine(missing, "out");

        var (exit, _, error) = Cli.Run("run", Cli.Scenario("quickstart.yaml"), "--quiet", option, target);

        exit.Should().Be(2);
        error.Should().Be($"error: {option} {target}: folder {missing} does not exist. Fix: create it first.{Environment.NewLine}");
        Directory.Exists(missing).Should().BeFalse();
    }

    [Fact]
    public void The_csv_folder_itself_is_created_when_its_parent_exists()
    {
        string csv = Path.Combine(Cli.TempDir(), "tables");
        Cli.Run("run", Cli.Scenario("quickstart.yaml"), "--quiet", "--csv", csv).Exit.Should().Be(0);
        Directory.GetFiles(csv).Select(Path.GetFileName).Should().BeEquivalentTo(HyperVSim.Reports.Csv.CsvReport.FileNames);
    }

    [Theory]
    [InlineData("--json", "report.json")]
    [InlineData("--log-file", "hypervsim.log")]
    public void A_folder_given_for_a_file_output_exits_2_suggesting_a_file_in_it(string option, string example)
    {
        string dir = Cli.TempDir();
        var (exit, _, error) = Cli.Run("run", Cli.Scenario("quickstart.yaml"), "--quiet", option, dir);

        exit.Should().Be(2);
        error.Should().Be($"error: {option} {dir} is a folder, but {option} takes a file. Fix: give a file name, e.g. {Path.Combine(dir, example)}.{Environment.NewLine}");
        Directory.GetFileSystemEntries(dir).Should().BeEmpty();
    }

    [Fact]
    public void A_file_given_for_csv_exits_2_and_the_file_is_unchanged()
    {
        string dir = Cli.TempDir();
        string file = Path.Combine(dir, "tables.txt");
        File.WriteAllText(file, "keep me");

        var (exit, _, error) = Cli.Run("run", Cli.Scenario("quickstart.yaml"), "--quiet", "--csv", file);

        exit.Should().Be(2);
        error.Should().StartWith($"error: --csv {file} is a file, but --csv takes a folder");
        OneLine(error);
        File.ReadAllText(file).Should().Be("keep me");
    }

    [Fact]
    public void When_the_last_of_several_outputs_cannot_be_written_none_of_the_others_exists()
    {
        string dir = Cli.TempDir();
        string blocker = Path.Combine(dir, "not-a-folder");
        File.WriteAllText(blocker, "a file where a folder should be");
        string json = Path.Combine(dir, "r.json"), md = Path.Combine(dir, "r.md"), html = Path.Combine(dir, "r.html"), csv = Path.Combine(dir, "csv");

        var (exit, _, error) = Cli.Run("run", Cli.Scenario("quickstart.yaml"), "--quiet", "--json", json, "--csv", csv, "--markdown", md, "--html", html,
            "--trace", Path.Combine(blocker, "trace.json"));

        exit.Should().Be(2);
        error.Should().Contain(blocker);
        OneLine(error);
        Directory.GetFileSystemEntries(dir).Should().Equal([blocker], "no other output may exist when one cannot be written");
    }

    [Fact]
    public void A_log_file_that_cannot_be_written_exits_2_in_one_line()
    {
        string dir = Cli.TempDir();
        string blocker = Path.Combine(dir, "file");
        File.WriteAllText(blocker, "x");
        string log = Path.Combine(blocker, "run.log");

        var (exit, _, error) = Cli.Run("validate", Cli.Scenario("quickstart.yaml"), "--log-file", log);

        exit.Should().Be(2);
        error.Should().Be($"error: --log-file {log}: {blocker} is a file, not a folder. Fix: write --log-file into a folder.{Environment.NewLine}");
    }

    [Fact]
    public void Compare_junit_pointing_at_the_baseline_report_is_refused_and_the_baseline_is_unchanged()
    {
        string dir = Cli.TempDir();
        string baseline = Path.Combine(dir, "baseline.json");
        Cli.Run("run", Cli.Scenario("quickstart.yaml"), "--quiet", "--json", baseline).Exit.Should().Be(0);
        byte[] before = File.ReadAllBytes(baseline);

        var (exit, _, error) = Cli.Run("compare", baseline, baseline, "--junit", Path.Combine(dir, "x", "..", "baseline.json"));

        exit.Should().Be(2);
        error.Should().Contain("would overwrite the baseline report");
        OneLine(error);
        File.ReadAllBytes(baseline).Should().Equal(before);
    }

    [Fact]
    public void Compare_markdown_pointing_at_a_report_inside_a_compared_folder_is_refused()
    {
        string dir = Cli.TempDir();
        string a = Path.Combine(dir, "a"), b = Path.Combine(dir, "b");
        Directory.CreateDirectory(a);
        Directory.CreateDirectory(b);
        Cli.Run("run", Cli.Scenario("quickstart.yaml"), "--quiet", "--json", Path.Combine(a, "q.json")).Exit.Should().Be(0);
        File.Copy(Path.Combine(a, "q.json"), Path.Combine(b, "q.json"));
        byte[] before = File.ReadAllBytes(Path.Combine(b, "q.json"));

        var (exit, _, error) = Cli.Run("compare", a, b, "--markdown", Path.Combine(b, "q.json"), "--junit", Path.Combine(dir, "junit.xml"));

        exit.Should().Be(2);
        error.Should().Contain("would overwrite the current report");
        File.ReadAllBytes(Path.Combine(b, "q.json")).Should().Equal(before);
        File.Exists(Path.Combine(dir, "junit.xml")).Should().BeFalse();
    }

    [Fact]
    public void Baseline_update_out_that_is_a_file_exits_2_and_writes_nothing()
    {
        string dir = Cli.TempDir();
        Quickstart(dir);
        string file = Path.Combine(dir, "out.txt");
        File.WriteAllText(file, "keep");

        var (exit, _, error) = Cli.Run("baseline", "update", dir, "--out", file);

        exit.Should().Be(2);
        error.Should().StartWith($"error: --out {file} is a file, but --out takes a folder");
        File.ReadAllText(file).Should().Be("keep");
        Directory.Exists(Path.Combine(dir, "baselines")).Should().BeFalse();
    }

    [Fact]
    public void Baseline_update_out_with_a_missing_parent_exits_2_and_creates_nothing()
    {
        string dir = Cli.TempDir();
        Quickstart(dir);
        string missing = Path.Combine(dir, "no", "such");

        var (exit, _, error) = Cli.Run("baseline", "update", dir, "--out", Path.Combine(missing, "baselines"));

        exit.Should().Be(2);
        error.Should().Be($"error: --out {Path.Combine(missing, "baselines")}: folder {missing} does not exist. Fix: create it first.{Environment.NewLine}");
        Directory.Exists(Path.Combine(dir, "no")).Should().BeFalse();
    }

    [Fact]
    public void Baseline_update_reads_yml_scenarios_as_run_does()
    {
        string dir = Cli.TempDir();
        File.Copy(Cli.Scenario("quickstart.yaml"), Path.Combine(dir, "short.yml"));

        var (exit, output, error) = Cli.Run("baseline", "update", dir);

        exit.Should().Be(0, error);
        output.Should().Contain("short.json");
        File.ReadAllText(Path.Combine(dir, "baselines", "short.json")).Should().Contain("hypervsim.report/v1");
    }

    [Fact]
    public void Baseline_update_of_a_folder_without_scenarios_names_both_extensions()
    {
        string dir = Cli.TempDir();
        var (exit, _, error) = Cli.Run("baseline", "update", dir);
        exit.Should().Be(2);
        error.Should().Be($"error: no *.yaml or *.yml scenarios in '{dir}'. Fix: pass the folder that holds your scenario files.{Environment.NewLine}");
    }
}
