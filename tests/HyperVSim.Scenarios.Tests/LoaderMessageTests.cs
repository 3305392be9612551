using FluentAssertions;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>
/// Issue 7's loader defects: tab positions in the loader's words, any scenario name, cut echoes, fixes that are
/// valid themselves, one error for a bad count, and fail/repair events refused at their line for a run.
/// </summary>
public sealed class LoaderMessageTests
{
    [Theory]
    [InlineData("name: t\nhosts:\n\t- name: hv\n\t  memory: 256GiB\n", 3, 1, "a tab is used for indentation")]
    [InlineData("name: t\nhosts:\n  - name: hv\n    memory: 256GiB\n    cpu:\n\t cores: 4\n", 6, 1, "a tab is used for indentation")]
    [InlineData("name: t\nhosts:\n  - name: hv\n    memory: 256GiB\n  \t\nvms: []\n", 5, 3, "a tab on an otherwise blank line")]
    [InlineData("name: t\nhosts:\n  - name: hv\n  \tmemory: 256GiB\n", 4, 3, "a tab is used for indentation")]
    public void A_tab_in_indentation_is_reported_at_the_tab_in_the_loaders_own_words(string text, int line, int column, string message)
    {
        IReadOnlyList<ScenarioError> errors = Yaml.Errors(text);
        errors[0].Should().Match<ScenarioError>(e => e.Line == line && e.Column == column && e.Message.StartsWith(message, StringComparison.Ordinal));
        errors.Should().OnlyContain(e => e.Message.Contains("tab", StringComparison.Ordinal) && !e.Message.Contains("YAML syntax error", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Patch night: rack 3 / 10 GbE")]
    [InlineData("a|b, \"quoted\" <b>&amp;</b>")]
    [InlineData("ünïcödé 名前")]
    public void A_scenario_name_may_be_any_text_that_is_not_blank(string name)
    {
        string quoted = "\"" + name.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        ScenarioLoader.LoadText($"name: {quoted}\nhosts: [ {{ name: hv, memory: 64GiB }} ]\n", "n.yaml").Name.Should().Be(name);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    public void A_blank_scenario_name_is_refused_at_the_name(string written) =>
        Yaml.Error($"name: {written}\nhosts: [ {{ name: hv, memory: 64GiB }} ]\n", "the scenario name is empty")
            .Should().Match<ScenarioError>(e => e.Line == 1 && e.Column == 7 && e.Fix == "write a name, e.g. 'name: patch-night'");

    [Theory]
    [InlineData("memory: {0}")]
    [InlineData("{0}: 1")]
    [InlineData("vcpus: {0}")]
    [InlineData("cpuLoad: {0}")]
    public void An_echoed_value_is_cut_after_80_characters(string line)
    {
        string huge = new('x', 1000); // a YAML key is at most 1024 characters
        string text = "name: t\nhosts: [ { name: hv, memory: 64GiB } ]\nvms:\n  - name: v\n    " + string.Format(System.Globalization.CultureInfo.InvariantCulture, line, huge) + "\n" +
            (line.StartsWith("memory", StringComparison.Ordinal) ? "" : "    memory: 1GiB\n");
        ScenarioError e = Yaml.Errors(text).Should().ContainSingle().Subject;
        e.ToString().Should().Contain("'" + new string('x', 80) + "…'").And.NotContain(new string('x', 81));
        e.ToString().Length.Should().BeLessThan(500);
    }

    [Theory]
    [InlineData("memory: 0", "1GiB", "0GiB")]
    [InlineData("memory: -2", "1GiB", "-2GiB")]
    [InlineData("memory: 0Gib", "1GiB", "0GiB")]
    [InlineData("memoryDirtying: { model: constant, rate: 0GiB }", "1GiB/s", "0GiB/s")]
    [InlineData("cpuLoad: 150", "30%", "150%")]
    public void A_fix_never_suggests_an_invalid_value(string vmKey, string suggested, string never)
    {
        string text = $"name: t\nhosts: [ {{ name: hv, memory: 64GiB }} ]\nvms:\n  - {{ name: v, {vmKey}{(vmKey.StartsWith("memory:", StringComparison.Ordinal) ? "" : ", memory: 1GiB")} }}\n";
        ScenarioError e = Yaml.Errors(text).Should().ContainSingle().Subject;
        e.Fix.Should().Contain(suggested).And.NotContain(never);
    }

    [Theory]
    [InlineData("name: t\nhosts: [ { name: hv, memory: 64GiB } ]\nvms: [ { name: v, memory: 16 } ]\n", "write the unit, e.g. 16GiB")]
    [InlineData("name: t\ncluster: { heartbeat: { delay: 100 } }\nhosts: [ { name: hv, memory: 64GiB } ]\n", "write the unit, e.g. 1s")]
    [InlineData("name: t\ncluster: { heartbeat: { delay: 100Ms } }\nhosts: [ { name: hv, memory: 64GiB } ]\n", "write the unit as ms, e.g. 250ms")]
    [InlineData("name: t\ncluster: { heartbeat: { delay: 2 } }\nhosts: [ { name: hv, memory: 64GiB } ]\n", "write the unit, e.g. 2s")]
    [InlineData("name: t\nhosts: [ { name: hv, memory: 0 } ]\n", "write the unit, e.g. 1GiB")]
    public void A_fix_offers_only_examples_inside_the_keys_range(string text, string fix) =>
        Yaml.Errors(text).Should().ContainSingle().Which.Fix.Should().Be(fix);

    [Fact]
    public void A_fix_keeps_a_positive_number_as_written()
    {
        Yaml.Errors("name: t\nhosts: [ { name: hv, memory: 64GiB } ]\nvms: [ { name: v, memory: 64 } ]\n").Should().ContainSingle().Which.Fix.Should().Be("write the unit, e.g. 64GiB or 64MB");
        Yaml.Errors("name: t\nhosts: [ { name: hv, memory: 64GiB } ]\nvms: [ { name: v, memory: 1GiB, cpuLoad: 40 } ]\n").Should().ContainSingle().Which.Fix.Should().StartWith("write 40% for a percentage");
    }

    [Fact]
    public void A_bad_host_count_is_the_only_error_not_a_cascade_of_unknown_hosts()
    {
        MalformedCase c = MalformedCorpus.File("bad-count-no-cascade.yaml");
        Action load = () => ScenarioLoader.LoadFile(c.Path);
        load.Should().Throw<ScenarioException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Match<ScenarioError>(e => e.Line == 8 && e.Column == 12 && e.Path == "hosts[0].count");
    }

    [Fact]
    public void A_bad_vm_count_is_the_only_error_not_a_cascade_of_unknown_vms()
    {
        IReadOnlyList<ScenarioError> errors = Yaml.Errors(Yaml.Base + "vms: [ { name: sql, count: -1, memory: 16GiB, host: hv1 } ]\nevents:\n  - { at: 30s, migrate: { vm: sql2, to: hv2 } }\n");
        errors.Should().ContainSingle().Which.Message.Should().Be("'-1' is negative");
    }

    [Fact]
    public void A_bad_count_does_not_hide_a_reference_to_an_unrelated_name() =>
        Yaml.Errors(Yaml.Base + "vms: [ { name: sql, count: x, memory: 16GiB, host: hv1 }, { name: web, memory: 1GiB, host: nope1 } ]\n")
            .Select(e => e.Path).Should().Equal("vms[0].count", "vms[1].host");

    [Fact]
    public void Fail_and_repair_events_load_for_a_simulation_now_that_the_model_carries_them_out()
    {
        string text = Yaml.Base + "events:\n  - { at: 10s, fail: { host: hv2 } }\n  - { at: 20s, repair: { host: hv2 } }\n";
        string path = Path.Combine(Path.GetTempPath(), $"hvs-fault-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        try
        {
            ScenarioLoader.LoadFile(path, ScenarioLoadOptions.ForSimulation).Events.Should().HaveCount(2);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
