using HyperVSim.Reports;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using HyperVSim.Model;
using HyperVSim.Model.Results;
using HyperVSim.Model.Transports;
using HyperVSim.Reports.Json;

namespace HyperVSim.Reports.Tests.Formats;

/// <summary>
/// docs/report.schema.json describes exactly what <see cref="JsonReport"/> writes: walked together with the reports
/// of runs that take every branch of the writer, each object holds the declared keys (no more, no fewer unless the
/// schema rules them out), in the declared order, with values of the declared kinds and enums.
/// </summary>
public sealed class JsonSchemaConformanceTests
{
    private static readonly Lazy<JsonElement> SchemaRoot = new(() =>
        JsonDocument.Parse(File.ReadAllText(RepoFiles.PathOf("docs", "report.schema.json"))).RootElement);

    private static JsonElement Schema => SchemaRoot.Value;

    private static JsonElement Report(string run) => JsonDocument.Parse(JsonReport.ToJson(ReportRuns.Named(run))).RootElement;

    private static JsonElement Def(string name) => Schema.GetProperty("$defs").GetProperty(name);

    public static TheoryData<string> Runs => ReportRuns.Names;

    [Fact]
    public void The_schema_is_draft_2020_12_and_names_the_report_version()
    {
        Schema.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
        Schema.GetProperty("properties").GetProperty("schema").GetProperty("const").GetString().Should().Be(JsonReport.Schema);
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Every_report_conforms_key_for_key(string run)
    {
        var walker = new SchemaWalker(Schema);

        walker.Check(Report(run)).Should().BeEmpty(because: $"the {run} report must match docs/report.schema.json");
    }

    [Fact]
    public void The_runs_take_every_branch_of_the_writer()
    {
        var walker = new SchemaWalker(Schema);
        foreach (string run in ReportRuns.Names.Select(n => n.Data))
        {
            walker.Check(Report(run)).Should().BeEmpty();
        }

        foreach (var (path, types) in walker.DeclaredProperties())
        {
            var kinds = walker.Seen.Where(s => s.Path == path).Select(s => s.Kind).ToHashSet();
            kinds.Should().NotBeEmpty(because: $"some run must write {path}");
            foreach (string type in types)
            {
                kinds.Should().Contain(k => SchemaWalker.Satisfies(k, type), because: $"some run must write {path} as {type}");
            }
        }

        var results = ReportRuns.All.SelectMany(r => r.Migrations).Select(m => WireNames.Of(m.Result)).ToHashSet();
        results.Should().BeEquivalentTo(Enums(Def("migration"), "result"));
        var phaseKinds = ReportRuns.All.SelectMany(r => r.Migrations).SelectMany(m => m.Phases).Select(p => WireNames.Of(p.Kind)).ToHashSet();
        phaseKinds.Should().BeEquivalentTo(Enums(Def("phase"), "kind"));
    }

    [Fact]
    public void The_walker_finds_what_breaks_the_schema()
    {
        // Mutations of a conforming report, each of which the walker must report (and a validator would reject).
        JsonNode Base() => JsonNode.Parse(JsonReport.ToJson(ReportRuns.NoRoomResult))!;
        var cases = new (string What, Action<JsonNode> Break)[]
        {
            ("an undeclared key", r => r["vms"]![0]!.AsObject()["extra"] = 1),
            ("a missing required key", r => r["vms"]![0]!.AsObject().Remove("host")),
            ("a missing reason on a failed migration", r => r["migrations"]![1]!.AsObject().Remove("reason")),
            ("a reason on a completed migration", r => r["migrations"]![0]!.AsObject()["reason"] = "x"),
            ("a pass number on a setup phase", r => r["migrations"]![0]!["phases"]![0]!.AsObject()["pass"] = 0),
            ("a pass without its throttle", r => r["migrations"]![0]!["phases"]![1]!.AsObject().Remove("guestThrottle")),
            ("a string for an integer", r => r["seed"] = "3"),
            ("a fraction for an integer", r => r["migrations"]![0]!["bytesOnWire"] = 1.5),
            ("null where null is not allowed", r => r["migrations"]![0]!["startedAt"] = null),
            ("a value outside an enum", r => r["migrations"]![0]!["limitedBy"] = "cpu"),
            ("a negative time", r => r["vms"]![0]!["downtimeSeconds"] = -1),
            ("another schema version", r => r["schema"] = "hypervsim.report/v2"),
            ("keys out of order", r =>
            {
                JsonObject vm = r["vms"]![0]!.AsObject();
                JsonNode? name = vm["name"];
                vm.Remove("name");
                vm["name"] = name?.DeepClone();
            }),
        };

        new SchemaWalker(Schema).Check(JsonDocument.Parse(Base().ToJsonString()).RootElement).Should().BeEmpty();
        foreach (var (what, breakIt) in cases)
        {
            JsonNode broken = Base();
            breakIt(broken);
            new SchemaWalker(Schema).Check(JsonDocument.Parse(broken.ToJsonString()).RootElement)
                .Should().NotBeEmpty(because: $"{what} breaks the schema");
        }
    }

    [Fact]
    public void Every_closed_object_says_when_each_optional_key_is_absent()
    {
        // A key that is neither required nor ruled in or out by a condition would make the key set a guess.
        foreach (JsonElement def in Schema.GetProperty("$defs").EnumerateObject().Select(p => p.Value).Prepend(Schema))
        {
            var declared = def.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
            var required = def.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).ToHashSet();
            var conditional = def.TryGetProperty("allOf", out JsonElement all)
                ? all.EnumerateArray().SelectMany(c => new[] { "then", "else" }.Where(b => c.TryGetProperty(b, out _)).Select(b => c.GetProperty(b)))
                    .SelectMany(b => (b.TryGetProperty("required", out JsonElement r) ? r.EnumerateArray().Select(x => x.GetString()!) : [])
                        .Concat(b.TryGetProperty("properties", out JsonElement p) ? p.EnumerateObject().Where(x => x.Value.ValueKind == JsonValueKind.False).Select(x => x.Name) : []))
                    .ToHashSet()
                : [];

            def.GetProperty("additionalProperties").GetBoolean().Should().BeFalse();
            required.Should().BeSubsetOf(declared);
            declared.Except(required).Should().BeSubsetOf(conditional);
        }
    }

