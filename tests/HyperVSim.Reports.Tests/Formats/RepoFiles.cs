namespace HyperVSim.Reports.Tests.Formats;

/// <summary>Files of the repository (the folder holding HyperVSim.sln), found from the test assembly upwards.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

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
