using System.CommandLine;
using System.Globalization;
using HyperVSim.Experiments.Survivability;
using HyperVSim.Model.Specs;

namespace HyperVSim.Cli.Commands;

/// <summary>
/// <c>hypervsim survivability S.yaml --failures R [--threads N] [--max-sets N]</c>: for every set of R hosts failing at
/// once (or a seeded sample), which VMs with automatic start would not run again, and the memory they need, by priority.
/// </summary>
internal static class SurvivabilityCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (YAML): its hosts and VMs as they run at time 0" };
        var failures = new Option<int>("--failures") { Description = "R: how many hosts fail at once", Required = true };
        var threads = new Option<int>("--threads") { Description = "Sets run at once (default: every core)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var maxSets = new Option<int>("--max-sets") { Description = "Most sets run; beyond it a seeded sample of that many (default 1000)", DefaultValueFactory = _ => 1000 };
        var cmd = new Command("survivability", "N+R: which VMs would not restart if any R hosts failed at once") { scenario, failures, threads, maxSets };
        cmd.SetAction(pr => Execute(context(pr), pr.GetValue(scenario)!, pr.GetValue(failures), pr.GetValue(threads), pr.GetValue(maxSets)));
        return cmd;
    }

    private static int Execute(CliContext ctx, string path, int failures, int threads, int maxSets)
    {
        if (ScenarioInput.Load(path, ctx) is not { } spec)
        {
            return ExitCodes.InvalidInput;
        }

        if (failures < 1 || failures >= spec.Hosts.Count)
        {
            return ctx.Refuse($"--failures must be from 1 to {spec.Hosts.Count - 1}: {path} has {spec.Hosts.Count} hosts");
        }

        if (threads < 1 || maxSets < 1)
        {
            return ctx.Refuse("--threads and --max-sets need a whole number of at least 1");
        }

        SurvivabilityReport r = SurvivabilityAnalysis.Run(spec, failures, maxSets, threads, spec.Seed);
        string sets = r.Sampled
            ? $"a seeded sample of {r.Sets.Count} of the {r.SetsInAll.ToString("N0", CultureInfo.InvariantCulture)} sets"
            : $"all {r.Sets.Count} sets";
        ctx.Out.WriteLine($"N+{failures} survivability of {spec.Name}: {sets} of {failures} host{(failures == 1 ? "" : "s")} failing at once, {SurvivabilityAnalysis.Horizon.Seconds / 60:0} minutes to restart");
        ctx.Out.WriteLine();
        if (r.Failing.Count == 0)
        {
            ctx.Out.WriteLine($"Every VM with automatic start runs again after every set ({spec.Vms.Count(v => v.Priority > 0 && v.State == VmInitialState.Running)} VMs).");
            return ExitCodes.Ok;
        }

        ctx.Out.WriteLine($"{r.Failing.Count} of {r.Sets.Count} sets leave VMs off. Worst first:");
        ctx.Out.WriteLine();
        ctx.Out.WriteLine("  Failed hosts          VMs off   Memory     By priority (VMs, memory)");
        foreach (SetResult s in r.Failing.OrderByDescending(s => s.ShortfallBytes).ThenBy(s => string.Join("+", s.Hosts), StringComparer.Ordinal).Take(10))
        {
            string by = string.Join(", ", s.ByPriority.Select(p => $"{p.Priority}: {p.Vms} ({GiB(p.Bytes)})"));
            ctx.Out.WriteLine($"  {string.Join("+", s.Hosts),-20}  {s.Lost.Count,7}   {GiB(s.ShortfallBytes),-9}  {by}");
        }

        SetResult worst = r.Worst!;
        ctx.Out.WriteLine();
        ctx.Out.WriteLine($"Why, for {string.Join("+", worst.Hosts)}:");
        foreach (LostVm v in worst.Lost.OrderByDescending(v => v.Priority).Take(10))
        {
            ctx.Out.WriteLine($"  {v.Vm} (priority {v.Priority}, {GiB(v.MemoryBytes)}): {v.Reason}");
        }

        return ExitCodes.Ok;
    }

    private static string GiB(long bytes) => (bytes / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture) + " GiB";
}
