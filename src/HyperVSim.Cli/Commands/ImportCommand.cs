using System.CommandLine;
using HyperVSim.Model.Specs;
using HyperVSim.Reports.Output;
using HyperVSim.Scenarios;
using HyperVSim.Scenarios.Import;

namespace HyperVSim.Cli.Commands;

/// <summary>
/// <c>hypervsim import INVENTORY.json --out S.yaml [--anonymize] [--only-node N]... [--only-vm V]...</c> and
/// <c>hypervsim import-events EVENTS.json --out measured.csv</c>: the collector's files (docs/import.md) into a
/// scenario and a calibration CSV. The mapping lives in HyperVSim.Scenarios.Import; this only wires it.
/// </summary>
internal static class ImportCommand
{
    /// <summary>Commands whose <c>--out</c> names one file (for the others it is a folder).</summary>
    public static readonly IReadOnlyList<string> FileOutCommands = ["import", "import-events"];

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var inventory = new Argument<string>("inventory") { Description = "Inventory JSON written by tools/Export-HyperVSimInventory.ps1" };
        var output = new Option<string>("--out") { Description = "Scenario file to write (YAML)", Required = true };
        var anonymize = new Option<bool>("--anonymize") { Description = "Replace host, VM, network, volume and NIC names by stable hashed names" };
        var onlyNode = new Option<string[]>("--only-node") { Description = "Keep only this node and its VMs (repeatable)", AllowMultipleArgumentsPerToken = false };
        var onlyVm = new Option<string[]>("--only-vm") { Description = "Keep only this VM (repeatable)", AllowMultipleArgumentsPerToken = false };
        var cmd = new Command("import", "Write a scenario from a cluster inventory, with every estimate marked") { inventory, output, anonymize, onlyNode, onlyVm };
        cmd.SetAction(pr =>
        {
            CliContext ctx = context(pr);
            string input = pr.GetValue(inventory)!;
            string outPath = pr.GetValue(output)!;
            var options = new ImportOptions { Anonymize = pr.GetValue(anonymize), OnlyNodes = pr.GetValue(onlyNode) ?? [], OnlyVms = pr.GetValue(onlyVm) ?? [] };
            return Convert(ctx, input, outPath, "scenario.yaml", () =>
            {
                ImportResult r = InventoryImporter.ImportFile(input, options);

                // The scenario must load as any other before it is written: a refusal here is a gap in the importer
                // (an internal error, exit code 3), not a problem of the inventory.
                ScenarioSpec spec = ScenarioLoader.LoadText(r.Yaml, outPath, ScenarioLoadOptions.ForSimulation);
                return (r.Yaml, () => Summarize(ctx, r, spec, input, outPath));
            });
        });
        return cmd;
    }

    public static Command CreateEvents(Func<ParseResult, CliContext> context)
    {
        var events = new Argument<string>("events") { Description = "Live-migration events written by the collector with -EventDays" };
        var output = new Option<string>("--out") { Description = "Measurement CSV to write (the columns hypervsim calibrate reads)", Required = true };
        var cmd = new Command("import-events", "Write the measurement CSV of hypervsim calibrate from exported live-migration events") { events, output };
        cmd.SetAction(pr =>
        {
            CliContext ctx = context(pr);
            string input = pr.GetValue(events)!;
            string outPath = pr.GetValue(output)!;
            return Convert(ctx, input, outPath, "measured.csv", () =>
            {
                EventsImportResult r = MigrationEventsImporter.ImportFile(input);
                return (r.Csv, () =>
                {
                    ctx.Out.WriteLine($"{outPath}: {r.Rows} measured live migrations from {input}");
                    r.Notes.ToList().ForEach(n => ctx.Out.WriteLine($"  note: {n}"));
                });
            });
        });
        return cmd;
    }

    /// <summary>Checks the output, converts the input, writes the text atomically, then reports; bad input is exit code 2.</summary>
    private static int Convert(CliContext ctx, string input, string outPath, string example, Func<(string Text, Action Report)> convert)
    {
        if (!File.Exists(input))
        {
            return ctx.Refuse(Directory.Exists(input) ? $"error: '{input}' is a folder; give the JSON file the collector wrote" : $"error: '{input}' does not exist. Fix: give the JSON file the collector wrote");
        }

        if (OutputCheck.Problem([new OutputTarget("--out", outPath, example)], [("the input", input)]) is { } problem)
        {
            return ctx.Refuse(problem);
        }

        (string Text, Action Report) done;
        try
        {
            done = convert();
        }
        catch (ImportException ex)
        {
            foreach (ScenarioError e in ex.Errors)
            {
                ctx.Error.WriteLine(e.ToString());
            }

            ctx.Error.WriteLine($"{ex.Errors.Count} error(s) in {input}; nothing was written.");
            return ExitCodes.InvalidInput;
        }

        try
        {
            using var set = new OutputSet();
            set.AddText(outPath, done.Text);
            set.Commit();
        }
        catch (OutputWriteException ex)
        {
            return ctx.Refuse($"error: {ex.Message}. Nothing was written.");
        }

        done.Report();
        return ExitCodes.Ok;
    }

    private static void Summarize(CliContext ctx, ImportResult r, ScenarioSpec spec, string input, string outPath)
    {
        ctx.Out.WriteLine($"{outPath}: scenario '{spec.Name}' from {input}: {r.Hosts} hosts, {r.Vms} VMs");
        ctx.Out.WriteLine("Estimates (the inventory cannot know these; each line carries a comment 'estimate: ...'):");
        foreach (ImportEstimate e in r.Estimates)
        {
            ctx.Out.WriteLine($"  {e.Key} = {e.Value} ({e.Count}x): {e.Why}");
        }

        foreach (string n in r.Notes)
        {
            ctx.Out.WriteLine($"  note: {n}");
        }
    }
}
