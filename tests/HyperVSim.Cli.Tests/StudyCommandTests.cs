using System.Diagnostics;
using FluentAssertions;
using Xunit;

namespace HyperVSim.Cli.Tests;

/// <summary>`hypervsim study run|merge` end to end: result files independent of threads, shards and kills; errors at the study's line.</summary>
public sealed class StudyCommandTests
{
    private static string StudyFile(string dir, string scenario, int replications, string parameters)
    {
        string path = Path.Combine(dir, "study.yaml");
        File.WriteAllText(path, $$"""
            name: t
            scenario: {{Cli.Scenario(scenario)}}
            seed: 11
            replications: {{replications}}
            parameters:
            {{parameters}}
            metrics:
              - { name: total, field: "migrations[].totalSeconds", aggregate: max }
              - { name: blackout, field: "migrations[].blackoutSeconds", aggregate: mean }

            """);
        return path;
    }

    private static (string, string, string, string) Files(string dir) =>
        (File.ReadAllText(Path.Combine(dir, "summary.json")), File.ReadAllText(Path.Combine(dir, "summary.csv")),
            File.ReadAllText(Path.Combine(dir, "summary.md")), File.ReadAllText(Path.Combine(dir, "summary.html")));

    [Fact]
    public void One_thread_two_threads_and_three_merged_shards_write_byte_identical_files()
    {
        string dir = Cli.TempDir();
        string study = StudyFile(dir, "quickstart.yaml", 4, "  cluster.liveMigration.option: [tcpip, compression, smb]");
        string one = Path.Combine(dir, "one"), two = Path.Combine(dir, "two"), merged = Path.Combine(dir, "merged");

        Cli.Run("study", "run", study, "--out", one, "--threads", "1").Exit.Should().Be(0);
        Cli.Run("study", "run", study, "--out", two, "--threads", "2").Exit.Should().Be(0);
        var shards = Enumerable.Range(1, 3).Select(k => Path.Combine(dir, $"shard{k}")).ToArray();
        for (int k = 1; k <= 3; k++)
        {
            var (exit, output, _) = Cli.Run("study", "run", study, "--out", shards[k - 1], "--shard", $"{k}/3");
            exit.Should().Be(0);
            output.Should().Contain("study merge");
        }

        Cli.Run(["study", "merge", .. shards, "--out", merged]).Exit.Should().Be(0);

        Files(two).Should().Be(Files(one));
        Files(merged).Should().Be(Files(one));
        File.ReadAllText(Path.Combine(one, "summary.csv")).Split('\n')[0].Should().StartWith("point,cluster.liveMigration.option,total.n,total.missing,total.mean");
    }

    [Fact]
    public void A_killed_study_resumed_with_the_same_command_ends_with_the_same_files_as_an_uninterrupted_run()
    {
        string dir = Cli.TempDir();
        string study = StudyFile(dir, "drain-16-hosts.yaml", 60, "  cluster.liveMigration.option: [compression]");
        string whole = Path.Combine(dir, "whole"), killed = Path.Combine(dir, "killed");
        Cli.Run("study", "run", study, "--out", whole, "--threads", "1").Exit.Should().Be(0);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "hypervsim.dll"), "study", "run", study, "--out", killed, "--threads", "1" })
        {
            start.ArgumentList.Add(a);
        }

        using (Process p = Process.Start(start)!)
        {
            string cases = Path.Combine(killed, "cases");
            var clock = Stopwatch.StartNew();
            while (!(Directory.Exists(cases) && Directory.GetFiles(cases, "*.json").Length >= 3) && !p.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(5);
            }

            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }

        File.Exists(Path.Combine(killed, "summary.json")).Should().BeFalse("the run was killed part-way");
        var (exit, output, _) = Cli.Run("study", "run", study, "--out", killed, "--threads", "1");
        exit.Should().Be(0);
        output.Should().MatchRegex(@"ran \d+, \d+ already done");
        Files(killed).Should().Be(Files(whole));
    }

    [Fact]
    public void A_bad_value_in_a_parameter_is_an_error_at_the_studys_line_and_nothing_is_run()
    {
        string dir = Cli.TempDir();
        string study = StudyFile(dir, "quickstart.yaml", 2, "  hosts[name=hv].memory: [64GiB, lots]");
        string outDir = Path.Combine(dir, "out");

        var (exit, _, error) = Cli.Run("study", "run", study, "--out", outDir);

        exit.Should().Be(2);
        error.Should().Contain($"{study}:6:3: hosts[name=hv].memory (set to 'lots' for {Cli.Scenario("quickstart.yaml")}): 'lots' is not a size");
        Directory.Exists(outDir).Should().BeFalse();
    }

    [Fact]
    public void A_misspelt_study_key_gets_a_suggestion()
    {
        string dir = Cli.TempDir();
        string study = StudyFile(dir, "quickstart.yaml", 2, "  cluster.liveMigration.option: [smb]");
        File.WriteAllText(study, File.ReadAllText(study).Replace("replications:", "replication:", StringComparison.Ordinal));

        var (exit, _, error) = Cli.Run("study", "run", study, "--out", Path.Combine(dir, "out"));

        exit.Should().Be(2);
        error.Should().Contain($"{study}:4:1: replication: 'replication' is not a study key. Fix: did you mean 'replications'?");
    }

    public static TheoryData<string> ShippedStudies() =>
        [.. Directory.GetFiles(Path.Combine(Cli.Root, "scenarios", "studies"), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ShippedStudies))]
    public void Every_shipped_study_runs_and_writes_its_summary(string file)
    {
        string outDir = Path.Combine(Cli.TempDir(), "out");

        var (exit, output, error) = Cli.Run("study", "run", Path.Combine(Cli.Root, "scenarios", "studies", file), "--out", outDir);

        exit.Should().Be(0, error);
        output.Should().Contain("Wrote");
        File.Exists(Path.Combine(outDir, "summary.csv")).Should().BeTrue();
    }
}

/// <summary>`run --set` and `study --out` end to end.</summary>
public sealed class StudyAndSetOptionTests
{
    [Fact]
    public void An_out_folder_that_is_a_file_is_refused_and_the_file_is_untouched()
    {
        string dir = Cli.TempDir();
        string file = Path.Combine(dir, "taken.txt");
        File.WriteAllText(file, "mine");

        var (exit, _, error) = Cli.Run("study", "run", Path.Combine(Cli.Root, "scenarios", "studies", "drain-by-option.yaml"), "--out", file);

        exit.Should().Be(2);
        error.Should().Contain($"--out '{file}' is a file");
        File.ReadAllText(file).Should().Be("mine");
        Cli.Run("study", "merge", dir, "--out", file).Exit.Should().Be(2);
    }

    [Fact]
    public void Run_set_changes_the_run_and_a_bad_value_exits_2_naming_the_override()
    {
        string dir = Cli.TempDir();
        string json = Path.Combine(dir, "r.json");

        Cli.Run("run", Cli.Scenario("quickstart.yaml"), "--quiet", "--json", json, "--set", "cluster.liveMigration.option=smb").Exit.Should().Be(0);
        File.ReadAllText(json).Should().Contain("\"option\": \"smb\"");

        var (exit, _, error) = Cli.Run("run", Cli.Scenario("quickstart.yaml"), "--json", Path.Combine(dir, "bad.json"), "--set", "vms[0].memory=lots");
        exit.Should().Be(2);
        error.Should().Contain("--set: vms[0].memory (set to 'lots' for").And.Contain("'lots' is not a size");
        File.Exists(Path.Combine(dir, "bad.json")).Should().BeFalse();
    }
}
