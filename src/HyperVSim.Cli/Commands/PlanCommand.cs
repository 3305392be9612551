using System.CommandLine;
using System.Globalization;
using HyperVSim.Engine;
using HyperVSim.Experiments.Planning;
using HyperVSim.Model.Specs;
using HyperVSim.Reports.Output;
using HyperVSim.Reports.Planning;
using HyperVSim.Scenarios;

namespace HyperVSim.Cli.Commands;

/// <summary>
/// <c>hypervsim plan patch-night S.yaml [--order H,H,..] [--max-parallel N] [--install D] [--reboot D] [--failback M]
/// [--replications N] [--install-spread S] [--threads N] [--html FILE]</c> (docs/patch-night.md): wires the options to
/// the planner and its reports.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var defaults = new PatchNightOptions();
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (YAML): its hosts and VMs as they run at time 0 (its events are not run)" };
        var order = new Option<string?>("--order") { Description = "Hosts in update order, comma-separated (default: the scenario's order)" };
        var maxParallel = new Option<int>("--max-parallel") { Description = "Nodes in maintenance at once (default 1, as CAU)", DefaultValueFactory = _ => defaults.MaxParallel };
        var install = new Option<string>("--install") { Description = "Install time per node (default 20m)", DefaultValueFactory = _ => "20m" };
        var reboot = new Option<string>("--reboot") { Description = "Reboot time per node, down to back (default 5m)", DefaultValueFactory = _ => "5m" };
        var failback = new Option<string>("--failback") { Description = "none or immediate (default, as CAU)", DefaultValueFactory = _ => "immediate" };
        var replications = new Option<int>("--replications") { Description = "Runs with drawn install times for the CAU time-outs (default 20; 0: none)", DefaultValueFactory = _ => defaults.Replications };
        var spread = new Option<double>("--install-spread") { Description = "In those runs, install time uniform in install × [1 − s, 1 + s] (default 0.5)", DefaultValueFactory = _ => defaults.InstallSpread };
        var threads = new Option<int>("--threads") { Description = "Runs at once (default: every core); results do not depend on it", DefaultValueFactory = _ => Environment.ProcessorCount };
        var html = new Option<string?>("--html") { Description = "Also write the plan as an HTML page with the Gantt" };
        var patch = new Command("patch-night", "Cluster-Aware-Updating-style run over every node: total time, Gantt, VM downtime, slowest node, CAU time-outs")
        {
            scenario, order, maxParallel, install, reboot, failback, replications, spread, threads, html,
        };
        patch.SetAction(pr => PatchNight(context(pr), pr.GetValue(scenario)!, pr.GetValue(html), pr.GetValue(threads), pr.GetValue(order),
            pr.GetValue(maxParallel), pr.GetValue(install)!, pr.GetValue(reboot)!, pr.GetValue(failback)!, pr.GetValue(replications), pr.GetValue(spread)));
        return new Command("plan", "Plan maintenance on the cluster model") { patch };
    }

    private static int PatchNight(CliContext ctx, string path, string? html, int threads, string? order, int maxParallel, string install, string reboot,
        string failback, int replications, double spread)
    {
        if (!Units.TryParseDuration(install, out SimTime installTime) || !Units.TryParseDuration(reboot, out SimTime rebootTime))
        {
            return ctx.Refuse($"--install '{install}' and --reboot '{reboot}' need durations, e.g. --install 20m --reboot 5m");
        }

        FailbackMode? mode = failback switch { "none" => FailbackMode.None, "immediate" => FailbackMode.Immediate, _ => null };
        if (mode is null)
        {
            return ctx.Refuse($"--failback '{failback}' must be none or immediate");
        }

        if (threads < 1)
        {
            return ctx.Refuse("--threads needs a whole number of at least 1");
        }

        if (OutputCheck.Problem([OutputTarget.For("--html", html)], [("the scenario", path)]) is { } refused)
        {
            return ctx.Refuse(refused);
        }

        if (ScenarioInput.Load(path, ctx) is not { } spec)
        {
            return ExitCodes.InvalidInput;
        }

        var options = new PatchNightOptions
        {
            Order = order?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            MaxParallel = maxParallel,
            Install = installTime,
            Reboot = rebootTime,
            Failback = mode.Value,
            Replications = replications,
            InstallSpread = spread,
        };
        if (options.Problems(spec) is { Count: > 0 } problems)
        {
            return ctx.Refuse($"{path}: " + string.Join("\n", problems));
        }

        PatchNightPlan plan;
        try
        {
            plan = PatchNightPlanner.Run(spec, options, threads);
        }
        catch (PatchNightException ex)
        {
            ctx.Error.WriteLine($"{path}: the patch night did not finish: {ex.Message}");
            return ExitCodes.InternalError;
        }

        if (html is not null)
        {
            try
            {
                using var set = new OutputSet();
                set.Add(html, s => PatchNightHtml.Write(plan, s));
                set.Commit();
            }
            catch (OutputWriteException ex)
            {
                return ctx.Refuse($"error: {ex.Message}. Nothing was written.");
            }

            ctx.Log.Information("Wrote {Path}", html);
        }

        PatchNightText.Write(plan, ctx.Out);
        return ExitCodes.Ok;
    }
}
