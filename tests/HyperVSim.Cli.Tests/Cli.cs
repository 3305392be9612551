namespace HyperVSim.Cli.Tests;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
internal static class Cli
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = HyperVSimCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The repository root (the folder holding HyperVSim.sln), found from the test assembly upwards.</summary>
    public static string Root { get; } = FindRoot();

    public static string Scenario(string name) => Path.Combine(Root, "scenarios", name);

    /// <summary>A new empty folder under the system temp folder.</summary>
    public static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "hvs-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "HyperVSim.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("HyperVSim.sln not found above " + AppContext.BaseDirectory);
    }
}
