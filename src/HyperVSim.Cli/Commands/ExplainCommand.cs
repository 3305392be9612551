using System.CommandLine;
using HyperVSim.Experiments.Comparison;
using HyperVSim.Reports.Text;
using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Cli.Commands;

/// <summary>
/// <c>hypervsim explain REPORT.json --vm NAME</c>: the VM's story from a JSON report, one sentence a line (VmStory);
/// exit 2 for an unknown VM (with a did-you-mean) or a report that cannot be read (with the JSON path).
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var report = new Argument<string>("report") { Description = "JSON report written by 'hypervsim run S --json FILE'" };
        var vm = new Option<string>("--vm") { Description = "The VM whose story to tell", Required = true };
        var cmd = new Command("explain", "Tell a VM's story from a JSON report: its state changes and the failovers that affected it, in time order")
        {
            report, vm,
        };
        cmd.SetAction(pr => Execute(context(pr), pr.GetValue(report)!, pr.GetValue(vm)!));
        return cmd;
    }

    private static int Execute(CliContext ctx, string path, string vm)
    {
        StoryReport story;
        try
        {
            story = StoryReport.Parse(File.ReadAllText(path), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ctx.Refuse($"error: cannot read '{path}': {ex.Message}");
        }
        catch (ReportFormatException ex)
        {
            return ctx.Refuse($"{ex.Message}. Fix: pass a report written by 'hypervsim run S --json FILE'.");
        }

        if (VmStory.Tell(story, vm) is not { } lines)
        {
            string names = string.Join(", ", story.Vms.Take(10).Select(v => v.Name)) + (story.Vms.Count > 10 ? ", ..." : string.Empty);
            string hint = Suggestions.Closest(vm, story.Vms.Select(v => v.Name)) is { } close ? $"did you mean '{close}'?" : $"its VMs are {names}";
            return ctx.Refuse(story.Vms.Count == 0
                ? $"error: '{path}' has no VMs, so there is no '{vm}' to explain."
                : $"error: '{path}' has no VM '{vm}'; {hint}");
        }

        foreach (string line in lines)
        {
            ctx.Out.WriteLine(line);
        }

        return ExitCodes.Ok;
    }
}
