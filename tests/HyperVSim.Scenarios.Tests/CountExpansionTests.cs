using FluentAssertions;
using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Reading;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>count: N expansion and its naming.</summary>
public sealed class CountExpansionTests
{
    [Fact]
    public void Names_are_numbered_and_zero_padded_to_the_digits_of_the_count()
    {
        CountExpansion.Names("hv", 4).Should().Equal("hv1", "hv2", "hv3", "hv4");
        CountExpansion.Names("vm", 10).Should().HaveCount(10).And.StartWith("vm01").And.EndWith("vm10");
        CountExpansion.Names("x", 100)[8].Should().Be("x009");
        CountExpansion.Names("one", 1).Should().Equal("one1");
        CountExpansion.Names("plain", null).Should().Equal("plain");
    }

    [Fact]
    public void Hosts_vms_events_and_references_use_the_expanded_names()
    {
        ScenarioSpec s = ScenarioLoader.LoadText(
            Yaml.Base + "vms:\n  - { name: web, count: 10, memory: 4GiB, host: hv2 }\nevents:\n  - { at: 1m, migrate: { vm: web07, to: hv1 } }\n",
            "count.yaml");
        s.Hosts.Select(h => h.Name).Should().Equal("hv1", "hv2");
        s.Vms.Select(v => v.Name).Should().Equal("web01", "web02", "web03", "web04", "web05", "web06", "web07", "web08", "web09", "web10");
        s.Vms.Should().OnlyContain(v => v.Host == "hv2" && v.MemoryBytes == 4L << 30);
        s.Events.Should().Equal(new MigrateEventSpec(Engine.SimTime.FromSeconds(60), "web07", "hv1"));
    }

    [Fact]
    public void The_unexpanded_name_is_not_a_vm() =>
        Yaml.Error(Yaml.Base + "vms:\n  - { name: web, count: 3, memory: 4GiB }\nevents:\n  - { at: 1m, migrate: { vm: web, to: hv1 } }\n", "'web' is not a VM");

    [Theory]
    [InlineData("0", "'0' is zero")]
    [InlineData("-2", "'-2' is negative")]
    [InlineData("two", "'two' is not a whole number")]
    [InlineData("1.5", "'1.5' is not a whole number")]
    [InlineData("65", "a failover cluster has at most 64 nodes")]
    public void Bad_counts_are_errors(string count, string fragment) =>
        Yaml.Error($"name: t\nhosts: [ {{ name: hv, count: {count}, memory: 8GiB }} ]\n", fragment).Path.Should().Be("hosts[0].count");
}
