using FluentAssertions;
using HyperVSim.Model.Specs;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>Values set from outside a scenario (run --set, study parameters) are read and validated like written ones.</summary>
public sealed class OverrideTests
{
    private const string Text = Yaml.Base + "vms: [ { name: web, memory: 8GiB, host: hv1 } ]\n";

    private static ScenarioSpec Load(params string[] sets) =>
        ScenarioLoader.LoadText(Text, "t.yaml", ScenarioLoadOptions.Default with
        {
            Overrides = sets.Select(s => ScenarioOverride.Parse(s, "--set")!).ToArray(),
        });

    private static ScenarioError Error(params string[] sets)
    {
        Action load = () => Load(sets);
        return load.Should().Throw<ScenarioException>().Which.Errors.Should().ContainSingle().Subject;
    }

    [Fact]
    public void A_key_path_sets_a_value_as_if_written_and_units_parse_as_usual()
    {
        ScenarioSpec s = Load("cluster.liveMigration.option=smb", "hosts[name=hv].nics[name=lm1].speed=40Gbps", "vms[0].memory=16GiB", "seed=9");

        s.Cluster.LiveMigration.Option.Should().Be("smb");
        s.Hosts.Should().OnlyContain(h => h.Nics.Single(n => n.Name == "lm1").BitsPerSecond == 40e9, "the selector picks the item as written, before count expands it");
        s.Vms[0].MemoryBytes.Should().Be(16L << 30);
        s.Seed.Should().Be(9);
    }

    [Fact]
    public void Later_overrides_win() =>
        Load("vms[0].memory=16GiB", "vms[0].memory=4GiB").Vms[0].MemoryBytes.Should().Be(4L << 30);

    [Fact]
    public void A_bad_value_is_an_error_naming_the_override_not_the_scenario_line()
    {
        ScenarioError e = Error("vms[0].memory=lots");
        e.File.Should().Be("--set");
        e.Path.Should().Be("vms[0].memory (set to 'lots' for t.yaml)");
        e.Message.Should().Be("'lots' is not a size");
    }

    [Fact]
    public void An_unknown_list_item_names_what_the_list_has() =>
        Error("hosts[name=hx].memory=1GiB").Message.Should().Be("no item with name 'hx' (the list has: hv)");

    [Fact]
    public void An_index_past_the_end_is_an_error() =>
        Error("vms[3].memory=1GiB").Message.Should().Be("[3] is past the end of a list of 1");

    [Fact]
    public void An_unknown_key_gets_the_usual_suggestion() =>
        Error("cluster.liveMigraton.option=smb").Message.Should().Contain("liveMigration");

    [Fact]
    public void A_path_that_is_not_a_path_is_refused() =>
        Error("vms..memory=1GiB").Message.Should().Be("'vms..memory' is not a key path");

    [Fact]
    public void The_equals_sign_inside_a_selector_is_not_the_one_that_ends_the_path()
    {
        ScenarioOverride o = ScenarioOverride.Parse("hosts[name=hv].memory=64GiB", "--set")!;
        o.Path.Should().Be("hosts[name=hv].memory");
        o.Value.Should().Be("64GiB");
        ScenarioOverride.Parse("no-equals", "--set").Should().BeNull();
    }
}
