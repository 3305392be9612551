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
        var folder = new Argument<string>("folder") { Description = "Folder of scenario files (*.yaml)", DefaultValueFactory = _ => "scenarios" };
        var output = new Option<string?>("--out") { Description = "Where baselines go (default: FOLDER/baselines)" };
        var update = new Command("update", "Run every scenario in a folder and write its JSON report as the baseline") { folder, output };
        update.SetAction(pr => Update(context(pr), pr.GetValue(folder)!, pr.GetValue(output)));
        return new Command("baseline", "Manage stored timing baselines for 'compare'") { update };
    }

    private static int Update(CliContext ctx, string folder, string? output)
    {
        if (!Directory.Exists(folder))
        {
            ctx.Error.WriteLine($"error: '{folder}' is not a folder. Fix: pass the folder that holds your scenario files.");
            return ExitCodes.InvalidInput;
        }

        string outDir = output ?? Path.Combine(folder, "baselines");
        string[] files = ScenarioFolder.Files(folder);
        if (files.Length == 0)
        {
            ctx.Error.WriteLine($"error: no *.yaml scenarios in '{folder}'.");
            return ExitCodes.InvalidInput;
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

        foreach (var (file, spec) in specs)
        {
            SimulationResult result = ClusterSimulation.Run(spec);
            string target = Path.Combine(outDir, Path.GetFileNameWithoutExtension(file) + ".json");
            AtomicFile.Write(target, s => JsonReport.Write(result, s));
            ctx.Out.WriteLine($"{target}: {result.Migrations.Count} migrations, {result.Drains.Count} drains");
        }

        return ExitCodes.Ok;
    }
}
