using System.Text.Json;
using FluentAssertions;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Json;

namespace HyperVSim.Reports.Tests.Formats;

/// <summary>
/// The JSON report keeps the contract's "Report (JSON)" section: its example's field names and kinds, times as
/// numbers of seconds, sizes as integers of bytes, and the relations the contract defines between fields.
/// </summary>
public sealed class JsonContractTests
{
    /// <summary>The contract's example, field by field, with the JSON kind each has there.</summary>
    private static readonly (string Field, string Kind)[] TopLevel =
        [("schema", "string"), ("scenario", "string"), ("seed", "integer"), ("simulatedSeconds", "number"), ("migrations", "array"), ("vms", "array")];

    private static readonly (string Field, string Kind)[] MigrationFields =
    [
        ("vm", "string"), ("from", "string"), ("to", "string"), ("kind", "string"), ("option", "string"),
        ("requestedAt", "number"), ("startedAt", "number"), ("completedAt", "number"),
        ("totalSeconds", "number"), ("blackoutSeconds", "number"), ("rounds", "integer"),
        ("memoryBytes", "integer"), ("bytesOnWire", "integer"), ("cpuSeconds", "number"),
        ("network", "string"), ("limitedBy", "string"), ("result", "string"),
    ];

    private static readonly (string Field, string Kind)[] VmFields =
        [("name", "string"), ("host", "string"), ("state", "string"), ("outages", "integer"), ("downtimeSeconds", "number")];

    /// <summary>Times are rounded to the nanosecond, so a difference of two may be off by one in the last place each.</summary>
    private const double Nanosecond = 1e-9;

    public static TheoryData<string> Runs => ReportRuns.Names;

    private static JsonElement Report(string run) => JsonDocument.Parse(JsonReport.ToJson(ReportRuns.Named(run))).RootElement;

