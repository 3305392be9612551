using System.Diagnostics;

namespace HyperVSim.Experiments.Studies;

/// <summary>
/// Runs a study's cases in parallel (results independent of the thread count: each case has its own random streams
/// and its own file), skipping cases already in the folder (resume), only those of a shard when asked, and writes
/// the summary once every case of the study is there.
/// </summary>
public static class StudyRunner
{
    /// <summary>Evaluates one case: runs the scenario of <paramref name="point"/>, replication <paramref name="replication"/>, and returns each metric's value.</summary>
    public delegate IReadOnlyDictionary<string, double?> Evaluate(StudyPoint point, int replication);

    public static StudyOutcome Run(StudyDefinition study, Evaluate evaluate, string dir, int threads, Shard? shard = null,
        IProgress<StudyProgress>? progress = null, CancellationToken cancel = default, IReadOnlyList<ISummaryFormat>? formats = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(evaluate);
        CaseStore.Claim(dir, study);
        var mine = Enumerable.Range(0, study.Cases).Where(k => shard is not { } s || s.Takes(k)).ToArray();

        // Every case's values, as its file holds them: those found done (resume), then those run now. The summary is
        // built from these, so the serial tail after the workers reads no file back.
        var cases = new IReadOnlyDictionary<string, double?>?[study.Cases];
        HashSet<string> present = CaseStore.FileNames(dir);
        foreach (int k in mine)
        {
            int point = k / study.Replications, replication = k % study.Replications;
            if (present.Contains(CaseStore.FileName(point, replication)))
            {
                cases[k] = CaseStore.Read(dir, point, replication);
            }
        }

        var todo = mine.Where(k => cases[k] is null).ToArray();
        int skipped = mine.Length - todo.Length;
        int done = skipped;
        var clock = Stopwatch.StartNew();
        progress?.Report(new StudyProgress(done, mine.Length, skipped, clock.Elapsed));
        WorkerThreads.For(todo.Length, threads, i =>
        {
            int k = todo[i];
            int point = k / study.Replications, replication = k % study.Replications;
            IReadOnlyDictionary<string, double?> values = evaluate(study.Points[point], replication);
            cases[k] = CaseStore.Write(dir, point, replication, study.Metrics, values);
            progress?.Report(new StudyProgress(Interlocked.Increment(ref done), mine.Length, skipped, clock.Elapsed));
        }, cancel);

        bool complete = shard is null && StudySummary.TryWrite(dir, study, cases, formats);
        return new StudyOutcome(todo.Length, skipped, mine.Length, complete);
    }

    /// <summary>
    /// Joins the case folders of shards into <paramref name="outDir"/> and writes the summary; throws
    /// <see cref="StudyFolderException"/> when a folder holds another study or cases are missing.
    /// </summary>
    public static int Merge(StudyDefinition study, IReadOnlyList<string> dirs, string outDir, IReadOnlyList<ISummaryFormat>? formats = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(dirs);
        CaseStore.Claim(outDir, study);
        int copied = 0;
        foreach (string dir in dirs)
        {
            CaseStore.Claim(dir, study);
            for (int k = 0; k < study.Cases; k++)
            {
                int point = k / study.Replications, replication = k % study.Replications;
                string from = CaseStore.FileOf(dir, point, replication), to = CaseStore.FileOf(outDir, point, replication);
                if (File.Exists(from) && !File.Exists(to))
                {
                    AtomicFile.Write(to, File.ReadAllText(from));
                    copied++;
                }
            }
        }

        if (!StudySummary.TryWrite(outDir, study, formats))
        {
            int missing = Enumerable.Range(0, study.Cases).Count(k => CaseStore.Read(outDir, k / study.Replications, k % study.Replications) is null);
            throw new StudyFolderException($"{missing} of {study.Cases} cases are in none of the folders given; run the missing shards (study run --shard K/N) and merge again");
        }

        return copied;
    }
}

/// <summary>What a run did: cases run now, found done, in its share, and whether the study's summary was written.</summary>
public readonly record struct StudyOutcome(int Ran, int Skipped, int InShare, bool SummaryWritten);
