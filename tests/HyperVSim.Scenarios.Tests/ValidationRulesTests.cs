using FluentAssertions;
using HyperVSim.Model.Specs;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>The Hyper-V configuration rules, each pointing at the value to change.</summary>
public sealed class ValidationRulesTests
{
    private const string Lm = "networks: [ { name: lm, role: liveMigration } ]\n";

    [Fact]
    public void A_vm_cannot_have_more_vcpus_than_its_host_has_logical_processors()
    {
        ScenarioError e = Yaml.Error("name: t\nhosts: [ { name: hv, memory: 64GiB, cpu: { cores: 4 } } ]\nvms: [ { name: v, memory: 1GiB, vcpus: 8, host: hv } ]\n", "logical processors");
        e.Message.Should().Be("8 virtual processors are more than the 4 logical processors of hv");
        e.Path.Should().Be("vms[0].vcpus");
    }

    [Fact]
    public void Vcpus_may_be_overcommitted_across_vms() =>
        ScenarioLoader.LoadText("name: t\nhosts: [ { name: hv, memory: 64GiB, cpu: { cores: 4 } } ]\nvms: [ { name: v, count: 8, memory: 1GiB, vcpus: 4, host: hv } ]\n", "o.yaml")
            .Vms.Should().HaveCount(8);

    [Fact]
    public void An_unplaced_vm_must_fit_some_host() =>
        Yaml.Error("name: t\nhosts: [ { name: a, memory: 64GiB }, { name: b, memory: 128GiB } ]\nvms: [ { name: big, memory: 512GiB } ]\n", "no host has that much")
            .Message.Should().Contain("the most is 126GiB on b");

    [Fact]
    public void Vms_that_are_off_do_not_count_against_host_memory_but_must_fit_alone()
    {
        const string hosts = "name: t\nhosts: [ { name: hv, memory: 66GiB } ]\n";
        ScenarioLoader.LoadText(hosts + "vms: [ { name: on, memory: 64GiB, host: hv }, { name: off, memory: 64GiB, host: hv, state: off } ]\n", "m.yaml")
            .Vms[1].State.Should().Be(VmInitialState.Off);
        Yaml.Error(hosts + "vms: [ { name: off, memory: 65GiB, host: hv, state: off } ]\n", "the VM needs 65GiB but hv has 64GiB");
    }

    [Fact]
    public void Memory_fit_names_the_numbers_and_points_at_the_vm_that_overflows()
    {
        ScenarioError e = Yaml.Error(
            "name: t\nhosts: [ { name: hv, memory: 100GiB, memoryReserve: 4GiB } ]\nvms:\n  - { name: a, memory: 48GiB, host: hv }\n  - { name: b, memory: 48GiB, host: hv }\n  - { name: c, memory: 8GiB, host: hv }\n",
            "need 104GiB");
        e.Message.Should().Be("the running VMs placed on hv need 104GiB (a 48GiB, b 48GiB, c 8GiB) but hv has 96GiB for VMs (100GiB memory - 4GiB reserve)");
        e.Path.Should().Be("vms[2].host");
        e.Line.Should().Be(6);
    }

    [Fact]
    public void Live_migration_never_crosses_cpu_vendors() =>
        Yaml.Error(
            "name: t\n" + Lm + "hosts:\n  - { name: i, memory: 64GiB, nics: [ { name: n, speed: 10Gbps, networks: [lm] } ] }\n  - { name: a, memory: 64GiB, cpu: { vendor: amd }, nics: [ { name: n, speed: 10Gbps, networks: [lm] } ] }\nvms: [ { name: v, memory: 1GiB, host: i } ]\nevents: [ { at: 1m, migrate: { vm: v, to: a } } ]\n",
            "never crosses CPU vendors").Path.Should().Be("events[0].migrate.to");

    [Fact]
    public void A_vm_cannot_move_from_2012_R2_back_to_2012() =>
        Yaml.Error(
            "name: t\n" + Lm + "hosts:\n  - { name: new, memory: 64GiB, nics: [ { name: n, speed: 10Gbps, networks: [lm] } ] }\n  - { name: old, version: 2012, memory: 64GiB, nics: [ { name: n, speed: 10Gbps, networks: [lm] } ] }\nvms: [ { name: v, memory: 1GiB, host: new } ]\nevents: [ { at: 1m, migrate: { vm: v, to: old } } ]\n",
            "from 2012 R2 (new) back to 2012 (old)");