    [Fact]
    public void A_completed_migration_has_the_contracts_fields_with_its_kinds()
    {
        JsonElement report = Report(nameof(ReportRuns.Single));

        HasFields(report, TopLevel, "the report");
        report.GetProperty("schema").GetString().Should().Be("hypervsim.report/v1");
        report.GetProperty("scenario").GetString().Should().Be(ReportRuns.SingleResult.Scenario);
        report.GetProperty("seed").GetInt64().Should().Be(7);
        JsonElement m = report.GetProperty("migrations").EnumerateArray().Single();
        HasFields(m, MigrationFields, "a completed migration");
        m.GetProperty("vm").GetString().Should().Be(ReportRuns.AwkwardVm);
        m.GetProperty("kind").GetString().Should().Be("live");
        m.GetProperty("result").GetString().Should().Be("completed");
        foreach (JsonElement vm in report.GetProperty("vms").EnumerateArray().Where(v => v.GetProperty("host").ValueKind != JsonValueKind.Null))
        {
            HasFields(vm, VmFields, "a VM on a host");
        }
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Every_run_writes_the_contracts_field_names(string run)
    {
        JsonElement report = Report(run);

        Names(report).Should().Contain(TopLevel.Select(f => f.Field));
        foreach (JsonElement m in report.GetProperty("migrations").EnumerateArray())
        {
            Names(m).Should().Contain(MigrationFields.Select(f => f.Field));
            string result = m.GetProperty("result").GetString()!;
            result.Should().BeOneOf("completed", "failed", "cancelled");
            if (result != "completed")
            {
                m.GetProperty("reason").GetString().Should().NotBeNullOrWhiteSpace(because: "a migration that did not complete says why");
            }
        }

        foreach (JsonElement vm in report.GetProperty("vms").EnumerateArray())
        {
            Names(vm).Should().Contain(VmFields.Select(f => f.Field));
            vm.GetProperty("state").GetString().Should().BeOneOf("running", "off", "saved", "paused", "failed");
        }
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Migration_times_relate_as_the_contract_defines(string run)
    {
        foreach (JsonElement m in Report(run).GetProperty("migrations").EnumerateArray())
        {
            string vm = m.GetProperty("vm").GetString()!;
            double requested = m.GetProperty("requestedAt").GetDouble();
            double? started = Number(m, "startedAt");
            double? completed = Number(m, "completedAt");
            double? total = Number(m, "totalSeconds");
            if (started is { } s && completed is { } c)
            {
                total.Should().NotBeNull();
                total!.Value.Should().BeApproximately(c - s, Nanosecond, because: $"totalSeconds of {vm} is completedAt − startedAt");
                m.GetProperty("queuedSeconds").GetDouble().Should().BeApproximately(s - requested, Nanosecond, because: $"queueing of {vm} is startedAt − requestedAt");
            }
            else
            {
                total.Should().BeNull(because: $"{vm} has no start or no end, so no total");
            }

            JsonElement[] phases = m.GetProperty("phases").EnumerateArray().ToArray();
            m.GetProperty("rounds").GetInt32().Should().Be(phases.Count(p => p.GetProperty("kind").GetString() == "pass"),
                because: "rounds counts the passes made while the VM ran, the blackout not");
            m.GetProperty("bytesOnWire").GetInt64().Should().Be(phases.Sum(p => p.GetProperty("bytesOnWire").GetInt64()),
                because: "bytesOnWire counts every payload byte sent, blackout included");
            foreach (JsonElement p in phases)
            {
                p.GetProperty("seconds").GetDouble().Should().BeApproximately(
                    p.GetProperty("completedAt").GetDouble() - p.GetProperty("startedAt").GetDouble(), Nanosecond);
            }

            if (m.GetProperty("result").GetString() == "completed" && m.GetProperty("kind").GetString() != "storage")
            {
                // A storage live migration's switch does not pause the guest; a quick migration's outage includes save and restore.
                double paused = phases.Where(p => p.GetProperty("kind").GetString() is "blackout" or "switchover" or "save" or "restore").Sum(p => p.GetProperty("seconds").GetDouble());
                m.GetProperty("blackoutSeconds").GetDouble().Should().BeApproximately(paused, 2 * Nanosecond,
                    because: "blackoutSeconds is the time the guest did not run: blackout and switch-over (save and restore for quick)");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void The_summary_and_drains_add_up(string run)
    {
        SimulationResult r = ReportRuns.Named(run);
        JsonElement report = Report(run);
        JsonElement summary = report.GetProperty("summary");

        summary.GetProperty("migrations").GetInt32().Should().Be(r.Migrations.Count);
        (summary.GetProperty("completed").GetInt32() + summary.GetProperty("failed").GetInt32() + summary.GetProperty("cancelled").GetInt32())
            .Should().Be(r.Migrations.Count);
        summary.GetProperty("bytesOnWire").GetInt64().Should().Be(r.Migrations.Sum(m => m.BytesOnWire));
        Number(summary, "lastMigrationCompletedAt").Should().Be(
            r.Migrations.Where(m => m.Result == MigrationResult.Completed).Select(m => m.CompletedAt).Max() is { } last ? JsonReport.Round(last) : null);
        report.GetProperty("simulatedSeconds").GetDouble().Should().Be(JsonReport.Round(r.SimulatedSeconds));
        foreach (JsonElement d in report.GetProperty("drains").EnumerateArray())
        {
            (d.GetProperty("moved").GetInt32() + d.GetProperty("failed").GetInt32()).Should().BeLessThanOrEqualTo(d.GetProperty("vms").GetInt32());
            if (Number(d, "completedAt") is { } done)
            {
                Number(d, "totalSeconds").Should().BeApproximately(done - d.GetProperty("requestedAt").GetDouble(), Nanosecond);
            }
            else
            {
                Number(d, "totalSeconds").Should().BeNull();
            }
        }
    }

    [Fact]
    public void A_drain_with_no_room_fails_the_vm_with_no_destination_and_a_reason()
    {
        JsonElement failed = Report(nameof(ReportRuns.NoRoom)).GetProperty("migrations").EnumerateArray()
            .Single(m => m.GetProperty("result").GetString() == "failed");

        failed.GetProperty("vm").GetString().Should().Be("big");
        failed.GetProperty("to").ValueKind.Should().Be(JsonValueKind.Null);
        failed.GetProperty("requestedBy").GetString().Should().Be("cluster");
        failed.GetProperty("reason").GetString().Should().StartWith("no node can take big");
        failed.GetProperty("startedAt").ValueKind.Should().Be(JsonValueKind.Null);
        failed.GetProperty("phases").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void A_run_stopped_by_until_cancels_what_was_under_way_and_leaves_the_drain_unfinished()
    {
        JsonElement report = Report(nameof(ReportRuns.Stopped));
        JsonElement[] cancelled = report.GetProperty("migrations").EnumerateArray().Where(m => m.GetProperty("result").GetString() == "cancelled").ToArray();

        report.GetProperty("simulatedSeconds").GetDouble().Should().Be(12);
        cancelled.Should().NotBeEmpty();
        cancelled.Should().AllSatisfy(m =>
        {
            m.GetProperty("completedAt").ValueKind.Should().Be(JsonValueKind.Null);
            m.GetProperty("reason").GetString().Should().Contain("until");
        });
        cancelled.Should().Contain(m => m.GetProperty("startedAt").ValueKind == JsonValueKind.Null, because: "some were still queued");
        cancelled.Should().Contain(m => m.GetProperty("startedAt").ValueKind == JsonValueKind.Number, because: "some had started");
        report.GetProperty("drains")[0].GetProperty("completedAt").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void The_file_is_indented_utf8_with_a_final_newline()
    {
        using var ms = new MemoryStream();
        JsonReport.Write(ReportRuns.SingleResult, ms);
        byte[] bytes = ms.ToArray();

        bytes.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF }, because: "there is no byte-order mark");
        bytes[^1].Should().Be((byte)'\n');
        System.Text.Encoding.UTF8.GetString(bytes).Should().StartWith("{\n  \"schema\": \"hypervsim.report/v1\",\n");
    }

    private static void HasFields(JsonElement obj, (string Field, string Kind)[] fields, string what)
    {
        foreach (var (field, kind) in fields)
        {
            obj.TryGetProperty(field, out JsonElement v).Should().BeTrue(because: $"{what} has '{field}'");
            SchemaWalker.Satisfies(SchemaWalker.KindOf(v), kind).Should().BeTrue(because: $"'{field}' of {what} is a {kind} as in the contract, not {v.GetRawText()}");
        }
    }

    private static IEnumerable<string> Names(JsonElement obj) => obj.EnumerateObject().Select(p => p.Name);

    private static double? Number(JsonElement obj, string name) =>
        obj.GetProperty(name) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;
}
