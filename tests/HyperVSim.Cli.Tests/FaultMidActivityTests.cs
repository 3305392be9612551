using FluentAssertions;
using Xunit;

namespace HyperVSim.Cli.Tests;

/// <summary>Activities hit by a fault half-way end failed with a reason, never completed as if nothing happened.</summary>
public sealed class FaultMidActivityTests
{
    [Fact]
    public void A_storage_move_whose_destination_volume_fails_mid_copy_fails_with_the_reason()
    {
        string dir = Cli.TempDir();
        string scenario = Path.Combine(dir, "s.yaml");
        string text = File.ReadAllText(Cli.Scenario("shared-nothing-move.yaml"))
            .Replace("  - { name: csv2, kind: csv }", "  - { name: csv2, kind: csv, bandwidth: 1GB/s }", StringComparison.Ordinal)
            + "  - { at: 5s, fail: { storage: csv2 } }\n";
        File.WriteAllText(scenario, text);
        string json = Path.Combine(dir, "r.json");

        Cli.Run("run", scenario, "--quiet", "--json", json).Exit.Should().Be(0);

        string report = File.ReadAllText(json);
        report.Should().Contain("\"reason\": \"the transfer failed: volume csv2 failed\"");
    }
}
