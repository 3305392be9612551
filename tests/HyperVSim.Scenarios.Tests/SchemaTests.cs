using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using HyperVSim.Engine;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>docs/scenario.schema.json stays in step with the loader: same keys at every level, patterns that accept what the loader accepts.</summary>
public sealed class SchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Docs", "scenario.schema.json"))).RootElement;

    [Fact]
    public void Schema_declares_draft_2020_12() =>
        Schema.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");

    [Fact]
    public void Every_loader_level_has_the_same_keys_in_the_schema()
    {
        foreach ((string level, IReadOnlyList<string> keys) in ScenarioKeys.Levels)
        {
            JsonElement node = Navigate(level);
            node.GetProperty("properties").EnumerateObject().Select(p => p.Name)
                .Should().BeEquivalentTo(keys, $"level '{level}' of the schema must list the loader's keys");
            node.GetProperty("additionalProperties").GetBoolean().Should().BeFalse($"level '{level}' must refuse unknown keys, as the loader does");
        }
    }

    /// <summary>The schema's name lists come from the model's registries, so a plug-in added there is offered to editors too.</summary>
    [Theory]
    [InlineData("cluster.liveMigration", "option")]
    [InlineData("cluster.liveMigration", "convergence")]
    [InlineData("vms[].memoryDirtying", "model")]
    [InlineData("events[].migrate", "option")]
    [InlineData("events[].migrate", "strategy")]
    public void Every_name_list_in_the_schema_is_its_registry(string level, string key)
    {
        IReadOnlyList<string> registered = key switch
        {
            "option" => Model.Transports.MigrationTransports.Registry.Names,
            "convergence" => Model.Convergence.ConvergenceStrategies.Registry.Names,
            "model" => Model.Dirtying.DirtyingModels.Registry.Names,
            _ => Model.Migration.MigrationStrategies.ForMigrate,
        };

        Navigate(level).GetProperty("properties").GetProperty(key).GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Equal(registered, $"{level}.{key} must list the registered names in their order");
    }

    [Fact]
    public void Every_schema_level_is_a_loader_level()
    {
        var found = new List<string>();
        Walk(Schema, "", found, depth: 0);
        found.Should().BeEquivalentTo(ScenarioKeys.Levels.Keys);
    }

    [Theory]
    [InlineData("size")]
    [InlineData("bitRate")]
    [InlineData("byteRate")]
    public void Unit_patterns_accept_formatted_values(string def)
    {
        var pattern = new Regex(Definition(def).GetProperty("pattern").GetString()!);
        Func<long, string> format = def switch
        {
            "size" => b => Units.FormatSize(b),
            "bitRate" => b => Units.FormatBitRate(b),
            _ => b => Units.FormatByteRate(b),
        };
        Sampling.Check(CsCheck.Gen.Long[0, long.MaxValue / 2], b => pattern.IsMatch(format(b)), iterations: 500);
    }

    [Fact]
    public void Duration_pattern_accepts_formatted_durations()
    {
        var pattern = new Regex(Definition("duration").GetProperty("oneOf")[0].GetProperty("pattern").GetString()!);
        Sampling.Check(CsCheck.Gen.Long[0, long.MaxValue], ns => pattern.IsMatch(Units.FormatDuration(new SimTime(ns))), iterations: 500);
    }

    [Theory]
    [InlineData("size", "16GiB", true)]
    [InlineData("size", "500MB", true)]
    [InlineData("size", "16 GiB", true)]
    [InlineData("size", "16", false)]
    [InlineData("size", "16GB/s", false)]
    [InlineData("bitRate", "10Gbps", true)]
    [InlineData("bitRate", "10Gb/s", false)]
    [InlineData("byteRate", "1.5GiB/s", true)]
    [InlineData("byteRate", "1.5GiB", false)]
    public void Unit_patterns_agree_with_the_parser(string def, string text, bool valid)
    {
        new Regex(Definition(def).GetProperty("pattern").GetString()!).IsMatch(text).Should().Be(valid);
        bool parses = def switch
        {
            "size" => Units.TryParseSize(text, out _),
            "bitRate" => Units.TryParseBitRate(text, out _),
            _ => Units.TryParseByteRate(text, out _),
        };
        parses.Should().Be(valid);
    }

    /// <summary>Follows a level path (<c>hosts[].nics[]</c>) from the root through properties, items and $ref.</summary>
    internal static JsonElement Navigate(string level)
    {
        JsonElement node = Schema;
        foreach (string part in level.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            string key = part.TrimEnd('[', ']');
            node = Resolve(Resolve(node).GetProperty("properties").GetProperty(key));
            if (part.EndsWith("[]", StringComparison.Ordinal))
            {
                node = Resolve(node.GetProperty("items"));
            }
        }

        return Resolve(node);
    }

    private static JsonElement Definition(string name) => Schema.GetProperty("$defs").GetProperty(name);

    private static JsonElement Resolve(JsonElement node) =>
        node.TryGetProperty("$ref", out JsonElement r) ? Resolve(Definition(r.GetString()!.Replace("#/$defs/", "", StringComparison.Ordinal))) : node;

    private static void Walk(JsonElement node, string level, List<string> found, int depth)
    {
        node = Resolve(node);
        if (depth > 10 || !node.TryGetProperty("properties", out JsonElement properties))
        {
            return;
        }

        found.Add(level);
        foreach (JsonProperty p in properties.EnumerateObject())
        {
            JsonElement child = Resolve(p.Value);
            string path = level.Length == 0 ? p.Name : level + "." + p.Name;
            if (child.TryGetProperty("items", out JsonElement items))
            {
                Walk(items, path + "[]", found, depth + 1);
            }
            else
            {
                Walk(child, path, found, depth + 1);
            }
        }
    }
}
