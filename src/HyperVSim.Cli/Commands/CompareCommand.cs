using System.CommandLine;
using HyperVSim.Experiments.Comparison;
using HyperVSim.Reports.Comparison;
using HyperVSim.Reports.Output;

namespace HyperVSim.Cli.Commands;

/// <summary>
/// <c>hypervsim compare BASELINE CURRENT</c>: JSON reports (files, or folders of them matched by file name)
/// compared record by record; exit 1 on a regression, 2 on a malformed file.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var baseline = new Argument<string>("baseline") { Description = "Baseline JSON report, or a folder of them" };
        var current = new Argument<string>("current") { Description = "Current JSON report, or a folder of them (matched by file name)" };
        var tolerance = new Option<string>("--tolerance") { Description = "Relative change allowed for every metric (default 1%)", DefaultValueFactory = _ => "1%" };
        var metric = new Option<string[]>("--metric") { Description = "Per-metric tolerance, e.g. totalSeconds=2% (repeatable)" };
        var floor = new Option<string[]>("--floor") { Description = "Absolute change ignored for a metric, e.g. blackoutSeconds=0.005 (repeatable)" };
        var junit = new Option<string?>("--junit") { Description = "Also write JUnit XML to this file" };
        var markdown = new Option<string?>("--markdown") { Description = "Also write a Markdown summary (for a pull-request comment) to this file" };
        var onlyRegressions = new Option<bool>("--only-regressions") { Description = "Show only failing records (console and Markdown), with a count of the rest" };
        var cmd = new Command("compare", "Compare reports against baselines; exit 1 when a timing regressed past its tolerance")
        {
            baseline, current, tolerance, metric, floor, junit, markdown, onlyRegressions,
        };
        cmd.SetAction(pr => Execute(context(pr), pr.GetValue(baseline)!, pr.GetValue(current)!, pr.GetValue(tolerance)!,
            pr.GetValue(metric) ?? [], pr.GetValue(floor) ?? [], pr.GetValue(junit), pr.GetValue(markdown), pr.GetValue(onlyRegressions)));
        return cmd;
    }

    private static int Execute(CliContext ctx, string baselinePath, string currentPath, string tolerance, string[] metrics, string[] floors, string? junit, string? markdown, bool onlyRegressions)
    {
        Tolerances tol;
        try
        {
            tol = BuildTolerances(tolerance, metrics, floors);
        }
        catch (FormatException ex)
        {
            return ctx.Refuse($"error: {ex.Message}");
        }

        List<(string Name, string? Baseline, string? Current)> pairs;
        try
        {
            pairs = Pair(baselinePath, currentPath);
        }
        catch (IOException ex)
        {
            return ctx.Refuse($"error: {ex.Message}");
        }

        if (pairs.Count == 0)
        {
            return ctx.Refuse($"error: no *.json reports in '{baselinePath}' or '{currentPath}'; there is nothing to compare. Fix: pass the folders that hold the reports (write them with 'hypervsim run S --json FILE' or 'hypervsim baseline update').");
        }

        var inputs = pairs.SelectMany(p => new[] { ("the baseline report", p.Baseline), ("the current report", p.Current) })
            .Where(i => i.Item2 is not null).Select(i => (i.Item1, i.Item2!)).ToList();
        if (OutputCheck.Problem([OutputTarget.For("--junit", junit), OutputTarget.For("--markdown", markdown)], inputs) is { } refused)
        {
            return ctx.Refuse(refused);
        }

        var rows = new List<ComparisonRow>();
        int compared = 0;
        try
        {
            foreach (var (name, b, c) in pairs)
            {
                if (b is null || c is null)
                {
                    rows.Add(new ComparisonRow(name, "report", name, string.Empty, b is null ? "missing" : "present", c is null ? "missing" : "present", null, 0, b is null ? Verdict.New : Verdict.Missing));
                    continue;
                }

                ComparisonResult one = BaselineComparer.Compare(ReportParser.Parse(File.ReadAllText(b), b), ReportParser.Parse(File.ReadAllText(c), c), tol);
                rows.AddRange(one.Rows);
                compared += one.RecordsCompared;
            }
        }
        catch (ReportFormatException ex)
        {
            return ctx.Refuse($"{ex.Message}. Fix: pass reports written by 'hypervsim run S --json FILE'.");
        }

        var result = new ComparisonResult(rows, compared);
        ComparisonText.Write(result, ctx.Out, onlyRegressions);
        try
        {
            using var files = new OutputSet();
            if (junit is not null)
            {
                files.AddText(junit, ComparisonText.ToJUnit(result));
            }

            if (markdown is not null)
            {
                files.AddText(markdown, ComparisonText.ToMarkdown(result, onlyRegressions));
            }

            files.Commit();
        }
        catch (OutputWriteException ex)
        {
            return ctx.Refuse($"error: {ex.Message}. Nothing was written.");
        }

        return result.HasRegression ? ExitCodes.Regression : ExitCodes.Ok;
    }

    private static Tolerances BuildTolerances(string tolerance, string[] metrics, string[] floors)
    {
        var per = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string m in metrics)
        {
            var (name, value) = Tolerances.ParseAssignment(m);
            per[name] = Tolerances.ParsePercent(value, $"--metric {name}=");
        }

        var floorMap = new Dictionary<string, double>(Tolerances.DefaultFloors, StringComparer.Ordinal);
        foreach (string f in floors)
        {
            var (name, value) = Tolerances.ParseAssignment(f);
            floorMap[name] = double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) && v >= 0
                ? v
                : throw new FormatException($"'{f}': the floor must be a non-negative number in the metric's unit (seconds, bytes, count)");
        }

        return new Tolerances { Global = Tolerances.ParsePercent(tolerance, "--tolerance "), PerMetric = per, Floors = floorMap };
    }

    /// <summary>Two files, or two folders whose *.json files are paired by name (a file on one side only is a missing or new report).</summary>
    private static List<(string, string?, string?)> Pair(string baseline, string current)
    {
        if (File.Exists(baseline) && File.Exists(current))
        {
            return [(Path.GetFileNameWithoutExtension(baseline), baseline, current)];
        }

        if (Directory.Exists(baseline) && Directory.Exists(current))
        {
            var names = Directory.GetFiles(baseline, "*.json").Select(Path.GetFileName)
                .Concat(Directory.GetFiles(current, "*.json").Select(Path.GetFileName))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            return names.Select(n => (Path.GetFileNameWithoutExtension(n!),
                File.Exists(Path.Combine(baseline, n!)) ? Path.Combine(baseline, n!) : null,
                File.Exists(Path.Combine(current, n!)) ? Path.Combine(current, n!) : (string?)null)).ToList();
        }

        string missing = !File.Exists(baseline) && !Directory.Exists(baseline) ? baseline : current;
        throw new IOException(File.Exists(missing) || Directory.Exists(missing)
            ? $"'{baseline}' and '{current}' must both be files or both be folders"
            : $"'{missing}' does not exist");
    }
}