    [Fact]
    public void Migrations_are_followed_so_a_return_trip_is_fine_but_a_repeat_is_not()
    {
        const string vms = "vms: [ { name: v, memory: 1GiB, host: hv1 } ]\n";
        ScenarioLoader.LoadText(Yaml.Base + vms + "events:\n  - { at: 1m, migrate: { vm: v, to: hv2 } }\n  - { at: 2m, migrate: { vm: v, to: hv1 } }\n", "trip.yaml")
            .Events.Should().HaveCount(2);
        Yaml.Error(Yaml.Base + vms + "events:\n  - { at: 2m, migrate: { vm: v, to: hv2 } }\n  - { at: 1m, migrate: { vm: v, to: hv2 } }\n", "v is already on hv2 at 2m")
            .Path.Should().Be("events[0].migrate.to");
    }

    [Fact]
    public void After_a_drain_the_vm_location_is_unknown_and_not_checked() =>
        ScenarioLoader.LoadText(
            Yaml.Base + "vms: [ { name: v, memory: 1GiB, host: hv1 } ]\nevents:\n  - { at: 1m, drain: hv1 }\n  - { at: 2m, migrate: { vm: v, to: hv2 } }\n", "d.yaml")
            .Events.Should().HaveCount(2);

    [Fact]
    public void A_mixed_cluster_may_use_compression_and_its_2012_hosts_send_over_tcpip() =>
        ScenarioLoader.LoadText(
            "name: t\ncluster: { liveMigration: { option: smb } }\nhosts: [ { name: new, memory: 8GiB }, { name: old, count: 2, version: 2012, memory: 8GiB } ]\n", "m.yaml")
            .Cluster.LiveMigration.Option.Should().Be("smb");

    [Fact]
    public void A_migrate_event_from_a_2012_host_cannot_ask_for_compression()
    {
        ScenarioError e = Yaml.Error(
            "name: t\nnetworks: [ { name: lm, role: liveMigration } ]\nhosts: [ { name: new, memory: 8GiB, nics: [ { name: n, speed: 1Gbps, networks: [lm] } ] }, { name: old, version: 2012, memory: 8GiB, nics: [ { name: n, speed: 1Gbps, networks: [lm] } ] } ]\n" +
            "vms: [ { name: v, memory: 1GiB, host: old } ]\nevents: [ { at: 1s, migrate: { vm: v, to: new, option: compression } } ]\n",
            "a 2012 host offers only the TCP/IP option");
        e.Path.Should().Be("events[0].migrate.option");
    }

    [Fact]
    public void Tcpip_is_fine_on_2012() =>
        ScenarioLoader.LoadText("name: t\ncluster: { version: 2012, liveMigration: { option: tcpip } }\nhosts: [ { name: hv, memory: 8GiB } ]\n", "tcp.yaml")
            .Cluster.LiveMigration.Option.Should().Be("tcpip");

    [Theory]
    [InlineData("networkHealthProtection")]
    [InlineData("storageFailureDetection")]
    public void Features_new_in_2012_R2_cannot_be_turned_on_for_2012(string key) =>
        Yaml.Error($"name: t\ncluster: {{ version: 2012, {key}: true }}\nhosts: [ {{ name: hv, memory: 8GiB }} ]\n", "is new in 2012 R2, but the cluster is 2012")
            .Path.Should().Be("cluster." + key);

    [Fact]
    public void Names_are_unique_also_after_count_expansion_and_within_a_host()
    {
        IReadOnlyList<ScenarioError> errors = Yaml.Errors(
            "name: t\nhosts:\n  - { name: hv, count: 12, memory: 8GiB, nics: [ { name: n, speed: 1Gbps }, { name: n, speed: 1Gbps } ] }\n  - { name: hv1, count: 2, memory: 8GiB }\n");
        errors.Should().Contain(e => e.Message == "host name 'hv11' is used twice, after count expansion (first by hosts[0] at line 3)" && e.Path == "hosts[1].name");
        errors.Should().Contain(e => e.Message == "NIC name 'n' is used twice in hv01..hv12" && e.Path == "hosts[0].nics[1].name");
    }

    [Fact]
    public void Cluster_size_limits_count_expanded_hosts() =>
        Yaml.Error("name: t\nhosts: [ { name: a, count: 40, memory: 8GiB }, { name: b, count: 40, memory: 8GiB } ]\n", "80 hosts are more than a failover cluster's 64 nodes")
            .Path.Should().Be("hosts");

