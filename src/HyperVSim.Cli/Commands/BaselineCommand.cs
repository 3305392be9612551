using System.CommandLine;
using HyperVSim.Model;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using HyperVSim.Reports.Json;
using HyperVSim.Reports.Output;

namespace HyperVSim.Cli.Commands;

/// <summary><c>hypervsim baseline update [FOLDER]</c>: run every scenario of a folder and store its JSON report as the baseline.</summary>
internal static class BaselineCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var folder = new Argument<string>("folder") { Description = "Folder of scenario files (*.yaml, *.yml)", DefaultValueFactory = _ => "scenarios" };
        var output = new Option<string?>("--out") { Description = "Where baselines go (default: FOLDER/baselines)" };
        var update = new Command("update", "Run every scenario in a folder and write its JSON report as the baseline") { folder, output };
        update.SetAction(pr => Update(context(pr), pr.GetValue(folder)!, pr.GetValue(output)));
        return new Command("baseline", "Manage stored timing baselines for 'compare'") { update };
    }

    private static int Update(CliContext ctx, string folder, string? output)
    {
        if (!Directory.Exists(folder))
        {
            return ctx.Refuse($"error: '{folder}' is not a folder. Fix: pass the folder that holds your scenario files.");
        }

        string outDir = output ?? Path.Combine(folder, "baselines");
        string[] files = ScenarioFolder.Files(folder);
        if (files.Length == 0)
        {
            return ctx.Refuse($"error: no *.yaml or *.yml scenarios in '{folder}'. Fix: pass the folder that holds your scenario files.");
        }

        string[] targets = files.Select(f => Path.GetFileNameWithoutExtension(f) + ".json").ToArray();
        if (targets.Distinct(OutputCheck.PathComparer).Count() < targets.Length)
        {
            string twice = targets.GroupBy(t => t, OutputCheck.PathComparer).First(g => g.Count() > 1).Key;
            return ctx.Refuse($"error: two scenarios in '{folder}' would both write the baseline {twice} (a .yaml and a .yml of the same name). Fix: rename one of them.");
        }

        OutputTarget? outTarget = OutputTarget.For("--out", outDir, targets);
        if (OutputCheck.Problem([outTarget], files.Select(f => ("the scenario", f))) is { } refused)
        {
            return ctx.Refuse(refused);
        }

        // Load everything first: one bad scenario leaves every baseline untouched.
        var specs = new List<(string File, ScenarioSpec Spec)>();
        foreach (string file in files)
        {
            ScenarioSpec? spec = ScenarioInput.Load(file, ctx);
            if (spec is null)
            {
                return ExitCodes.InvalidInput;
            }

            specs.Add((file, spec));
        }

        // Write everything as one set: a failure leaves every baseline as it was.
        var summaries = new List<string>();
        try
        {
            using var set = new OutputSet();
            set.CreateFolder(outDir);
            foreach (var (file, spec) in specs)
            {
                SimulationResult result = ClusterSimulation.Run(spec);
                string target = Path.Combine(outDir, Path.GetFileNameWithoutExtension(file) + ".json");
                set.Add(target, s => JsonReport.Write(result, s));
                summaries.Add($"{target}: {result.Migrations.Count} migrations, {result.Drains.Count} drains");
            }

            set.Commit();
        }
        catch (OutputWriteException ex)
        {
            return ctx.Refuse($"error: {ex.Message}. No baseline was changed.");
        }

        summaries.ForEach(ctx.Out.WriteLine);
        return ExitCodes.Ok;
    }
}
