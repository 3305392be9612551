using FluentAssertions;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>
/// Saved state, in-place upgrade and online VHDX resize events (issue 10) refused where Hyper-V cannot do them: each
/// case is the one error of its scenario, at the value to change (path, line, column), with its exact message and fix.
/// </summary>
public sealed class SavedStateValidationTests
{
    /// <summary><see cref="Yaml.Base"/> (hv1, hv2 at 2012 R2), a volume and a generation 1 VM on hv1 with an IDE, a SCSI, a VHD and a shared disk.</summary>
    private const string Vms = Yaml.Base + """
        storage: [ { name: csv1, bandwidth: 1GB/s } ]
        vms:
          - name: sql1
            memory: 8GiB
            host: hv1
            disks:
              - { name: os, size: 127GiB, controller: ide, storage: csv1 }
              - { name: data, size: 500GiB, controller: scsi, storage: csv1, used: 200GiB }
              - { name: old, size: 100GiB, controller: scsi, storage: csv1, format: vhd }
              - { name: full, size: 100GiB, controller: scsi, storage: csv1 }
        events:

        """;

    [Fact]
    public void A_resize_of_an_ide_disk_is_an_error() =>
        Check(Vms + "  - { at: 1m, resize: { vm: sql1, disk: os, size: 200GiB } }\n", ("events[0].resize.disk", 23, 41),
            "sql1/os is on the IDE controller: Hyper-V resizes online only a VHDX on the SCSI controller", "attach the disk to controller: scsi, or remove the event");

    [Fact]
    public void A_resize_of_a_vhd_is_an_error() =>
        Check(Vms + "  - { at: 1m, resize: { vm: sql1, disk: old, size: 200GiB } }\n", ("events[0].resize.disk", 23, 41),
            "sql1/old is a VHD file: Hyper-V resizes only a VHDX while the VM runs", "convert the disk to VHDX (format: vhdx), or remove the event");

    [Fact]
    public void A_shrink_below_the_used_size_is_an_error() =>
        Check(Vms + "  - { at: 1m, resize: { vm: sql1, disk: data, size: 150GiB } }\n", ("events[0].resize.size", 23, 53),
            "sql1/data cannot shrink to 150GiB: its partitions use 200GiB", "write a size of at least 200GiB, or give the disk the size its partitions use with used:");

    [Fact]
    public void A_shrink_of_a_disk_without_used_is_an_error_naming_the_default() =>
        Check(Vms + "  - { at: 1m, resize: { vm: sql1, disk: full, size: 90GiB } }\n", ("events[0].resize.size", 23, 53),
            "sql1/full cannot shrink to 90GiB: its partitions fill the whole disk (no used: given)", "write a size of at least 100GiB");

    [Fact]
    public void A_resize_of_a_disk_the_vm_does_not_have_gets_a_suggestion() =>
        Check(Vms + "  - { at: 1m, resize: { vm: sql1, disk: dta, size: 600GiB } }\n", ("events[0].resize.disk", 23, 41),
            "sql1 has no disk 'dta'; did you mean 'data'?", "name one of sql1's disks: os, data, old, full");

    [Fact]
    public void A_used_size_larger_than_the_disk_is_an_error() =>
        Check(Yaml.Base + "storage: [ { name: csv1 } ]\nvms: [ { name: v, memory: 1GiB, disks: [ { name: d, size: 10GiB, controller: scsi, storage: csv1, used: 20GiB } ] } ]\n",
            ("vms[0].disks[0].used", 13, 105), "the disk's partitions cannot use 20GiB of a 10GiB disk", "write used: 10GiB or less");

    [Fact]
    public void An_upgrade_of_a_2012R2_host_is_an_error() =>
        Check(Vms + "  - { at: 1m, upgrade: { host: hv2, duration: 45m } }\n", ("events[0].upgrade.host", 23, 32),
            "only a 2012 host can be upgraded in place to 2012 R2, and hv2 runs 2012 R2 already", "name a host with version: 2012, or remove the event");

