using FluentAssertions;

namespace HyperVSim.Cli.Tests;

/// <summary>
/// Golden files: two small scenarios rendered in every format and compared byte for byte with the files kept in
/// Golden/NAME/. After an intended change, regenerate them with HVS_UPDATE_GOLDEN=1 dotnet test and review the diff.
/// </summary>
public sealed class GoldenFileTests
{
    private static readonly string GoldenRoot = Path.Combine(Cli.Root, "tests", "HyperVSim.Cli.Tests", "Golden");

    [Theory]
    [InlineData("quickstart")]
    [InlineData("options-side-by-side")]
    public void Every_format_matches_its_golden_file(string scenario)
    {
        string dir = Cli.TempDir();
        var (exit, console, error) = Cli.Run("run", Cli.Scenario(scenario + ".yaml"),
            "--json", Path.Combine(dir, "report.json"), "--csv", Path.Combine(dir, "csv"), "--markdown", Path.Combine(dir, "report.md"),
            "--html", Path.Combine(dir, "report.html"), "--trace", Path.Combine(dir, "trace.json"));
        exit.Should().Be(0, error);
        File.WriteAllText(Path.Combine(dir, "console.txt"), console);

        string golden = Path.Combine(GoldenRoot, scenario);
        string[] produced = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal).ToArray();
        produced.Should().Contain(["console.txt", "report.json", "report.md", "report.html", "trace.json", Path.Combine("csv", "migrations.csv"), Path.Combine("csv", "phases.csv")]);
        if (Environment.GetEnvironmentVariable("HVS_UPDATE_GOLDEN") == "1")
        {
            if (Directory.Exists(golden))
            {
                Directory.Delete(golden, recursive: true);
            }

            foreach (string f in produced)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(golden, f))!);
                File.Copy(Path.Combine(dir, f), Path.Combine(golden, f));
            }

            return;
        }

        Directory.Exists(golden).Should().BeTrue($"golden files for {scenario} are missing: run HVS_UPDATE_GOLDEN=1 dotnet test");
        Directory.GetFiles(golden, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(golden, f)).Order(StringComparer.Ordinal)
            .Should().Equal(produced, "the same set of files is produced");
        foreach (string f in produced)
        {
            File.ReadAllText(Path.Combine(dir, f)).Should().Be(File.ReadAllText(Path.Combine(golden, f)),
                $"{scenario}/{f} differs from its golden file; if the change is intended, run HVS_UPDATE_GOLDEN=1 dotnet test and review the diff");
        }
    }
}
