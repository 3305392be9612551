using HyperVSim.Reports;
using System.Globalization;
using System.Text.Json;
using FluentAssertions;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Csv;
using HyperVSim.Reports.Json;

namespace HyperVSim.Reports.Tests.Formats;

/// <summary>
/// The CSV tables: each parses as RFC 4180, has one row per record, carries the JSON report's values under the
/// JSON report's field names, joins phases to migrations by (vm, requestedAt), and round-trips awkward names.
/// </summary>
public sealed class CsvReportTests
{
    private static readonly string[] Files =
        ["migrations.csv", "phases.csv", "drains.csv", "vms.csv", "series.csv", "timeline.csv", "failovers.csv", "failover-vms.csv", "quorum.csv", "guest-clusters.csv", "disks.csv", "qos-events.csv", "volumes.csv", "saved-states.csv", "upgrades.csv", "resizes.csv",
         "boots.csv", "boot-phases.csv", "boot-storms.csv", "sessions.csv"];

    public static TheoryData<string> Runs => ReportRuns.Names;

    private static Dictionary<string, string> Tables(SimulationResult r) => CsvReport.Tables(r).ToDictionary(t => t.File, t => t.Text);

    [Theory]
    [MemberData(nameof(Runs))]
    public void Every_file_parses_and_has_a_row_per_record(string run)
    {
        SimulationResult r = ReportRuns.Named(run);
        Dictionary<string, string> tables = Tables(r);

        tables.Keys.Should().Equal(Files);
        foreach (var (file, text) in tables)
        {
            var parse = () => Rfc4180.Parse(text);
            parse.Should().NotThrow(because: $"{file} must be RFC 4180");
        }

        Rfc4180.Rows(tables["migrations.csv"]).Should().HaveCount(r.Migrations.Count);
        Rfc4180.Rows(tables["phases.csv"]).Should().HaveCount(r.Migrations.Sum(m => m.Phases.Count));
        Rfc4180.Rows(tables["drains.csv"]).Should().HaveCount(r.Drains.Count);
        Rfc4180.Rows(tables["vms.csv"]).Should().HaveCount(r.Vms.Count);
        Rfc4180.Rows(tables["series.csv"]).Should().HaveCount(r.Series.Sum(s => s.Points.Count));
        Rfc4180.Rows(tables["timeline.csv"]).Should().HaveCount(r.Vms.Sum(v => v.Timeline.Count));
        Rfc4180.Rows(tables["failovers.csv"]).Should().HaveCount(r.Failovers.Count);
        Rfc4180.Rows(tables["quorum.csv"]).Should().HaveCount(r.Quorum.Count);
        Rfc4180.Rows(tables["guest-clusters.csv"]).Should().HaveCount(r.GuestClusters.Count);
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Cells_hold_the_json_reports_values_under_its_field_names(string run)
    {
        SimulationResult r = ReportRuns.Named(run);
        Dictionary<string, string> tables = Tables(r);
        JsonElement json = JsonDocument.Parse(JsonReport.ToJson(r)).RootElement;
        JsonElement[] migrations = json.GetProperty("migrations").EnumerateArray().ToArray();

        SameValues(Rfc4180.Rows(tables["migrations.csv"]), migrations, "migrations.csv");
        SameValues(Rfc4180.Rows(tables["drains.csv"]), json.GetProperty("drains").EnumerateArray().ToArray(), "drains.csv");
        SameValues(Rfc4180.Rows(tables["vms.csv"]), json.GetProperty("vms").EnumerateArray().ToArray(), "vms.csv");
        SameValues(Rfc4180.Rows(tables["quorum.csv"]), json.GetProperty("quorum").EnumerateArray().ToArray(), "quorum.csv");
        SameValues(Rfc4180.Rows(tables["guest-clusters.csv"]), json.GetProperty("guestClusters").EnumerateArray().ToArray(), "guest-clusters.csv");

        // phases.csv: the parent's key columns, then the phase's own fields (guestThrottle 0 where JSON leaves it out).
        var phaseRows = Rfc4180.Rows(tables["phases.csv"]);
        var phases = migrations.SelectMany(m => m.GetProperty("phases").EnumerateArray().Select(p => (Migration: m, Phase: p))).ToArray();
        phaseRows.Should().HaveCount(phases.Length);
        for (int i = 0; i < phases.Length; i++)
        {
            var (m, p) = phases[i];
            var row = phaseRows[i];
            Same(row["vm"], m.GetProperty("vm"), $"phases.csv row {i + 1} vm");
            Same(row["requestedAt"], m.GetProperty("requestedAt"), $"phases.csv row {i + 1} requestedAt");
            foreach (var (column, cell) in row.Where(c => c.Key is not ("vm" or "requestedAt")))
            {
                if (p.TryGetProperty(column, out JsonElement v))
                {
                    Same(cell, v, $"phases.csv row {i + 1} {column}");
                }
                else
                {
                    (column, cell).Should().BeOneOf([("pass", string.Empty), ("guestThrottle", "0")], because: "only a pass has a number and a throttle");
                }
            }
        }
    }

    [Fact]
    public void Column_names_are_the_json_reports_field_names()
    {
        JsonElement defs = JsonDocument.Parse(File.ReadAllText(RepoFiles.PathOf("docs", "report.schema.json"))).RootElement.GetProperty("$defs");
        string[] Declared(string def) => defs.GetProperty(def).GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();
        Dictionary<string, string[]> headers = Tables(ReportRuns.IdleResult).ToDictionary(t => t.Key, t => Rfc4180.Parse(t.Value)[0]);

        headers["migrations.csv"].Should().BeSubsetOf(Declared("migration"));
        headers["phases.csv"].Take(2).Should().Equal("vm", "requestedAt");
        headers["phases.csv"].Skip(2).Should().BeSubsetOf(Declared("phase"));
        headers["drains.csv"].Should().Equal(Declared("drain"));
        headers["vms.csv"].Should().Equal(Declared("vm").Where(n => n != "timeline"), because: "the timeline has its own file");
        headers["timeline.csv"].Should().Equal(Declared("timelineEntry").Prepend("vm"));
        headers["quorum.csv"].Should().Equal(Declared("quorum"));
        headers["guest-clusters.csv"].Should().Equal(Declared("guestClusterEvent"));
        headers["failovers.csv"].Should().Equal(Declared("failover"), because: "vms and notRecovered are counts there");
        headers["failover-vms.csv"].Should().Equal(Declared("failoverVm").Prepend("failover").Append("reason"));
        headers["series.csv"].Should().Equal("series", "unit", "time", "value");
        headers["disks.csv"].Should().Equal(Declared("disk").Where(n => n != "latencyMs").Take(5).Concat(["latencyMsMean", "latencyMsP95"]).Concat(Declared("disk").Skip(6)));
        headers["qos-events.csv"].Should().Equal(Declared("qosEvent"));
        headers["volumes.csv"].Should().Equal(["name", "kind", "utilisationMean", "utilisationPeak", "iops"]);
        headers["boots.csv"].Should().Equal(Declared("boot").Where(n => n != "phases"), because: "the phases have their own file");
        headers["boot-phases.csv"].Should().Equal(Declared("bootPhase").Prepend("startedAt").Prepend("vm").Take(6).Append("seconds").Concat(Declared("bootPhase").Skip(4)));
        headers["boot-storms.csv"].Should().Equal(Declared("bootStorm"));
        headers["sessions.csv"].Should().Equal(Declared("session"));
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Phases_join_their_migration_by_vm_and_request_time(string run)
    {
        Dictionary<string, string> tables = Tables(ReportRuns.Named(run));
        var migrations = Rfc4180.Rows(tables["migrations.csv"]);
        var phases = Rfc4180.Rows(tables["phases.csv"]);
        IReadOnlyList<MigrationRecord> records = ReportRuns.Named(run).Migrations;

        foreach (var group in phases.GroupBy(p => (Vm: p["vm"], At: p["requestedAt"])))
        {
            var parents = migrations.Select((m, i) => (Row: m, Index: i))
                .Where(m => m.Row["vm"] == group.Key.Vm && m.Row["requestedAt"] == group.Key.At && records[m.Index].Phases.Count > 0)
                .ToArray();
            parents.Should().ContainSingle(because: $"phases of {group.Key} belong to one migration");
            group.Select(p => p["kind"]).Should().Equal(records[parents[0].Index].Phases.Select(p => WireNames.Of(p.Kind)));
        }
    }

    [Fact]
    public void A_vm_name_with_a_comma_and_a_quote_round_trips()
    {
        Dictionary<string, string> tables = Tables(ReportRuns.SingleResult);

        tables["migrations.csv"].Should().Contain("\"web,\"\"blue\"\"|1\"", because: "the field is quoted and its quotes doubled");
        Rfc4180.Rows(tables["migrations.csv"]).Single()["vm"].Should().Be(ReportRuns.AwkwardVm);
        Rfc4180.Rows(tables["phases.csv"]).Select(p => p["vm"]).Should().OnlyContain(v => v == ReportRuns.AwkwardVm).And.NotBeEmpty();
        Rfc4180.Rows(tables["vms.csv"]).Select(v => v["name"]).Should().Equal(ReportRuns.AwkwardVm, "stays", ReportRuns.NowhereVm);
        Rfc4180.Rows(tables["vms.csv"]).Single(v => v["name"] == ReportRuns.NowhereVm)["host"].Should().BeEmpty(because: "null is an empty cell");
    }

    [Fact]
    public void Line_breaks_and_spaces_in_names_round_trip()
    {
        string[] names = ["two\nlines", "cr\r\nlf", " padded ", "\"", ",", "plain"];
        var result = new SimulationResult
        {
            Scenario = "names",
            Seed = 1,
            SimulatedSeconds = 1,
            EventsProcessed = 0,
            Migrations = [],
            Vms = names.Select(n => new VmRecord(n, n, "running", 0, 0)).ToArray(),
        };

        var rows = Rfc4180.Rows(Tables(result)["vms.csv"]);

        rows.Select(r => r["name"]).Should().Equal(names);
        rows.Select(r => r["host"]).Should().Equal(names);
    }

    [Theory]
    [InlineData("a,b\n1\n", "fewer fields than the header")]
    [InlineData("a,b\n1,\"x\"y\n", "text after a closing quote")]
    [InlineData("a,b\n1,x\"y\n", "a quote in an unquoted field")]
    [InlineData("a,b\n1,\"x\n", "an unclosed quote")]
    [InlineData("a,b\n1,2", "no final line break")]
    [InlineData("a,b\n1,2\r3\n", "a lone carriage return")]
    public void The_reader_rejects_what_is_not_rfc_4180(string text, string what)
    {
        var parse = () => Rfc4180.Parse(text);

        parse.Should().Throw<FormatException>(because: what);
    }

    [Fact]
    public void The_reader_reads_quoted_commas_quotes_and_line_breaks()
    {
        Rfc4180.Parse("a,b,c\r\n\"1,2\",\"say \"\"hi\"\"\",\"x\r\ny\"\n,,\n").Should().BeEquivalentTo(
            new string[][] { ["a", "b", "c"], ["1,2", "say \"hi\"", "x\r\ny"], [string.Empty, string.Empty, string.Empty] },
            o => o.WithStrictOrdering());
    }

    /// <summary>Each row's cells equal the same-named fields of the record at the same position in the JSON report.</summary>
    private static void SameValues(List<Dictionary<string, string>> rows, JsonElement[] records, string file)
    {
        rows.Should().HaveCount(records.Length, because: $"{file} has a row per record");
        for (int i = 0; i < rows.Count; i++)
        {
            foreach (var (column, cell) in rows[i])
            {
                if (records[i].TryGetProperty(column, out JsonElement v))
                {
                    Same(cell, v, $"{file} row {i + 1} {column}");
                }
                else
                {
                    // The JSON report leaves out a reason or fallback that is not there; the table has the column and an empty cell.
                    (column, cell).Should().BeOneOf([("reason", string.Empty), ("fallback", string.Empty)], because: $"{file} row {i + 1} {column} is a field of the JSON report");
                }
            }
        }
    }

    private static void Same(string cell, JsonElement value, string where)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                cell.Should().BeEmpty(because: $"{where} is null in JSON");
                break;
            case JsonValueKind.String:
                cell.Should().Be(value.GetString(), because: where);
                break;
            case JsonValueKind.Number:
                double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture).Should().Be(value.GetDouble(), because: where);
                break;
            case JsonValueKind.True or JsonValueKind.False:
                cell.Should().Be(value.GetBoolean() ? "true" : "false", because: where);
                break;
            case JsonValueKind.Array:
                cell.Should().Be(string.Join(' ', value.EnumerateArray().Select(e => e.GetString())), because: $"{where} lists the values separated by spaces");
                break;
            default:
                throw new InvalidOperationException($"{where}: unexpected {value.ValueKind}");
        }
    }
}
