using FluentAssertions;
using Xunit;

namespace HyperVSim.Engine.Tests;

/// <summary>
/// The public surface of HyperVSim.Engine, compared with the checked-in listing PublicApi.Engine.txt, so
/// that every change to it is deliberate and shows up in review.
/// </summary>
public sealed class PublicApiTests
{
    private const string FileName = "PublicApi.Engine.txt";
    private const string UpdateVariable = "HVS_UPDATE_PUBLIC_API";

    [Fact]
    public void The_public_API_matches_the_checked_in_listing()
    {
        string actual = PublicApiListing.Of(typeof(Simulation).Assembly);
        string expectedPath = Path.Combine(AppContext.BaseDirectory, FileName);
        string expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).ReplaceLineEndings("\n") : string.Empty;
        if (actual == expected)
        {
            return;
        }

        string actualPath = Path.Combine(AppContext.BaseDirectory, "PublicApi.Engine.actual.txt");
        File.WriteAllText(actualPath, actual);
        string? source = SourceListing();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1" && source is not null)
        {
            File.WriteAllText(source, actual);
            return;
        }

        var expectedLines = expected.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var actualLines = actual.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string added = string.Join("\n", actualLines.Except(expectedLines).Select(l => "  + " + l.Trim()));
        string removed = string.Join("\n", expectedLines.Except(actualLines).Select(l => "  - " + l.Trim()));
        Assert.Fail(
            $"The public API of HyperVSim.Engine differs from tests/HyperVSim.Engine.Tests/{FileName}.\n" +
            $"Added:\n{added}\nRemoved:\n{removed}\n" +
            "If the change is intended, update the listing: run the tests with " +
            $"{UpdateVariable}=1 (e.g. `{UpdateVariable}=1 dotnet test --project tests/HyperVSim.Engine.Tests`), " +
            $"or copy {actualPath} over tests/HyperVSim.Engine.Tests/{FileName}; then review the diff and commit it.");
    }

    [Fact]
    public void The_listing_shows_members_with_their_defaults()
    {
        string listing = PublicApiListing.Of(typeof(Simulation).Assembly);

        listing.Should().Contain("sealed class HyperVSim.Engine.Simulation\n");
        listing.Should().Contain("  HyperVSim.Engine.Timeout Timeout(HyperVSim.Engine.SimTime delay, System.Object value = null, System.String name = \"timeout\")");
        listing.Should().Contain("  HyperVSim.Engine.RunOutcome Run(HyperVSim.Engine.SimTime? until = null)");
        listing.Should().NotContain("EventQueue", "internal types are not part of the public API");
    }

    /// <summary>The checked-in listing, found by walking up from the test binaries to the repository root.</summary>
    private static string? SourceListing()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "HyperVSim.Engine.Tests", FileName);
            if (File.Exists(Path.Combine(dir.FullName, "HyperVSim.sln")))
            {
                return candidate;
            }
        }

        return null;
    }
}
