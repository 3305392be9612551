using System.Text;
using FluentAssertions;
using HyperVSim.Model.Specs;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>Loading: error format, all problems at once, encodings, sizes, shapes and YAML features refused.</summary>
public sealed class ScenarioLoaderTests
{
    [Fact]
    public void Error_reads_file_line_column_path_message_and_fix()
    {
        new ScenarioError("scenarios/x.yaml", 12, 7, "vms[0].memory", "'16GB/s' is not a size", "write a size with a unit, e.g. 16GiB or 500MB")
            .ToString().Should().Be("scenarios/x.yaml:12:7: vms[0].memory: '16GB/s' is not a size. Fix: write a size with a unit, e.g. 16GiB or 500MB");
        new ScenarioError("x.yaml", 3, 1, "", "unknown key 'memroy'; did you mean 'memory'?", "remove it")
            .ToString().Should().Be("x.yaml:3:1: unknown key 'memroy'; did you mean 'memory'? Fix: remove it");
        new ScenarioError("gone.yaml", 0, 0, "", "cannot read the file", "")
            .ToString().Should().Be("gone.yaml: cannot read the file");
    }

    [Fact]
    public void A_size_with_a_rate_unit_is_reported_as_in_the_contract()
    {
        ScenarioError e = Yaml.Error(Yaml.Base + "vms:\n  - { name: v, memory: 16GB/s }\n", "is not a size");
        e.ToString().Should().StartWith("t.yaml:13:24: vms[0].memory: '16GB/s' is not a size").And.EndWith("Fix: write a size with a unit, e.g. 16GiB or 500MB");
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_file_order()
    {
        const string text = """
            name: t
            seed: many
            hosts:
              - { name: hv, memory: 256, cpu: { cores: 0 } }
            vms:
              - { name: v, memory: 1GiB, vcpus: 2, host: hx }
              - { name: w, memroy: 1GiB }
            """;
        IReadOnlyList<ScenarioError> errors = Yaml.Errors(text);
        errors.Select(e => e.Path).Should().Equal("seed", "hosts[0].memory", "hosts[0].cpu.cores", "vms[0].host", "vms[1].memory", "vms[1].memroy");
        errors.Select(e => (e.Line, e.Column)).Should().BeInAscendingOrder();
        errors.Should().OnlyContain(e => e.File == "t.yaml");
    }

    [Fact]
    public void Exception_message_lists_every_error()
    {
        Action load = () => ScenarioLoader.LoadText("name: t\nhosts: []\nseed: x\n", "m.yaml");
        ScenarioException ex = load.Should().Throw<ScenarioException>().Which;
        ex.Errors.Should().HaveCount(2);
        ex.Message.Should().Contain("2 problems").And.Contain("m.yaml:2:8").And.Contain("m.yaml:3:7");
    }

    [Fact]
    public void A_flood_of_problems_is_cut_after_a_thousand_with_a_count_of_the_rest()
    {
        string text = "name: t\nhosts: [ { name: hv, memory: 8GiB } ]\n" + string.Concat(Enumerable.Range(0, 1500).Select(i => $"k{i}: 1\n"));
        IReadOnlyList<ScenarioError> errors = Yaml.Errors(text);
        errors.Should().HaveCount(1001);
        errors[^1].Message.Should().Be("and 500 more problems from here on");
        errors[^1].Line.Should().Be(1003);
    }

    [Fact]
    public void A_bare_zero_is_a_duration()
    {
        ScenarioLoader.LoadText(Yaml.Base + "events: [ { at: 0, drain: hv1 } ]\n", "z.yaml").Events[0].At.Should().Be(Engine.SimTime.Zero);
    }

    [Fact]
    public void Missing_file_is_a_scenario_error()
    {
        Action load = () => ScenarioLoader.LoadFile(Path.Combine(Path.GetTempPath(), "no-such-dir-hvs", "none.yaml"));
        ScenarioError e = load.Should().Throw<ScenarioException>().Which.Errors.Should().ContainSingle().Subject;
        e.Line.Should().Be(0);
        e.Message.Should().StartWith("cannot read the file");
    }

    [Fact]
    public void Oversized_text_is_refused_at_the_first_line()
    {
        string text = "name: t\n" + new string('#', 11 * 1024 * 1024);
        ScenarioError e = Yaml.Errors(text).Should().ContainSingle().Subject;
        (e.Line, e.Column).Should().Be((1, 1));
        e.Message.Should().Contain("at most 10 MiB");
    }

    [Fact]
    public void A_device_without_an_end_is_read_only_up_to_the_limit()
    {
        Assert.SkipUnless(File.Exists("/dev/zero"), "needs a device file without an end");
        Action load = () => ScenarioLoader.LoadFile("/dev/zero");
        ScenarioError e = load.Should().Throw<ScenarioException>().Which.Errors.Should().ContainSingle().Subject;
        e.Message.Should().Contain("at most 10 MiB");
    }

    [Fact]
    public void Nul_and_control_characters_are_refused_with_their_position()
    {
        Yaml.Errors("name: t\nhost\0s: []\n").Should().ContainSingle().Which.Should().Match<ScenarioError>(e => e.Line == 2 && e.Column == 5 && e.Message.Contains("NUL"));
        Yaml.Errors("name: t\u0007\n").Should().ContainSingle().Which.Should().Match<ScenarioError>(e => e.Line == 1 && e.Column == 8 && e.Message.Contains("U+0007"));
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_its_position()
    {
        string path = Path.Combine(Path.GetTempPath(), $"hvs-utf8-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllBytes(path, [.. "name: t\nhosts: "u8, 0xC3, 0x28, .. "\n"u8]);
            Action load = () => ScenarioLoader.LoadFile(path);
            ScenarioError e = load.Should().Throw<ScenarioException>().Which.Errors.Should().ContainSingle().Subject;
            (e.Line, e.Column).Should().Be((2, 8));
            e.Message.Should().Contain("0xC3");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Utf8_byte_order_mark_and_crlf_line_ends_are_accepted()
    {
        string path = Path.Combine(Path.GetTempPath(), $"hvs-bom-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("name: t\r\nhosts:\r\n  - { name: hv, memory: 256GiB }\r\n")]);
            ScenarioLoader.LoadFile(path).Hosts.Should().ContainSingle();
            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("name: t\r\nhosts:\r\n  - { name: hv, memory: 256 }\r\n")]);
            Action load = () => ScenarioLoader.LoadFile(path);
            load.Should().Throw<ScenarioException>().Which.Errors.Single().Should().Match<ScenarioError>(e => e.Line == 3 && e.Column == 25);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Anchors_are_refused_where_they_stand()
    {
        ScenarioError e = Yaml.Error("name: t\nhosts:\n  - &h { name: hv, memory: 256GiB }\n  - *h\n", "aliases are not allowed in scenarios");
        (e.Line, e.Column).Should().Be((3, 5));
        e.Fix.Should().Contain("write the value out");
    }

    [Fact]
    public void Deep_nesting_is_refused_without_recursion()
    {
        string text = "name: t\nhosts: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        Yaml.Error(text, "nested deeper than").Line.Should().Be(2);
    }

    [Fact]
    public void Quoting_does_not_change_a_value_and_explicit_null_means_omitted()
    {
        ScenarioSpec s = ScenarioLoader.LoadText(
            "name: t\nseed: \"7\"\ncluster: { version: \"2012R2\", heartbeat: { threshold: '10' } }\nhosts: [ { name: hv, memory: \"256GiB\" } ]\nvms: [ { name: v, memory: 1GiB, host: ~, state: null } ]\n",
            "q.yaml");
        s.Seed.Should().Be(7);
        s.Cluster.Heartbeat.Threshold.Should().Be(10);
        s.Vms[0].Host.Should().BeNull();
        s.Vms[0].State.Should().Be(VmInitialState.Running);
    }

    [Theory]
    [InlineData("2012", HyperVVersion.V2012)]
    [InlineData("\"2012\"", HyperVVersion.V2012)]
    [InlineData("2012R2", HyperVVersion.V2012R2)]
    public void Versions_are_accepted_as_written(string written, HyperVVersion version) =>
        ScenarioLoader.LoadText($"name: t\ncluster: {{ version: {written} }}\nhosts: [ {{ name: hv, memory: 256GiB }} ]\n", "v.yaml").Cluster.Version.Should().Be(version);

    [Fact]
    public void Version_close_to_2012R2_gets_a_suggestion() =>
        Yaml.Error("name: t\ncluster: { version: 2012 r2 }\nhosts: [ { name: hv, memory: 256GiB } ]\n", "did you mean '2012R2'?").Column.Should().Be(21);

    [Fact]
    public void Ghz_takes_a_number_or_a_frequency()
    {
        ScenarioSpec s = ScenarioLoader.LoadText("name: t\nhosts: [ { name: a, memory: 8GiB, cpu: { ghz: 3.1 } }, { name: b, memory: 8GiB, cpu: { ghz: 2600MHz } } ]\n", "g.yaml");
        s.Hosts.Select(h => h.Cpu.Ghz).Should().Equal(3.1, 2.6);
    }

    [Fact]
    public void Unknown_key_far_from_any_lists_the_valid_keys_without_a_guess()
    {
        ScenarioError e = Yaml.Error("name: t\nhosts: [ { name: hv, memory: 256GiB, flavour: large } ]\n", "unknown key 'flavour'");
        e.Message.Should().NotContain("did you mean");
        e.Fix.Should().Be("keys allowed in hosts[]: name, count, version, subnet, cpu, memory, memoryReserve, nics, virtualSwitches, smbBandwidthLimit, enhancedSessionMode");
        e.Path.Should().Be("hosts[0].flavour");
    }

    [Fact]
    public void Unknown_nested_key_gets_a_suggestion() =>
        Yaml.Error("name: t\ncluster:\n  liveMigration:\n    maxSimultanous: 4\nhosts: [ { name: hv, memory: 256GiB } ]\n", "did you mean 'maxSimultaneous'?")
            .Should().Match<ScenarioError>(e => e.Line == 4 && e.Column == 5 && e.Path == "cluster.liveMigration.maxSimultanous");

    [Theory]
    [InlineData("hosts: { name: hv }", "must be a list, not a mapping")]
    [InlineData("hosts: [ hv1 ]", "must be a mapping of keys, not a single value")]
    [InlineData("hosts: [ { name: [hv], memory: 1GiB } ]", "must be a single value, not a list")]
    [InlineData("hosts: [ { name: hv, memory: 8GiB, nics: [ { name: n, speed: 1Gbps, networks: lm } ] } ]", "must be a list, not a single value")]
    [InlineData("hosts:", "'hosts' has no value")]
    [InlineData("hosts: []", "hosts is empty")]
    public void Wrong_shapes_are_errors(string hosts, string fragment) => Yaml.Error("name: t\n" + hosts + "\n", fragment);
}
