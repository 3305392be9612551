using FluentAssertions;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>
/// The generation rules of issue 11 item 3 (docs/model.md §Boot): each case is the one error of its scenario, at the
/// value to change (path, line, column), with its message and fix.
/// </summary>
public sealed class BootValidationTests
{
    /// <summary>The line the VM of <see cref="Check"/> is written on: <see cref="Yaml.Base"/> is 11 lines, then <c>vms:</c>.</summary>
    private const int VmLine = 13;

    [Fact]
    public void A_gen2_guest_must_be_64_bit_windows_8_or_later() =>
        Check("{ name: v, generation: 2, memory: 1GiB, host: hv1, guestOs: win7 }", "win7", "vms[0].guestOs",
            "Windows 7 (64-bit) is not supported in a generation 2 VM", "write generation: 1");

    [Fact]
    public void A_gen2_guest_cannot_be_32_bit() =>
        Check("{ name: v, generation: 2, memory: 1GiB, host: hv1, guestOs: win81x86 }", "win81x86", "vms[0].guestOs",
            "Windows 8.1 (32-bit) is not supported in a generation 2 VM", "a guest OS generation 2 supports");

    [Fact]
    public void A_gen2_linux_guest_must_be_a_documented_distribution() =>
        Check("{ name: v, generation: 2, memory: 1GiB, host: hv1, guestOs: rhel6, secureBoot: false }", "rhel6", "vms[0].guestOs",
            "Red Hat Enterprise Linux / CentOS 6 (64-bit) is not supported in a generation 2 VM", "write generation: 1");

    [Fact]
    public void A_documented_gen2_linux_guest_is_accepted_with_secure_boot_off() =>
        ScenarioLoader.LoadText(Yaml.Base + "vms:\n  - { name: v, generation: 2, memory: 1GiB, host: hv1, guestOs: ubuntu1404, secureBoot: false }\n", "t.yaml")
            .Vms.Single().GuestOs.Should().Be("ubuntu1404");

    [Fact]
    public void Secure_boot_on_a_linux_guest_is_an_error_on_2012_r2() =>
        Check("{ name: v, generation: 2, memory: 1GiB, host: hv1, guestOs: sles12 }", "sles12", "vms[0].guestOs",
            "Secure Boot on 2012 R2 trusts only the Microsoft Windows template", "secureBoot: false");

    [Fact]
    public void A_gen2_disk_must_be_vhdx() =>
        Check("{ name: v, generation: 2, memory: 1GiB, host: hv1, disks: [ { name: os, size: 40GiB, format: vhd } ] }", "vhd", "vms[0].disks[0].format",
            "a generation 2 VM's disks are VHDX only, not VHD", "write format: vhdx");

    [Fact]
    public void A_gen2_disk_cannot_be_on_ide() =>
        Check("{ name: v, generation: 2, memory: 1GiB, host: hv1, disks: [ { name: os, size: 40GiB, controller: ide } ] }", "ide", "vms[0].disks[0].controller",
            "a generation 2 VM has no IDE controller", "write controller: scsi");

    [Fact]
    public void A_gen2_vm_has_no_floppy() =>
        Check("{ name: v, generation: 2, memory: 1GiB, host: hv1, floppy: true }", "true", "vms[0].floppy",
            "a generation 2 VM has no floppy drive", "remove floppy");

    [Fact]
    public void A_gen2_vm_cannot_boot_from_a_floppy() =>
        Check("{ name: v, generation: 2, memory: 1GiB, host: hv1, bootOrder: [disk, floppy] }", "floppy", "vms[0].bootOrder[1]",
            "a generation 2 VM has no floppy drive to boot from", "remove floppy from bootOrder");

    [Fact]
    public void A_gen2_vm_has_no_remotefx() =>
        Check("{ name: v, generation: 2, memory: 1GiB, host: hv1, remoteFx: true }", "true", "vms[0].remoteFx",
            "a generation 2 VM cannot have a RemoteFX 3D video adapter", "write generation: 1");

    [Fact]
    public void Secure_boot_is_for_gen2_only() =>
        Check("{ name: v, generation: 1, memory: 1GiB, host: hv1, secureBoot: true }", "true", "vms[0].secureBoot",
            "Secure Boot is a UEFI feature: only generation 2 VMs have it", "write generation: 2");

