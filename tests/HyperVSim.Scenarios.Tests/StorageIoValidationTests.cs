using FluentAssertions;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>
/// Disk I/O, Storage QoS and SMB bandwidth limit keys (issue 10) refused where 2012 R2 or the model cannot have them:
/// each case is the one error of its scenario, at the value to change (path, line, column), with its message and fix.
/// </summary>
public sealed class StorageIoValidationTests
{
    private const string Vm = "storage: [ { name: csv1 } ]\nvms: [ { name: v, memory: 1GiB, disks: [ ";

    [Fact]
    public void Qos_on_a_shared_vhdx_is_an_error() =>
        Check(Yaml.Base + Vm + "{ name: d, size: 1GiB, storage: csv1, shared: true, io: { iops: 100, size: 8KiB }, qos: { maximum: 500 } } ] } ]\n", ("vms[0].disks[0].qos", 13, 130), "disk 'd' is a shared VHDX: Storage QoS does not apply to a shared VHDX in 2012 R2", "remove qos");

    [Fact]
    public void A_setQos_on_a_shared_vhdx_is_an_error() =>
        Check(Yaml.Base + Vm + "{ name: d, size: 1GiB, storage: csv1, shared: true, io: { iops: 100, size: 8KiB } } ] } ]\nevents:\n  - { at: 1m, setQos: { vm: v, disk: d, maximum: 10 } }\n", ("events[0].setQos.disk", 15, 38), "disk 'd' of v is a shared VHDX: Storage QoS does not apply to a shared VHDX in 2012 R2", "not shared");

    [Fact]
    public void Io_iops_out_of_range_is_an_error() =>
        Single(Yaml.Base + Vm + "{ name: d, size: 1GiB, storage: csv1, io: { iops: 0, size: 8KiB } } ] } ]\n", "vms[0].disks[0].io.iops");

    [Fact]
    public void Io_size_below_a_sector_is_an_error() =>
        Single(Yaml.Base + Vm + "{ name: d, size: 1GiB, storage: csv1, io: { iops: 10, size: 256B } } ] } ]\n", "vms[0].disks[0].io.size");

    [Fact]
    public void Io_read_above_100_percent_is_an_error() =>
        Single(Yaml.Base + Vm + "{ name: d, size: 1GiB, storage: csv1, io: { iops: 10, size: 8KiB, read: 120% } } ] } ]\n", "vms[0].disks[0].io.read");

    [Fact]
    public void A_negative_qos_maximum_is_an_error() =>
        Single(Yaml.Base + Vm + "{ name: d, size: 1GiB, storage: csv1, io: { iops: 10, size: 8KiB }, qos: { maximum: -5 } } ] } ]\n", "vms[0].disks[0].qos.maximum");

    [Fact]
    public void A_qos_minimum_above_its_maximum_is_an_error() =>
        Check(Yaml.Base + Vm + "{ name: d, size: 1GiB, storage: csv1, io: { iops: 10, size: 8KiB }, qos: { minimum: 600, maximum: 500 } } ] } ]\n", ("vms[0].disks[0].qos.minimum", 13, 126), "the minimum 600 is above the maximum 500: the disk could never reach it", "lower the minimum");

    [Fact]
    public void A_qos_without_io_is_an_error() =>
        Check(Yaml.Base + Vm + "{ name: d, size: 1GiB, storage: csv1, qos: { maximum: 500 } } ] } ]\n", ("vms[0].disks[0].qos", 13, 85), "disk 'd' has a qos but no I/O workload for it to act on", "add io:");

    [Fact]
    public void An_smb_limit_on_an_unknown_category_is_an_error_with_a_suggestion() =>
        Check(Yaml.Base.Replace("memory: 256GiB", "memory: 256GiB\n    smbBandwidthLimit: { liveMigraton: 500MB/s }", StringComparison.Ordinal), ("hosts[0].smbBandwidthLimit.liveMigraton", 9, 26), "unknown key 'liveMigraton'; did you mean 'liveMigration'?", "keys allowed in hosts[].smbBandwidthLimit: liveMigration, virtualMachine, default");

    [Fact]
    public void The_new_keys_load_into_the_spec()
    {
        var spec = ScenarioLoader.LoadText(
            Yaml.Base.Replace("memory: 256GiB", "memory: 256GiB\n    smbBandwidthLimit: { liveMigration: 500MB/s }", StringComparison.Ordinal)
            + "storage: [ { name: s1, kind: smb, nodes: 4, nodeBandwidth: 1GB/s, serviceTime: 3ms } ]\nvms: [ { name: v, memory: 1GiB, disks: [ { name: d, size: 1GiB, storage: s1, io: { iops: 2000, size: 64KiB, read: 25% }, qos: { minimum: 300, maximum: 1500, window: 10s } } ] } ]\nevents:\n  - { at: 1m, setQos: { vm: v, disk: d, minimum: 0 } }\n",
            "t.yaml");

        spec.Hosts[0].SmbBandwidthLimit.LiveMigration.Should().Be(500e6);
        spec.Storage[0].Should().Match<Model.Specs.StorageSpec>(s => s.Nodes == 4 && s.NodeBytesPerSecond == 1e9 && s.EffectiveServiceTime == Engine.SimTime.FromMilliseconds(3));
        spec.Vms[0].Disks[0].Io.Should().Be(new Model.Specs.DiskIoSpec(2000, 65536, 0.25));
        spec.Vms[0].Disks[0].Qos.Should().Be(new Model.Specs.DiskQosSpec { Minimum = 300, Maximum = 1500, Window = Engine.SimTime.FromSeconds(10) });
        spec.Events.Should().ContainSingle().Which.Should().Be(new Model.Specs.SetQosEventSpec(Engine.SimTime.FromSeconds(60), "v", "d") { Minimum = 0 });
    }

    private static void Single(string text, string path) =>
        Yaml.Errors(text).Should().ContainSingle().Which.Path.Should().Be(path);

    private static void Check(string text, (string Path, int Line, int Column) at, string message, string fix)
    {
        ScenarioError e = Yaml.Errors(text).Should().ContainSingle().Subject;
        (e.Path, e.Line, e.Column).Should().Be(at);
        e.Message.Should().Be(message);
        e.Fix.Should().Contain(fix);
    }
}