    [Fact]
    public void A_second_upgrade_of_the_same_host_is_an_error() =>
        Check(Vms.Replace("count: 2\n", "count: 2\n    version: 2012\n", StringComparison.Ordinal)
            + "  - { at: 1m, upgrade: { host: hv2, duration: 45m } }\n  - { at: 2h, upgrade: { host: hv2, duration: 45m } }\n", ("events[1].upgrade.host", 25, 32),
            "only a 2012 host can be upgraded in place to 2012 R2, and hv2 runs 2012 R2 after its upgrade at 1m", "remove this event, or upgrade another 2012 host");

    [Fact]
    public void An_upgrade_of_zero_duration_is_an_error() =>
        Check(Vms.Replace("count: 2\n", "count: 2\n    version: 2012\n", StringComparison.Ordinal) + "  - { at: 1m, upgrade: { host: hv1, duration: 0s } }\n", ("events[0].upgrade.duration", 24, 47),
            "'0s' is zero; it must be more than zero", "write a value from");

    [Fact]
    public void An_upgrade_needs_a_duration() =>
        Check(Vms.Replace("count: 2\n", "count: 2\n    version: 2012\n", StringComparison.Ordinal) + "  - { at: 1m, upgrade: { host: hv1 } }\n", ("events[0].upgrade.duration", 24, 24),
            "'duration' is missing", "add duration: 45m");

    [Fact]
    public void A_save_of_a_vm_that_does_not_exist_gets_a_suggestion() =>
        Check(Vms + "  - { at: 1m, save: { vm: sql2 } }\n", ("events[0].save.vm", 23, 27), "'sql2' is not a VM; did you mean 'sql1'?", "name one of the VMs: sql1");

    [Fact]
    public void A_restore_of_a_vm_that_does_not_exist_gets_a_suggestion() =>
        Check(Vms + "  - { at: 1m, restore: { vm: sql2 } }\n", ("events[0].restore.vm", 23, 30), "'sql2' is not a VM; did you mean 'sql1'?", "name one of the VMs: sql1");

    [Fact]
    public void After_an_upgrade_a_move_from_the_upgraded_host_to_a_2012_host_is_refused()
    {
        string text = Yaml.Base.Replace("count: 2\n", "count: 2\n    version: 2012\n", StringComparison.Ordinal)
            + "vms: [ { name: v, memory: 1GiB, host: hv1, nics: [ { network: prod } ] } ]\nevents:\n"
            + "  - { at: 1m, upgrade: { host: hv1, duration: 45m } }\n  - { at: 2h, migrate: { vm: v, to: hv2 } }\n";
        Yaml.Error(text, "back to 2012").Message.Should().Contain("from 2012 R2 (hv1) back to 2012 (hv2)");
    }

    [Fact]
    public void Save_restore_upgrade_and_resize_load_into_their_specs()
    {
        Model.Specs.ScenarioSpec spec = ScenarioLoader.LoadText(
            Vms.Replace("count: 2\n", "count: 2\n    version: 2012\n", StringComparison.Ordinal)
            + "  - { at: 1m, save: { vm: sql1 } }\n  - { at: 2m, restore: { vm: sql1 } }\n  - { at: 3m, upgrade: { host: hv1, duration: 45m } }\n  - { at: 2h, resize: { vm: sql1, disk: data, size: 600GiB } }\n", "t.yaml");

        spec.Events.Should().Equal(
            new Model.Specs.SaveEventSpec(Engine.SimTime.FromSeconds(60), "sql1"),
            new Model.Specs.RestoreEventSpec(Engine.SimTime.FromSeconds(120), "sql1"),
            new Model.Specs.UpgradeEventSpec(Engine.SimTime.FromSeconds(180), "hv1", Engine.SimTime.FromSeconds(2700)),
            new Model.Specs.ResizeEventSpec(Engine.SimTime.FromSeconds(7200), "sql1", "data", 600L << 30));
        spec.Vms[0].Disks[1].UsedBytes.Should().Be(200L << 30);
        spec.Vms[0].Disks[1].Type.Should().Be(Model.Specs.DiskType.Dynamic);
    }

    private static void Check(string text, (string Path, int Line, int Column) at, string message, string fix)
    {
        ScenarioError e = Yaml.Errors(text).Should().ContainSingle().Subject;
        (e.Path, e.Line, e.Column).Should().Be(at);
        e.Message.Should().Be(message);
        e.Fix.Should().Contain(fix);
    }
}
