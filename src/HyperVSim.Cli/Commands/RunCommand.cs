using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using HyperVSim.Model;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using HyperVSim.Reports.Output;
using HyperVSim.Reports.Text;
using HyperVSim.Scenarios;

namespace HyperVSim.Cli.Commands;

/// <summary><c>hypervsim run SCENARIO</c>: simulate one scenario and write its reports.</summary>
internal static class RunCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (YAML)" };
        var json = new Option<string?>("--json") { Description = "Write the JSON report (hypervsim.report/v1) to this file" };
        var csv = new Option<string?>("--csv") { Description = "Write tidy CSV tables (migrations, phases, drains, vms, series) into this folder" };
        var markdown = new Option<string?>("--markdown") { Description = "Write a Markdown summary to this file" };
        var html = new Option<string?>("--html") { Description = "Write a self-contained HTML report with plots to this file" };
        var trace = new Option<string?>("--trace") { Description = "Write a Chrome trace-event file (open in Perfetto or chrome://tracing)" };
        var seed = new Option<long?>("--seed") { Description = "Override the scenario's seed", CustomParser = ParseSeed };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing on success (errors still go to standard error)" };
        var set = new Option<string[]>("--set") { Description = "Set a scenario value for this run: PATH=VALUE, e.g. cluster.liveMigration.option=smb or hosts[name=hv].nics[name=lm1].speed=40Gbps (repeatable)", AllowMultipleArgumentsPerToken = false };
        var overlay = new Option<string?>("--overlay") { Description = "Apply an overlay file of 'key.path: value' lines (as written by calibrate) before any --set" };
        var cmd = new Command("run", "Simulate a scenario and report its timings") { scenario, json, csv, markdown, html, trace, seed, quiet, set, overlay };
        cmd.SetAction(pr => Execute(
            context(pr),
            pr.GetValue(scenario)!,
            new OutputPaths(pr.GetValue(json), pr.GetValue(csv), pr.GetValue(markdown), pr.GetValue(html), pr.GetValue(trace)),
            pr.GetValue(seed),
            pr.GetValue(quiet),
            pr.GetValue(set) ?? [],
            pr.GetValue(overlay)));
        return cmd;
    }

    /// <summary>The one-line refusal of a --seed that is not a whole number, saying what a seed is.</summary>
    internal static readonly string SeedHelp =
        $"--seed takes a whole number from {long.MinValue.ToString(CultureInfo.InvariantCulture)} to {long.MaxValue.ToString(CultureInfo.InvariantCulture)}, e.g. --seed 42";

    private static long? ParseSeed(ArgumentResult result)
    {
        if (result.Tokens.Count == 1 && long.TryParse(result.Tokens[0].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            return value;
        }

        result.AddError(SeedHelp);
        return null;
    }

    private static int Execute(CliContext ctx, string path, OutputPaths outputs, long? seed, bool quiet, string[] sets, string? overlay)
    {
        var overrides = new List<ScenarioOverride>();
        if (overlay is not null)
        {
            try
            {
                overrides.AddRange(ScenarioOverlay.LoadFile(overlay));
            }
            catch (ScenarioException ex)
            {
                ScenarioInput.PrintErrors(ex, overlay, ctx, "run");
                return ExitCodes.InvalidInput;
            }
        }

        foreach (string text in sets)
        {
            if (ScenarioOverride.Parse(text, "--set") is not { } o)
            {
                return ctx.Refuse($"--set '{text}' needs PATH=VALUE, e.g. --set cluster.liveMigration.option=smb");
            }

            overrides.Add(o);
        }

        (string, string)[] inputs = overlay is null ? [("the scenario", path)] : [("the scenario", path), ("the overlay", overlay)];
        if (OutputCheck.Problem(ReportFiles.Targets(outputs), inputs) is { } refused)
        {
            return ctx.Refuse(refused);
        }

        ScenarioSpec? spec = ScenarioInput.Load(path, ctx, overrides);
        if (spec is null)
        {
            return ExitCodes.InvalidInput;
        }

        if (seed is { } s)
        {
            spec = spec with { Seed = s };
        }

        var clock = Stopwatch.StartNew();
        SimulationResult result;
        try
        {
            result = ctx.Interactive && !quiet ? RunWithStatus(spec) : ClusterSimulation.Run(spec);
        }
        catch (ModelStallException ex)
        {
            ctx.Error.WriteLine($"{path}: {ex.Message}");
            ctx.Error.WriteLine("No report was written. This is a bug in HyperVSim's model: please report it with the scenario.");
            return ExitCodes.InternalError;
        }

        ctx.Log.Information("Simulated {Seconds:0.###} s in {Events} events, {Wall} ms wall", result.SimulatedSeconds, result.EventsProcessed, clock.ElapsedMilliseconds);
        try
        {
            ReportFiles.Write(result, outputs, ctx);
        }
        catch (OutputWriteException ex)
        {
            return ctx.Refuse($"error: {ex.Message}. Nothing was written.");
        }

        if (!quiet)
        {
            ConsoleSummary.Write(result, ctx.Out, colour: ctx.Interactive);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Runs with a live status line (interactive terminals only): simulated time and events so far.</summary>
    private static SimulationResult RunWithStatus(ScenarioSpec spec)
    {
        SimulationResult? result = null;
        Spectre.Console.AnsiConsole.Status().Start("Simulating...", status =>
        {
            result = ClusterSimulation.Run(spec, progress: new ThrottledProgress(p => status.Status =
                $"Simulating: {HumanUnits.Seconds(p.Now.Seconds)} simulated" +
                (p.Fraction is { } f ? $" ({f:P0} of until)" : string.Empty) +
                $", {p.Events:N0} events"));
        });
        return result!;
    }

    /// <summary>Forwards at most ten reports a second, on the simulating thread.</summary>
    private sealed class ThrottledProgress(Action<RunProgress> show) : IProgress<RunProgress>
    {
        private long _last;

        public void Report(RunProgress value)
        {
            long now = Environment.TickCount64;
            if (now - _last >= 100)
            {
                _last = now;
                show(value);
            }
        }
    }
}
