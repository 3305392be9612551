using FluentAssertions;

namespace HyperVSim.Flow.Tests;

/// <summary>
/// The public surface of HyperVSim.Flow compared with the checked-in PublicApi.Flow.txt, so that every
/// change to it is deliberate and visible in review.
/// </summary>
public sealed class PublicApiTests
{
    private const string Listing = "PublicApi.Flow.txt";
    private const string UpdateVariable = "HVS_UPDATE_PUBLIC_API";

    [Fact]
    public void The_public_API_of_Flow_matches_the_checked_in_listing()
    {
        string actual = PublicApiListing.Of(typeof(FlowNetwork).Assembly);
        string expectedPath = Path.Combine(AppContext.BaseDirectory, Listing);
        string expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).ReplaceLineEndings("\n") : string.Empty;
        if (actual == expected)
        {
            return;
        }

        string? source = SourceListing();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1" && source is not null)
        {
            File.WriteAllText(source, actual);
            return;
        }

        string actualPath = Path.Combine(AppContext.BaseDirectory, "PublicApi.Flow.actual.txt");
        File.WriteAllText(actualPath, actual);
        string[] before = expected.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] after = actual.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Fail(
            $"The public API of HyperVSim.Flow no longer matches tests/HyperVSim.Flow.Tests/{Listing}.\n" +
            "Added:\n" + string.Join("\n", after.Except(before).Select(l => "  + " + l.Trim())) + "\n" +
            "Removed:\n" + string.Join("\n", before.Except(after).Select(l => "  - " + l.Trim())) + "\n" +
            "If the change is intended, update the listing and review its diff: run " +
            $"`{UpdateVariable}=1 dotnet test --project tests/HyperVSim.Flow.Tests` from the repository root, " +
            $"or copy {actualPath} over tests/HyperVSim.Flow.Tests/{Listing}.");
    }

    [Fact]
    public void The_listing_shows_types_members_and_defaults_but_no_internals()
    {
        string listing = PublicApiListing.Of(typeof(FlowNetwork).Assembly);

        listing.Should().Contain("sealed class HyperVSim.Flow.FlowNetwork\n");
        listing.Should().Contain(
            "    HyperVSim.Flow.Flow Start(System.String name, System.Double amount, System.Collections.Generic.IReadOnlyList<HyperVSim.Flow.Resource> path, System.Double bound = Infinity, System.Double weight = 1)");
        listing.Should().Contain("    event System.Action<System.Collections.Generic.IReadOnlyList<HyperVSim.Flow.Flow>>? RatesChanged");
        listing.Should().Contain("    HyperVSim.Flow.Resource? Bottleneck { get; }", "nullable annotations are part of the API");
        listing.Should().NotContain("MaxMinSolver", "the solver is internal");
        listing.Should().NotContain("RemainingAtUpdate", "internal members are not part of the API");
    }

    /// <summary>The listing in the source tree: the test binaries sit below the repository root (where HyperVSim.sln is).</summary>
    private static string? SourceListing()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HyperVSim.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "HyperVSim.Flow.Tests", Listing);
            }
        }

        return null;
    }
}
