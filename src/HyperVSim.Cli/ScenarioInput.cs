using HyperVSim.Model.Specs;
using HyperVSim.Scenarios;

namespace HyperVSim.Cli;

/// <summary>
/// Loads a scenario for a command, printing every problem with file, line and column when it is invalid. Fail and
/// repair events, which this version does not simulate, are refused by the loader at their line and column.
/// </summary>
internal static class ScenarioInput
{
    /// <summary>The scenario, or null after printing its errors to standard error.</summary>
    public static ScenarioSpec? Load(string path, CliContext ctx, IReadOnlyList<ScenarioOverride>? overrides = null)
    {
        if (Directory.Exists(path))
        {
            ctx.Error.WriteLine(FolderGiven(path));
            return null;
        }

        try
        {
            ScenarioSpec spec = ScenarioLoader.LoadFile(path, ScenarioLoadOptions.ForSimulation with { Overrides = overrides ?? [] });
            ctx.Log.Information("Loaded scenario {Name} from {Path}: {Hosts} hosts, {Vms} VMs, {Events} events", spec.Name, path, spec.Hosts.Count, spec.Vms.Count, spec.Events.Count);
            return spec;
        }
        catch (ScenarioException ex)
        {
            PrintErrors(ex, path, ctx, "run");
            return null;
        }
    }

    /// <summary>Prints each error of <paramref name="ex"/> with file, line and column, then the count and that nothing was <paramref name="done"/>.</summary>
    public static void PrintErrors(ScenarioException ex, string path, CliContext ctx, string done)
    {
        foreach (ScenarioError e in ex.Errors)
        {
            ctx.Error.WriteLine(e.ToString());
        }

        ctx.Error.WriteLine($"{ex.Errors.Count} error(s) in {path}; nothing was {done}.");
    }

    /// <summary>The one-line refusal of a folder given where a scenario file belongs, with a file of it as the example.</summary>
    private static string FolderGiven(string folder)
    {
        string[] files = ScenarioFolder.Files(folder);
        string example = files.Length > 0 ? files[0] : Path.Combine(folder, "quickstart.yaml");
        string more = files.Length > 1 ? $" ({files.Length} scenario files in it)" : files.Length == 0 ? " (it holds no *.yaml or *.yml files)" : string.Empty;
        return $"error: '{folder}' is a folder{more}; give a scenario file, e.g. {example}";
    }
}
