using System.Text.Json;
using FluentAssertions;
using HyperVSim.Model.Specs;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>Omitted keys take the spec records' defaults, and the schema's documented defaults are the same values.</summary>
public sealed class DefaultsTests
{
    private const string Minimal = "name: t\nhosts: [ { name: hv, memory: 256GiB } ]\n";

    /// <summary>Where to write a key of each level into a minimal scenario; {X} is replaced by "key: value".</summary>
    private static readonly Dictionary<string, string> Templates = new()
    {
        [""] = "name: t\n{X}\nhosts: [ { name: hv, memory: 256GiB } ]\n",
        ["cluster"] = "name: t\ncluster: { {X} }\nhosts: [ { name: hv, memory: 256GiB } ]\n",
        ["cluster.heartbeat"] = "name: t\ncluster: { heartbeat: { {X} } }\nhosts: [ { name: hv, memory: 256GiB } ]\n",
        ["cluster.liveMigration"] = "name: t\ncluster: { liveMigration: { {X} } }\nhosts: [ { name: hv, memory: 256GiB } ]\n",
        ["hosts[]"] = "name: t\nhosts: [ { name: hv, memory: 256GiB, {X} } ]\n",
        ["hosts[].cpu"] = "name: t\nhosts: [ { name: hv, memory: 256GiB, cpu: { {X} } } ]\n",
        ["hosts[].nics[]"] = "name: t\nhosts: [ { name: hv, memory: 256GiB, nics: [ { name: n, speed: 1Gbps, {X} } ] } ]\n",
        ["storage[]"] = "name: t\nhosts: [ { name: hv, memory: 256GiB } ]\nstorage: [ { name: s, {X} } ]\n",
        ["vms[]"] = "name: t\nhosts: [ { name: hv, memory: 256GiB } ]\nvms: [ { name: v, memory: 1GiB, {X} } ]\n",
        ["vms[].memoryDirtying"] = "name: t\nhosts: [ { name: hv, memory: 256GiB } ]\nvms: [ { name: v, memory: 1GiB, memoryDirtying: { {X} } } ]\n",
        ["vms[].memoryContent"] = "name: t\nhosts: [ { name: hv, memory: 256GiB } ]\nvms: [ { name: v, memory: 1GiB, memoryContent: { {X} } } ]\n",
        ["events[].migrate"] = "name: t\nnetworks: [ { name: lm, role: liveMigration } ]\nhosts: [ { name: hv, count: 2, memory: 256GiB, nics: [ { name: n, speed: 10Gbps, networks: [lm] } ] } ]\nvms: [ { name: v, memory: 1GiB, host: hv1 } ]\nevents: [ { at: 1s, migrate: { vm: v, to: hv2, {X} } } ]\n",
        ["cluster.quorum"] = "name: t\ncluster: { quorum: { {X} } }\nhosts: [ { name: hv, memory: 256GiB } ]\n",
        ["cluster.detection"] = "name: t\ncluster: { detection: { {X} } }\nhosts: [ { name: hv, memory: 256GiB } ]\n",
        ["cluster.failover"] = "name: t\ncluster: { failover: { {X} } }\nhosts: [ { name: hv, memory: 256GiB } ]\n",
        ["cluster.savedState"] = "name: t\ncluster: { savedState: { {X} } }\nhosts: [ { name: hv, memory: 256GiB } ]\n",
        ["cluster.boot"] = "name: t\ncluster: { boot: { {X} } }\nhosts: [ { name: hv, memory: 256GiB } ]\n",
        ["networks[]"] = "name: t\nnetworks: [ { name: p, role: vm, {X} } ]\nhosts: [ { name: hv, memory: 256GiB } ]\n",
        ["events[].connect"] = "name: t\nhosts: [ { name: hv, memory: 256GiB } ]\nvms: [ { name: v, memory: 1GiB } ]\nevents: [ { at: 1s, connect: { vm: v, {X} } } ]\n",
        ["cluster.resize"] = "name: t\ncluster: { resize: { {X} } }\nhosts: [ { name: hv, memory: 256GiB } ]\n",
        ["cluster.restart"] = "name: t\ncluster: { restart: { {X} } }\nhosts: [ { name: hv, memory: 256GiB } ]\n",
        ["vms[].disks[]"] = "name: t\nhosts: [ { name: hv, memory: 256GiB } ]\nstorage: [ { name: s } ]\nvms: [ { name: v, memory: 1GiB, disks: [ { name: os, size: 40GiB, storage: s, {X} } ] } ]\n",
        ["guestClusters[]"] = "name: t\nhosts: [ { name: hv, memory: 256GiB } ]\nstorage: [ { name: s } ]\nvms: [ { name: g, count: 2, memory: 1GiB, guestCluster: gc, disks: [ { name: d, size: 1GiB, storage: s, shared: true } ] } ]\nguestClusters: [ { name: gc, {X} } ]\n",
        ["events[].pause"] = "name: t\nnetworks: [ { name: lm, role: liveMigration } ]\nhosts: [ { name: hv, memory: 256GiB, nics: [ { name: n, speed: 10Gbps, networks: [lm] } ] } ]\nevents: [ { at: 1s, pause: { host: hv, {X} } } ]\n",
        ["events[].restart"] = "name: t\nnetworks: [ { name: lm, role: liveMigration } ]\nhosts: [ { name: hv, memory: 256GiB, nics: [ { name: n, speed: 10Gbps, networks: [lm] } ] } ]\nevents: [ { at: 1s, restart: { host: hv, downFor: 1m, {X} } } ]\n",
        ["vms[].disks[].io"] = "name: t\nhosts: [ { name: hv, memory: 256GiB } ]\nstorage: [ { name: s } ]\nvms: [ { name: v, memory: 1GiB, disks: [ { name: os, size: 40GiB, storage: s, io: { iops: 10, size: 8KiB, {X} } } ] } ]\n",
        ["vms[].disks[].qos"] = "name: t\nhosts: [ { name: hv, memory: 256GiB } ]\nstorage: [ { name: s } ]\nvms: [ { name: v, memory: 1GiB, disks: [ { name: os, size: 40GiB, storage: s, io: { iops: 10, size: 8KiB }, qos: { {X} } } ] } ]\n",
        ["vms[].nics[]"] = "name: t\nnetworks: [ { name: p, role: vm } ]\nhosts: [ { name: hv, memory: 256GiB } ]\nvms: [ { name: v, memory: 1GiB, nics: [ { network: p, {X} } ] } ]\n",
    };