    [Fact]
    public void A_gen1_boot_volume_is_at_most_2_tb() =>
        Check("{ name: v, generation: 1, memory: 1GiB, host: hv1, disks: [ { name: os, size: 3TiB } ] }", "3TiB", "vms[0].disks[0].size",
            "a generation 1 VM boots from a volume of at most 2 TiB (BIOS, MBR), and its boot disk os is 3TiB", "write generation: 2");

    [Fact]
    public void A_gen2_boot_volume_of_3_tb_is_fine_and_64_tb_is_the_limit()
    {
        ScenarioLoader.LoadText(Yaml.Base + "vms:\n  - { name: v, generation: 2, memory: 1GiB, host: hv1, disks: [ { name: os, size: 3TiB } ] }\n", "t.yaml").Vms.Should().ContainSingle();
        ScenarioError e = Yaml.Errors(Yaml.Base + "vms:\n  - { name: v, generation: 2, memory: 1GiB, host: hv1, disks: [ { name: os, size: 65TiB } ] }\n").Should().ContainSingle().Subject;
        (e.Path, e.Line).Should().Be(("vms[0].disks[0].size", VmLine));
    }

    [Fact]
    public void A_gen1_vm_pxe_boots_only_from_a_legacy_nic() =>
        Check("{ name: v, generation: 1, memory: 1GiB, host: hv1, nics: [ { network: prod } ], bootOrder: [network, disk] }", "network, disk", "vms[0].bootOrder[0]",
            "a generation 1 VM boots over PXE only from a legacy network adapter, and this VM has none", "add legacy: true");

    [Fact]
    public void A_gen2_vm_has_no_legacy_nic() =>
        Check("{ name: v, generation: 2, memory: 1GiB, host: hv1, nics: [ { network: prod, legacy: true } ] }", "true", "vms[0].nics[0].legacy",
            "a generation 2 VM has no legacy network adapter (its synthetic NIC boots over PXE)", "remove legacy");

    [Fact]
    public void The_generation_is_fixed_at_creation()
    {
        string text = Yaml.Base + "vms:\n  - { name: v, memory: 1GiB, host: hv1, state: off }\nevents:\n  - { at: 1s, start: { vm: v, generation: 2 } }\n";
        ScenarioError e = Yaml.Errors(text).Should().ContainSingle().Subject;
        (e.Path, e.Line, e.Column).Should().Be(("events[0].start.generation", VmLine + 2, "  - { at: 1s, start: { vm: v, generation: 2 } }".IndexOf('2', StringComparison.Ordinal) + 1));
        e.Message.Should().Be("a VM's generation is fixed when it is created: no event changes it");
    }

    [Fact]
    public void A_boot_model_replaces_start_time() =>
        Check("{ name: v, memory: 1GiB, host: hv1, guestOs: ws2012r2, startTime: 40s }", "40s", "vms[0].startTime",
            "startTime is the fixed start time a boot model replaces", "remove startTime");

    [Fact]
    public void A_device_listed_twice_in_the_boot_order_is_an_error() =>
        Check("{ name: v, memory: 1GiB, host: hv1, bootOrder: [disk, dvd, disk] }", "disk]", "vms[0].bootOrder[2]",
            "'disk' is listed twice in the boot order", "list each device once");

    [Fact]
    public void A_tftp_window_beyond_rfc_7440_is_an_error() =>
        Yaml.Error(Yaml.Base.Replace("{ name: prod, role: vm }", "{ name: prod, role: vm, pxe: true, tftpWindow: 70000 }", StringComparison.Ordinal), "tftpWindow")
            .Message.Should().Contain("RFC 7440");

    /// <summary>The VM written as <paramref name="vm"/> gives one error, at the first <paramref name="token"/> after its name.</summary>
    private static void Check(string vm, string token, string path, string message, string fix)
    {
        string line = "  - " + vm;
        ScenarioError e = Yaml.Errors(Yaml.Base + "vms:\n" + line + "\n").Should().ContainSingle().Subject;
        int column = line.IndexOf(token, line.IndexOf("name: v", StringComparison.Ordinal) + 7, StringComparison.Ordinal) + 1;
        (e.Path, e.Line, e.Column).Should().Be((path, VmLine, column));
        e.Message.Should().Contain(message);
        e.Fix.Should().Contain(fix);
    }
}
