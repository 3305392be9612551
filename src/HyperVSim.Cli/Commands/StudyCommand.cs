using System.CommandLine;
using System.Globalization;
using HyperVSim.Experiments.Studies;
using HyperVSim.Model;
using HyperVSim.Model.Specs;
using HyperVSim.Reports.Json;
using HyperVSim.Scenarios;
using HyperVSim.Scenarios.Studies;

namespace HyperVSim.Cli.Commands;

/// <summary>
/// <c>hypervsim study run STUDY --out DIR [--threads N] [--shard K/N]</c> and <c>hypervsim study merge DIR... --out DIR</c>
/// (docs/studies.md): wires the study file, the scenario loader with the points' values, the model and the report's
/// field paths to the study runner.
/// </summary>
internal static class StudyCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var study = new Argument<string>("study") { Description = "Study file (YAML)" };
        var outDir = new Option<string>("--out") { Description = "Folder for the case files and summary.json/csv/md/html (resumed if it holds the same study)", Required = true };
        var threads = new Option<int>("--threads") { Description = "Cases run at once (default: every core); results do not depend on it", DefaultValueFactory = _ => Environment.ProcessorCount };
        var shard = new Option<string?>("--shard") { Description = "Run only share K of N (K/N), for a job array; join the folders with 'study merge'" };
        var run = new Command("run", "Run a study: every point and replication, in parallel, resumable") { study, outDir, threads, shard };
        run.SetAction(pr => Run(context(pr), pr.GetValue(study)!, pr.GetValue(outDir)!, pr.GetValue(threads), pr.GetValue(shard)));

        var dirs = new Argument<string[]>("folders") { Description = "The --out folders of the shards", Arity = ArgumentArity.OneOrMore };
        var mergeOut = new Option<string>("--out") { Description = "Folder for the merged cases and summary", Required = true };
        var merge = new Command("merge", "Join the folders of a sharded study and write its summary") { dirs, mergeOut };
        merge.SetAction(pr => Merge(context(pr), pr.GetValue(dirs)!, pr.GetValue(mergeOut)!));
        return new Command("study", "What-if studies: parameter sweeps and replications with confidence intervals") { run, merge };
    }

    private static int Run(CliContext ctx, string path, string dir, int threads, string? shardText)
    {
        Shard? shard = null;
        if (shardText is not null && (shard = Shard.Parse(shardText)) is null)
        {
            return ctx.Refuse($"--shard '{shardText}' needs K/N with 1 ≤ K ≤ N, e.g. --shard 2/8");
        }

        if (threads < 1)
        {
            return ctx.Refuse("--threads needs a whole number of at least 1");
        }

        if (OutFolderProblem(dir) is { } problem)
        {
            return ctx.Refuse(problem);
        }

        if (Prepare(ctx, path) is not { } prepared)
        {
            return ExitCodes.InvalidInput;
        }

        var (definition, evaluate) = prepared;
        StudyOutcome outcome;
        try
        {
            outcome = StudyRunner.Run(definition, evaluate, dir, threads, shard, Progress(ctx), formats: Reports.Studies.StudyFormats.All);
        }
        catch (Exception ex) when (ex is StudyFolderException or IOException or UnauthorizedAccessException)
        {
            return ctx.Refuse($"error: {ex.Message}");
        }

        if (ctx.Interactive)
        {
            ctx.Error.WriteLine();
        }

        if (outcome.SummaryWritten && StudySummary.Build(dir, definition) is { } rows)
        {
            ctx.Out.Write(Reports.Text.StudyTable.Format(definition, rows));
            ctx.Out.WriteLine();
        }

        ctx.Out.WriteLine(outcome.SummaryWritten
            ? $"Study {definition.Name}: {definition.Points.Count} points × {definition.Replications} replications; ran {outcome.Ran}, {outcome.Skipped} already done. Wrote {Path.Combine(dir, "summary.json")}, summary.csv, summary.md and summary.html."
            : $"Study {definition.Name}, shard {shardText}: ran {outcome.Ran} of {outcome.InShare} cases ({outcome.Skipped} already done). Join the shards with: hypervsim study merge DIR... --out DIR");
        return ExitCodes.Ok;
    }

    private static int Merge(CliContext ctx, string[] dirs, string outDir)
    {
        if (OutFolderProblem(outDir) is { } problem)
        {
            return ctx.Refuse(problem);
        }

        try
        {
            StudyDefinition definition = CaseStore.ReadDefinition(dirs[0]);
            int copied = StudyRunner.Merge(definition, dirs, outDir, Reports.Studies.StudyFormats.All);
            ctx.Out.WriteLine($"Merged {dirs.Length} folders ({copied} cases copied) into {outDir}; wrote summary.json, summary.csv, summary.md and summary.html.");
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is StudyFolderException or IOException or UnauthorizedAccessException)
        {
            return ctx.Refuse($"error: {ex.Message}");
        }
    }

    /// <summary>Why <paramref name="dir"/> cannot be a study's --out folder (it is a file), or null.</summary>
    private static string? OutFolderProblem(string dir) => File.Exists(dir)
        ? $"error: --out '{dir}' is a file; give a folder for the study's case files and summary (it is created if missing)"
        : null;

    /// <summary>The study's definition and how to evaluate one case; null after printing errors (file:line:column).</summary>
    internal static (StudyDefinition, StudyRunner.Evaluate)? Prepare(CliContext ctx, string path)
    {
        StudyFile file;
        try
        {
            file = StudyLoader.LoadFile(path);
        }
        catch (ScenarioException ex)
        {
            foreach (ScenarioError e in ex.Errors)
            {
                ctx.Error.WriteLine(e.ToString());
            }

            ctx.Error.WriteLine($"{ex.Errors.Count} error(s) in {path}; nothing was run.");
            return null;
        }

        var axes = file.Parameters.Select(p => p.Values.Count > 0
            ? new StudyDesign.Axis(p.KeyPath, p.Values)
            : new StudyDesign.Axis(p.KeyPath, [], RangeValue.Parse(p.From!)!.Value.Number, RangeValue.Parse(p.To!)!.Value.Number, RangeValue.Parse(p.From!)!.Value.Unit)).ToArray();
        IReadOnlyList<StudyPoint> points = file.Design == "latinHypercube" ? StudyDesign.LatinHypercube(axes, file.Samples, file.Seed) : StudyDesign.Grid(axes);
        var definition = new StudyDefinition(file.Name, file.Seed, file.Replications, points,
            file.Metrics.Select(m => new MetricSpec(m.Name, m.Field, m.Aggregate)).ToArray());

        // Every point's scenario is loaded and validated before anything runs: a bad value names the study's line.
        string text = File.ReadAllText(file.Scenario);
        var specs = new ScenarioSpec[points.Count];
        var errors = new List<ScenarioError>();
        foreach (StudyPoint p in points)
        {
            var overrides = p.Settings.Select(s =>
            {
                StudyParameter source = file.Parameters.First(x => x.KeyPath == s.Path);
                return new ScenarioOverride(s.Path, s.Value, path, source.Line, source.Column);
            }).ToArray();
            try
            {
                specs[p.Index] = ScenarioLoader.LoadText(text, file.Scenario, ScenarioLoadOptions.ForSimulation with { Overrides = overrides }) with { Seed = file.Seed, CaseIndex = p.Index };
            }
            catch (ScenarioException ex)
            {
                errors.AddRange(ex.Errors.Where(e => !errors.Contains(e)));
            }
        }

        if (errors.Count > 0)
        {
            foreach (ScenarioError e in errors)
            {
                ctx.Error.WriteLine(e.ToString());
            }

            ctx.Error.WriteLine($"{errors.Count} error(s) in the points of {path}; nothing was run.");
            return null;
        }

        // Only the report's sections the metrics read are written and parsed (a drain time needs no VM timelines).
        var sections = definition.Metrics.Select(m => ReportFieldPath.Section(m.Field)).ToHashSet(StringComparer.Ordinal);
        IReadOnlyDictionary<string, double?> Evaluate(StudyPoint point, int replication)
        {
            var result = ClusterSimulation.Run(specs[point.Index] with { Replication = replication });

            // One compact write and parse of the report (UTF-8, no string, a buffer per thread) for all the metrics.
            return JsonReport.Read(result, sections, root => definition.Metrics.ToDictionary(
                m => m.Name,
                m => m.Aggregate == "count" ? ReportFieldPath.Count(root, m.Field) : Aggregates.Apply(m.Aggregate, ReportFieldPath.Values(root, m.Field)),
                StringComparer.Ordinal));
        }

        return (definition, Evaluate);
    }

    /// <summary>A progress line with an ETA on a terminal, redrawn in place; nothing when output is not a terminal.</summary>
    private static IProgress<StudyProgress>? Progress(CliContext ctx)
    {
        if (!ctx.Interactive)
        {
            return null;
        }

        object gate = new();
        return new SyncProgress(p =>
        {
            lock (gate)
            {
                int ran = p.Done - p.Skipped;
                string eta = ran > 0 ? TimeSpan.FromSeconds(p.Elapsed.TotalSeconds / ran * (p.Total - p.Done)).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "--:--:--";
                int width = 30, filled = p.Total == 0 ? width : width * p.Done / p.Total;
                ctx.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {p.Done}/{p.Total} cases, ETA {eta}   ");
            }
        });
    }

    private sealed class SyncProgress(Action<StudyProgress> report) : IProgress<StudyProgress>
    {
        public void Report(StudyProgress value) => report(value);
    }
}
