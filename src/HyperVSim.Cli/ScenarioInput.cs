using HyperVSim.Model;
using HyperVSim.Model.Specs;
using HyperVSim.Scenarios;

namespace HyperVSim.Cli;

/// <summary>Loads a scenario for a command, printing every problem with file, line and column when it is invalid.</summary>
internal static class ScenarioInput
{
    /// <summary>The scenario, or null after printing its errors to standard error.</summary>
    public static ScenarioSpec? Load(string path, CliContext ctx)
    {
        try
        {
            ScenarioSpec spec = ScenarioLoader.LoadFile(path);
            IReadOnlyList<string> unsupported = ClusterSimulation.Unsupported(spec);
            if (unsupported.Count > 0)
            {
                foreach (string problem in unsupported)
                {
                    ctx.Error.WriteLine($"{path}: {problem}. Fix: remove the event for now.");
                }

                ctx.Error.WriteLine($"{unsupported.Count} event(s) in {path} cannot be simulated yet; nothing was run.");
                return null;
            }

            ctx.Log.Information("Loaded scenario {Name} from {Path}: {Hosts} hosts, {Vms} VMs, {Events} events", spec.Name, path, spec.Hosts.Count, spec.Vms.Count, spec.Events.Count);
            return spec;
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
    }
}