    [Fact]
    public void References_resolve_with_suggestions()
    {
        IReadOnlyList<ScenarioError> errors = Yaml.Errors(
            "name: t\ncluster: { liveMigration: { networks: [lmm] } }\n" + Lm + "storage: [ { name: csv1 } ]\nhosts: [ { name: hv, memory: 8GiB, nics: [ { name: n, speed: 1Gbps, networks: [lm, prd] } ] } ]\n"
            + "vms: [ { name: v, memory: 1GiB, disks: [ { name: os, size: 40GiB, storage: csv2 } ] } ]\nevents: [ { at: 1m, drain: hb }, { at: 2m, fail: { storagePath: hv/csv3 } } ]\n");
        errors.Select(e => (e.Path, e.Message)).Should().BeEquivalentTo(new[]
        {
            ("cluster.liveMigration.networks[0]", "'lmm' is not a network; did you mean 'lm'?"),
            ("hosts[0].nics[0].networks[1]", "'prd' is not a network"),
            ("vms[0].disks[0].storage", "'csv2' is not a storage volume; did you mean 'csv1'?"),
            ("events[0].drain", "'hb' is not a host; did you mean 'hv'?"),
            ("events[1].fail.storagePath", "'csv3' is not a storage volume; did you mean 'csv1'?"),
        });
    }

    [Fact]
    public void Moving_vms_needs_a_live_migration_network() =>
        Yaml.Error("name: t\nhosts: [ { name: hv, count: 2, memory: 8GiB } ]\nevents: [ { at: 1m, drain: hv1 } ]\n", "no network has role liveMigration")
            .Path.Should().Be("networks");

    [Fact]
    public void Dirtying_models_take_only_their_parameters()
    {
        const string start = "name: t\nhosts: [ { name: hv, memory: 8GiB } ]\nvms: [ { name: v, memory: 4GiB, memoryDirtying: ";
        Yaml.Error(start + "{ model: constant } } ]\n", "model constant needs a rate");
        Yaml.Error(start + "{ rate: 100MB/s } } ]\n", "a rate has no effect with model none");
        Yaml.Error(start + "{ model: constant, rate: 1MB/s, workingSet: 1GiB } } ]\n", "a working set size has no effect with model constant");
        Yaml.Error(start + "{ model: workingSet, rate: 1MB/s, workingSet: 8GiB } } ]\n", "working set 8GiB is more than the VM's memory 4GiB");
        Yaml.Error(start + "{ model: random } } ]\n", "'random' is not one of none, constant, workingSet");
        ScenarioLoader.LoadText(start + "{ model: constant, rate: 1.5GiB/s } } ]\n", "ok.yaml").Vms[0].Dirtying
            .Should().Be(new DirtyingSpec { Model = "constant", BytesPerSecond = 1.5 * (1L << 30) });
    }

    [Fact]
    public void Events_need_exactly_one_action_and_fault_targets_their_form()
    {
        Yaml.Error(Yaml.Base + "events: [ { at: 1m } ]\n", "an event needs one action");
        Yaml.Error(Yaml.Base + "events: [ { at: 1m, fail: { } } ]\n", "a fault needs one target");
        Yaml.Error(Yaml.Base + "events: [ { at: 1m, fail: { nic: hv1 } } ]\n", "'hv1' is not HOST/NIC");
        Yaml.Error(Yaml.Base + "events: [ { drain: hv1 } ]\n", "'at' is missing");
    }

    [Fact]
    public void Ide_holds_at_most_four_disks() =>
        Yaml.Error(
            "name: t\nhosts: [ { name: hv, memory: 8GiB } ]\nvms: [ { name: v, memory: 1GiB, disks: [ { name: a, size: 1GiB }, { name: b, size: 1GiB }, { name: c, size: 1GiB }, { name: d, size: 1GiB }, { name: e, size: 1GiB } ] } ]\n",
            "at most 4 IDE disks").Path.Should().Be("vms[0].disks[4]");

    [Fact]
    public void Repeated_names_are_reported_and_do_not_upset_the_event_rules()
    {
        IReadOnlyList<ScenarioError> errors = Yaml.Errors(
            Yaml.Base.Replace("{ name: vm1,", "{ name: lm1,", StringComparison.Ordinal)
            + "vms: [ { name: v, memory: 1GiB, host: hv1 }, { name: v, memory: 1GiB, host: hv2 } ]\nevents: [ { at: 1m, fail: { nic: hv1/lm1 } }, { at: 2m, migrate: { vm: v, to: hv2 } } ]\n");
        errors.Select(e => e.Message).Should().Contain("NIC name 'lm1' is used twice in hv1..hv2").And.Contain(m => m.StartsWith("VM name 'v' is used twice", StringComparison.Ordinal));
    }
}
