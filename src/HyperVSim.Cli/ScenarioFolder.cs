namespace HyperVSim.Cli;

/// <summary>The scenario files of a folder (*.yaml and *.yml, not recursive), in ordinal name order.</summary>
internal static class ScenarioFolder
{
    public static string[] Files(string folder) =>
        Directory.GetFiles(folder, "*.yaml").Concat(Directory.GetFiles(folder, "*.yml"))
            .Order(StringComparer.Ordinal).ToArray();
}
