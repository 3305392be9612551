using System.CommandLine;
using HyperVSim.Model.Specs;

namespace HyperVSim.Cli.Commands;

/// <summary><c>hypervsim validate SCENARIO</c>: check a scenario without running it.</summary>
internal static class ValidateCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (YAML)" };
        var cmd = new Command("validate", "Check a scenario file and print every problem with its line and column") { scenario };
        cmd.SetAction(pr =>
        {
            CliContext ctx = context(pr);
            string path = pr.GetValue(scenario)!;
            ScenarioSpec? spec = ScenarioInput.Load(path, ctx);
            if (spec is null)
            {
                return ExitCodes.InvalidInput;
            }

            ctx.Out.WriteLine($"{path}: valid ({spec.Hosts.Count} hosts, {spec.Vms.Count} VMs, {spec.Events.Count} events)");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