    public static TheoryData<string, string> SchemaDefaults()
    {
        var data = new TheoryData<string, string>();
        foreach (string level in ScenarioKeys.Levels.Keys)
        {
            JsonElement node = SchemaTests.Navigate(level);
            foreach (JsonProperty p in node.GetProperty("properties").EnumerateObject())
            {
                if (p.Value.TryGetProperty("default", out JsonElement value))
                {
                    data.Add(level, $"{p.Name}: {value.GetRawText()}");
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SchemaDefaults))]
    public void Writing_a_documented_default_changes_nothing(string level, string keyAndValue)
    {
        Templates.Should().ContainKey(level, "every level with documented defaults needs a template here");
        string template = Templates[level];
        ScenarioSpec implicitly = ScenarioLoader.LoadText(template.Replace(", {X}", "", StringComparison.Ordinal).Replace("{ {X} }", "{ }", StringComparison.Ordinal).Replace("{X}\n", "", StringComparison.Ordinal), "implicit.yaml");
        ScenarioSpec explicitly = ScenarioLoader.LoadText(template.Replace("{X}", keyAndValue, StringComparison.Ordinal), "explicit.yaml");
        explicitly.Should().BeEquivalentTo(implicitly, o => o.RespectingRuntimeTypes(), $"'{keyAndValue}' at '{level}' is documented as the default");
    }

    [Fact]
    public void Minimal_scenario_takes_the_record_defaults()
    {
        ScenarioSpec s = ScenarioLoader.LoadText(Minimal, "minimal.yaml");
        s.Seed.Should().Be(1);
        s.Until.Should().BeNull();
        s.Cluster.Should().BeEquivalentTo(new ClusterSpec());
        s.Cluster.LiveMigration.Option.Should().BeNull("the model resolves the option from the version");
        s.Hosts.Should().ContainSingle().Which.Should().BeEquivalentTo(new HostSpec { Name = "hv", MemoryBytes = 256L << 30 });
        s.Networks.Should().BeEmpty();
        s.Vms.Should().BeEmpty();
        s.Events.Should().BeEmpty();
    }

    [Fact]
    public void Vm_parts_take_the_record_defaults()
    {
        ScenarioSpec s = ScenarioLoader.LoadText(
            Minimal + "networks: [ { name: p, role: vm } ]\nstorage: [ { name: s } ]\nvms:\n  - { name: v, memory: 1GiB, disks: [ { name: os, size: 40GiB } ], nics: [ { network: p } ] }\n  - { name: w, generation: 2, memory: 1GiB, disks: [ { name: os, size: 40GiB } ] }\n",
            "vm.yaml");
        VmSpec v = s.Vms[0];
        v.Should().BeEquivalentTo(
            new VmSpec { Name = "v", MemoryBytes = 1L << 30, Disks = [new DiskSpec("os", 40L << 30, DiskController.Ide, null)], Nics = [new VmNicSpec("p")] });
        s.Vms[1].Disks[0].Controller.Should().Be(DiskController.Scsi, "a generation 2 VM has only SCSI");
        s.Storage.Should().ContainSingle().Which.Should().Be(new StorageSpec { Name = "s" });
    }

    [Fact]
    public void A_2012_cluster_defaults_hosts_to_2012_and_turns_off_the_2012_R2_features()
    {
        ScenarioSpec s = ScenarioLoader.LoadText("name: t\ncluster: { version: 2012 }\nhosts: [ { name: hv, memory: 256GiB }, { name: new, version: 2012R2, memory: 256GiB } ]\n", "old.yaml");
        s.Cluster.Version.Should().Be(HyperVVersion.V2012);
        s.Hosts.Select(h => h.Version).Should().Equal(HyperVVersion.V2012, HyperVVersion.V2012R2);
        s.Cluster.LiveMigration.Option.Should().BeNull();
        s.Cluster.NetworkHealthProtection.Should().BeFalse();
        s.Cluster.StorageFailureDetection.Should().BeFalse();
    }
}
