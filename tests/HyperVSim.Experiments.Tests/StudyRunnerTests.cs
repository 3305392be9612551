using FluentAssertions;
using HyperVSim.Experiments.Studies;
using Xunit;

namespace HyperVSim.Experiments.Tests;

/// <summary>Thread counts, shards and resumes change nothing in a study's result files.</summary>
public sealed class StudyRunnerTests
{
    private static readonly StudyDefinition Study = new("s", 3, 4,
        StudyDesign.Grid([new("a", ["1", "2", "3"]), new("b", ["x", "y"])]),
        [new MetricSpec("m", "f", "mean"), new MetricSpec("n", "g", "max")]);

    /// <summary>A deterministic stand-in for a simulation: the values depend only on the point and the replication.</summary>
    private static IReadOnlyDictionary<string, double?> Evaluate(StudyPoint p, int r)
    {
        var rnd = new Random(p.Index * 1000 + r);
        Thread.Sleep(rnd.Next(3)); // finish out of order under parallelism
        return new Dictionary<string, double?> { ["m"] = rnd.NextDouble() * 100, ["n"] = p.Index == 2 ? null : r };
    }

    private static string Temp() => Directory.CreateTempSubdirectory("hvs-study-").FullName;

    private static (string Json, string Csv) Files(string dir) =>
        (File.ReadAllText(Path.Combine(dir, "summary.json")), File.ReadAllText(Path.Combine(dir, "summary.csv")));

    [Fact]
    public void One_thread_two_threads_and_three_merged_shards_give_byte_identical_summaries()
    {
        string one = Temp(), two = Temp(), merged = Temp();
        StudyRunner.Run(Study, Evaluate, one, threads: 1, cancel: TestContext.Current.CancellationToken).SummaryWritten.Should().BeTrue();
        StudyRunner.Run(Study, Evaluate, two, threads: 2, cancel: TestContext.Current.CancellationToken).SummaryWritten.Should().BeTrue();
        string[] shards = [Temp(), Temp(), Temp()];
        for (int k = 1; k <= 3; k++)
        {
            StudyOutcome o = StudyRunner.Run(Study, Evaluate, shards[k - 1], threads: 2, new Shard(k, 3), cancel: TestContext.Current.CancellationToken);
            o.SummaryWritten.Should().BeFalse();
            o.InShare.Should().Be(8);
        }

        StudyRunner.Merge(CaseStore.ReadDefinition(shards[0]), shards, merged).Should().Be(24);

        Files(two).Should().Be(Files(one));
        Files(merged).Should().Be(Files(one));
    }

    [Fact]
    public void A_run_stopped_part_way_and_resumed_ends_with_the_same_files_as_an_uninterrupted_run()
    {
        string whole = Temp(), resumed = Temp();
        StudyRunner.Run(Study, Evaluate, whole, threads: 2, cancel: TestContext.Current.CancellationToken);

        using var cancel = new CancellationTokenSource();
        int calls = 0;
        IReadOnlyDictionary<string, double?> Stopping(StudyPoint p, int r)
        {
            if (Interlocked.Increment(ref calls) == 7)
            {
                cancel.Cancel();
            }

            return Evaluate(p, r);
        }

        Action stopped = () => StudyRunner.Run(Study, Stopping, resumed, threads: 2, cancel: cancel.Token);
        stopped.Should().Throw<OperationCanceledException>();
        File.Exists(Path.Combine(resumed, "summary.json")).Should().BeFalse();
        File.WriteAllText(Path.Combine(resumed, "cases", "p00005-r00003.json.123.1.tmp"), "{ half a fi"); // what a kill leaves

        StudyOutcome again = StudyRunner.Run(Study, Evaluate, resumed, threads: 2, cancel: TestContext.Current.CancellationToken);
        again.Skipped.Should().BeGreaterThan(0).And.BeLessThan(24);
        again.SummaryWritten.Should().BeTrue();
        Files(resumed).Should().Be(Files(whole));
    }

    /// <summary>
    /// The runner writes the summary from the values it holds, not from the case files: the same bytes as a summary
    /// rebuilt from the files, also for values a file cannot hold as they are (NaN, infinities: null there) and for
    /// numbers whose text needs all 17 digits.
    /// </summary>
    [Fact]
    public void The_summary_from_values_in_memory_matches_one_rebuilt_from_the_case_files()
    {
        double[] awkward = [double.NaN, double.PositiveInfinity, 0.1 + 0.2, 1e-300, -0.0, double.NegativeInfinity, 2.0 / 3, 123456789.123456789];
        IReadOnlyDictionary<string, double?> Odd(StudyPoint p, int r) => new Dictionary<string, double?>
        {
            ["m"] = awkward[(p.Index + r) % awkward.Length] * (1 + r),
            ["n"] = r == 1 ? null : Math.PI * (p.Index + 1) / 7,
        };

        string dir = Temp();
        StudyRunner.Run(Study, Odd, dir, threads: 2, cancel: TestContext.Current.CancellationToken).SummaryWritten.Should().BeTrue();
        var fromMemory = Files(dir);

        StudySummary.TryWrite(dir, Study).Should().BeTrue();
        Files(dir).Should().Be(fromMemory);
    }

    [Fact]
    public void A_folder_holding_another_study_is_refused()
    {
        string dir = Temp();
        StudyRunner.Run(Study, Evaluate, dir, threads: 1, cancel: TestContext.Current.CancellationToken);
        Action other = () => StudyRunner.Run(Study with { Replications = 5 }, Evaluate, dir, threads: 1, cancel: TestContext.Current.CancellationToken);
        other.Should().Throw<StudyFolderException>().WithMessage("*different study*");
    }

    [Fact]
    public void Merging_without_every_shard_names_the_missing_cases()
    {
        string a = Temp(), merged = Temp();
        StudyRunner.Run(Study, Evaluate, a, threads: 1, new Shard(1, 2), cancel: TestContext.Current.CancellationToken);
        Action merge = () => StudyRunner.Merge(Study, [a], merged);
        merge.Should().Throw<StudyFolderException>().WithMessage("12 of 24 cases are in none of the folders*");
    }

    [Theory]
    [InlineData("2/3", true)]
    [InlineData("0/3", false)]
    [InlineData("4/3", false)]
    [InlineData("x", false)]
    public void Shards_parse_as_K_of_N(string text, bool ok) => (Shard.Parse(text) is not null).Should().Be(ok);
}
