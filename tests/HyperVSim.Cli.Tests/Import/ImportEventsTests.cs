using FluentAssertions;
using HyperVSim.Scenarios.Calibration;
using HyperVSim.Scenarios.Import;

namespace HyperVSim.Cli.Tests.Import;

/// <summary><c>hypervsim import-events</c>: exported live-migration events to the measurement CSV <c>hypervsim calibrate</c> reads.</summary>
public sealed class ImportEventsTests
{
    /// <summary>Two overlapping migrations from HV01, one alone from HV02, a start that never completed, and one of no measured length.</summary>
    public const string Events = """
        {
          "schema": "hypervsim.migration-events",
          "schemaVersion": 1,
          "collectedAt": "2026-11-20T08:00:00Z",
          "days": 7,
          "hosts": [
            { "name": "HV01", "performanceOption": "Compression", "linkSpeedBps": 10000000000 },
            { "name": "HV02", "performanceOption": "SMB", "linkSpeedBps": 40000000000 }
          ],
          "vms": [
            { "id": "a", "name": "A", "memoryBytes": 4294967296 },
            { "id": "b", "name": "B", "memoryBytes": 8589934592 },
            { "id": "c", "name": "C", "memoryBytes": 17179869184 }
          ],
          "events": [
            { "id": 20413, "machine": "HV01", "time": "2026-11-19T00:00:00Z", "vmName": "A", "vmId": "a", "blackoutSeconds": null },
            { "id": 20413, "machine": "HV01", "time": "2026-11-19T00:00:05Z", "vmName": "B", "vmId": "b", "blackoutSeconds": null },
            { "id": 20415, "machine": "HV01", "time": "2026-11-19T00:00:20Z", "vmName": "A", "vmId": "{A}", "blackoutSeconds": 0.25 },
            { "id": 20417, "machine": "HV01", "time": "2026-11-19T00:00:30Z", "vmName": "B", "vmId": "b", "blackoutSeconds": 1.5 },
            { "id": 20413, "machine": "HV02", "time": "2026-11-19T01:00:00Z", "vmName": "C", "vmId": "c", "blackoutSeconds": null },
            { "id": 20415, "machine": "HV02", "time": "2026-11-19T01:01:04.5Z", "vmName": "C", "vmId": "c", "blackoutSeconds": null },
            { "id": 20413, "machine": "HV02", "time": "2026-11-19T02:00:00Z", "vmName": "A", "vmId": "a", "blackoutSeconds": null },
            { "id": 20413, "machine": "HV02", "time": "2026-11-19T03:00:00Z", "vmName": "B", "vmId": "b", "blackoutSeconds": null },
            { "id": 20415, "machine": "HV02", "time": "2026-11-19T03:00:00Z", "vmName": "B", "vmId": "b", "blackoutSeconds": 0 }
          ]
        }
        """;

    [Fact]
    public void Events_become_one_csv_row_per_completed_migration_with_calibrates_columns()
    {
        string dir = Cli.TempDir();
        string input = Path.Combine(dir, "events.json");
        File.WriteAllText(input, Events);
        string output = Path.Combine(dir, "measured.csv");
        var (exit, stdout, err) = Cli.Run("import-events", input, "--out", output);
        exit.Should().Be(0, err);

        // Totals are completion minus start (20 s, 25 s, 64.5 s); A and B overlap on HV01 (concurrency 2);
        // blackout is the completion event's seconds in ms; the unfinished start is left out and noted.
        File.ReadAllText(output).Should().Be(
            "vm_memory,option,link_speed,concurrency,total_s,blackout_ms,bytes\n" +
            "4GiB,compression,10Gbps,2,20,250,\n" +
            "8GiB,compression,10Gbps,2,25,1500,\n" +
            "16GiB,smb,40Gbps,1,64.5,,\n");
        stdout.Should().Contain("3 measured live migrations").And.Contain("1 started migration(s) have no completion event")
            .And.Contain("1 migration(s) completed in the millisecond they started");
    }

    [Fact]
    public void Event_export_validates_against_its_schema() =>
        MiniSchema.Validate(System.Text.Json.JsonDocument.Parse(Events).RootElement, MiniSchema.Load("migration-events.schema.json")).Should().BeEmpty();

    [Fact]
    public void Header_is_the_calibrate_csv_header() =>
        MigrationEventsImporter.Header.Split(',').Should().Equal(MeasurementCsv.Required.Concat(MeasurementCsv.Optional.Where(c => c != "count")));

    /// <summary>What import-events writes, calibrate's own reader reads back: the same memory, option, speed, concurrency and times.</summary>
    [Fact]
    public void Calibrate_reads_the_csv_import_events_writes()
    {
        string dir = Cli.TempDir();
        string input = Path.Combine(dir, "events.json");
        File.WriteAllText(input, Events);
        string output = Path.Combine(dir, "measured.csv");
        Cli.Run("import-events", input, "--out", output).Exit.Should().Be(0);

        IReadOnlyList<MeasurementRow> rows = MeasurementCsv.LoadFile(output);
        rows.Select(r => (r.VmMemoryBytes, r.Option, r.LinkBitsPerSecond, r.Concurrency, r.TotalSeconds, r.BlackoutSeconds, r.Bytes, r.Count)).Should().Equal(
            (4L << 30, "compression", 1e10, 2, 20.0, (double?)0.25, (double?)null, (int?)null),
            (8L << 30, "compression", 1e10, 2, 25.0, 1.5, null, null),
            (16L << 30, "smb", 4e10, 1, 64.5, null, null, null));
    }

    [Fact]
    public void Unknown_schema_version_and_unknown_host_are_refused_with_line_and_column()
    {
        string dir = Cli.TempDir();
        string input = Path.Combine(dir, "events.json");
        File.WriteAllText(input, Events.Replace("\"schemaVersion\": 1", "\"schemaVersion\": 3", StringComparison.Ordinal));
        var (exit, _, err) = Cli.Run("import-events", input, "--out", Path.Combine(dir, "m.csv"));
        exit.Should().Be(2);
        err.Should().Contain($"{input}:3:20: schemaVersion: schema version 3 is not known");

        File.WriteAllText(input, Events.Replace("\"machine\": \"HV02\", \"time\": \"2026-11-19T01:00:00Z\"", "\"machine\": \"HV09\", \"time\": \"2026-11-19T01:00:00Z\"", StringComparison.Ordinal));
        (exit, _, err) = Cli.Run("import-events", input, "--out", Path.Combine(dir, "m.csv"));
        exit.Should().Be(2);
        err.Should().Contain($"{input}:20:31: events[4].machine: no host is named \"HV09\"");
        File.Exists(Path.Combine(dir, "m.csv")).Should().BeFalse();
    }
}
