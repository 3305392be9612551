using System.Text.Json;
using FluentAssertions;

namespace HyperVSim.Cli.Tests;

/// <summary>The boot keys and events through the CLI: a boot scenario reports its boots and sessions; bad boot keys exit 2 at file:line:column and write nothing.</summary>
public sealed class BootKeysTests
{
    private const string Bad = """
        name: bad-boot
        hosts:
          - { name: hv, count: 1, memory: 64GiB }
        storage: [ { name: csv1 } ]
        vms:
          - { name: g2, generation: 2, memory: 2GiB, host: hv1, guestOs: ws2012r2, disks: [ { name: os, size: 40GiB, controller: ide, storage: csv1 } ] }
        """;

    [Fact]
    public void A_boot_scenario_reports_each_boot_with_its_phases_and_each_console_session()
    {
        string dir = Cli.TempDir();
        string json = Path.Combine(dir, "r.json"), csv = Path.Combine(dir, "csv");

        var (exit, _, error) = Cli.Run("run", Cli.Scenario("boot-gen1-vs-gen2.yaml"), "--quiet", "--json", json, "--csv", csv);

        exit.Should().Be(0, error);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(json));
        JsonElement boots = doc.RootElement.GetProperty("boots");
        boots.EnumerateArray().Select(b => b.GetProperty("vm").GetString()).Should().BeEquivalentTo("gen1", "gen2");
        boots.EnumerateArray().Should().OnlyContain(b => b.GetProperty("phases").GetArrayLength() > 0 && b.GetProperty("runningAt").GetDouble() > b.GetProperty("requestedAt").GetDouble());
        doc.RootElement.GetProperty("sessions").GetArrayLength().Should().Be(3);
        File.ReadAllLines(Path.Combine(csv, "boots.csv")).Should().HaveCount(3, "a header and one row per boot");
    }

    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    public void A_generation_2_disk_on_ide_exits_2_at_its_line_and_column_and_writes_nothing(string command)
    {
        string dir = Cli.TempDir();
        string scenario = Path.Combine(dir, "s.yaml"), json = Path.Combine(dir, "r.json");
        File.WriteAllText(scenario, Bad + "\n");
        string line = Bad.Split('\n')[5];
        int column = line.IndexOf("ide", StringComparison.Ordinal) + 1;

        var (exit, output, error) = command == "run" ? Cli.Run("run", scenario, "--quiet", "--json", json) : Cli.Run("validate", scenario);

        exit.Should().Be(2);
        error.Should().Contain($"{scenario}:6:{column}: vms[0].disks[0].controller").And.Contain("write controller: scsi");
        output.Should().BeEmpty();
        Directory.GetFileSystemEntries(dir).Should().Equal(scenario);
    }
}