    [Fact]
    public void Every_field_has_a_description_and_every_number_a_unit()
    {
        foreach (var (path, types) in new SchemaWalker(Schema).DeclaredProperties())
        {
            JsonElement property = PropertyAt(path);
            property.TryGetProperty("description", out JsonElement d).Should().BeTrue(because: $"{path} needs a description");
            d.GetString().Should().NotBeNullOrWhiteSpace();
            string name = path[(path.LastIndexOf('.') + 1)..];
            if (types.Contains("number") || types.Contains("integer"))
            {
                string? unit = property.TryGetProperty("unit", out JsonElement u) ? u.GetString() : null;
                if (name is "seed" or "generation")
                {
                    unit.Should().BeNull(because: "a seed or a VM generation is a number without a unit");
                }
                else if (name == "at" || name.EndsWith("At", StringComparison.Ordinal) || name.EndsWith("Seconds", StringComparison.Ordinal) || name == "seconds")
                {
                    unit.Should().Be("seconds", because: $"{path} is a time");
                }
                else if (name.EndsWith("Bytes", StringComparison.Ordinal) || name.StartsWith("bytes", StringComparison.Ordinal))
                {
                    unit.Should().Be("bytes", because: $"{path} is a size");
                }
                else if (path.Contains("latencyMs", StringComparison.Ordinal))
                {
                    unit.Should().Be("milliseconds", because: $"{path} is a disk latency");
                }
                else if (name.EndsWith("Iops", StringComparison.Ordinal) || name == "iops")
                {
                    unit.Should().Be("per second", because: $"{path} is a rate of I/Os");
                }
                else
                {
                    unit.Should().BeOneOf(["count", "fraction"], because: $"{path} is a number and needs a unit");
                }
            }

            if (types.Contains("null"))
            {
                types.Should().HaveCount(2, because: $"{path} is one type or null");
                if (property.TryGetProperty("enum", out JsonElement e))
                {
                    e.EnumerateArray().Should().Contain(v => v.ValueKind == JsonValueKind.Null, because: $"{path} may be null, so its enum lists null");
                }
            }
        }
    }

    [Fact]
    public void Enums_follow_the_model()
    {
        Enums(Def("migration"), "option").Should().BeEquivalentTo(MigrationTransports.Names.Append("none"), "a storage live migration uses no transport");
        Enums(Def("vm"), "state").Should().BeEquivalentTo(Enum.GetNames<VmState>().Select(n => n.ToLowerInvariant()));
        Enums(Def("migration"), "result").Should().BeEquivalentTo("completed", "failed", "cancelled");
        Enums(Def("phase"), "kind").Should().BeEquivalentTo(Enum.GetValues<PhaseKind>().Select(WireNames.Of));
        Enums(Def("migration"), "limitedBy").Should().BeEquivalentTo("nic", "link", "streamCeiling", "compressionCpu", "dirtyRate", "storage", "storageRate", "queue");
        Enums(Def("phase"), "limitedBy").Should().BeSubsetOf(Enums(Def("migration"), "limitedBy"));
    }

    private static string[] Enums(JsonElement def, string property) =>
        def.GetProperty("properties").GetProperty(property).GetProperty("enum").EnumerateArray()
            .Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray();

    /// <summary>The schema of a declared property from its path (<c>$.migrations[].phases[].kind</c>).</summary>
    private static JsonElement PropertyAt(string path)
    {
        var walker = new SchemaWalker(Schema);
        JsonElement node = Schema;
        foreach (string step in path[2..].Split('.'))
        {
            bool many = step.EndsWith("[]", StringComparison.Ordinal);
            string name = many ? step[..^2] : step;
            while (node.TryGetProperty("$ref", out JsonElement r))
            {
                node = walker.Pointer(r.GetString()!);
            }

            node = node.GetProperty("properties").GetProperty(name);
            if (many)
            {
                node = node.GetProperty("items");
            }
        }

        return node;
    }
}
