using HyperVSim.Model.Boot;
using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Scenarios.Validation;

/// <summary>
/// Generation rules of Hyper-V 2012 R2 (docs/model.md §Boot; [D] "Should I create a generation 1 or 2 virtual
/// machine"): a generation 2 VM runs only the guests documented for it (64-bit Windows 8 / Server 2012 or later, the
/// Linux distributions listed), has only VHDX disks on SCSI (no IDE: <see cref="DiskRules"/>), no floppy, no legacy
/// NIC, no RemoteFX; Secure Boot only on generation 2, and on 2012 R2 only for Windows guests (its one template is
/// Microsoft Windows); the boot volume is at most 2 TB on generation 1 (64 TB on generation 2, the VHDX limit the
/// size check holds); generation 1 PXE-boots only from a legacy NIC; a boot model replaces <c>startTime</c>.
/// The generation itself is fixed at creation: the reader refuses one in an event.
/// </summary>
internal static class BootRules
{
    /// <summary>A generation 1 boot volume's limit: 2 TiB (BIOS and MBR).</summary>
    public const long Gen1BootVolumeBytes = 2L << 40;

    public static void Check(ValidationContext c)
    {
        foreach (Sourced<VmSpec> vm in c.Scenario.Vms.DistinctBy(v => v.Origin))
        {
            VmSpec v = vm.Spec;
            bool gen2 = v.Generation == VmGeneration.Two;
            GuestOsProfile? os = GuestOsProfiles.Find(v.GuestOs);
            if (gen2 && os is { Generation2: false })
            {
                c.Add(vm.Origin.Of("guestOs"), $"{os.Description} is not supported in a generation 2 VM: generation 2 runs 64-bit Windows 8 / Server 2012 or later and the Linux distributions documented for it (Ubuntu 14.04, RHEL/CentOS 7, SLES 12)", "write generation: 1, or a guest OS generation 2 supports");
            }

            if (v.UsesBootModel && v.StartTime is not null)
            {
                c.Add(vm.Origin.Of("startTime"), "startTime is the fixed start time a boot model replaces, and this VM boots through one (it names a guestOs or a bootOrder)", "remove startTime, or remove guestOs and bootOrder to keep the fixed start time");
            }

            if (v.SecureBoot == true && !gen2)
            {
                c.Add(vm.Origin.Of("secureBoot"), "Secure Boot is a UEFI feature: only generation 2 VMs have it", "remove secureBoot, or write generation: 2");
            }
            else if (gen2 && v.SecureBootOn && os is { Windows: false })
            {
                string at = v.SecureBoot is null ? "guestOs" : "secureBoot";
                c.Add(vm.Origin.Of(at), $"Secure Boot on 2012 R2 trusts only the Microsoft Windows template, so {os.Description} cannot boot with it (it is on by default for generation 2)", "write secureBoot: false for this Linux guest");
            }

            if (gen2 && v.Floppy)
            {
                c.Add(vm.Origin.Of("floppy"), "a generation 2 VM has no floppy drive", "remove floppy, or write generation: 1");
            }

            if (gen2 && v.RemoteFx)
            {
                c.Add(vm.Origin.Of("remoteFx"), "a generation 2 VM cannot have a RemoteFX 3D video adapter", "remove remoteFx, or write generation: 1");
            }

            Disks(c, vm, gen2);
            Nics(c, vm, gen2);
        }
    }

    private static void Disks(ValidationContext c, Sourced<VmSpec> vm, bool gen2)
    {
        IReadOnlyList<DiskSpec> disks = vm.Spec.Disks;
        for (int i = 0; i < disks.Count; i++)
        {
            if (gen2 && disks[i].Format == DiskFormat.Vhd)
            {
                c.Add(vm.Origin.Of($"disks[{i}].format"), "a generation 2 VM's disks are VHDX only, not VHD", "write format: vhdx (convert the disk with Convert-VHD)");
            }
        }

        int boot = gen2 ? -1 : disks.ToList().FindIndex(d => d.Controller == DiskController.Ide);
        if (boot >= 0 && disks[boot].SizeBytes > Gen1BootVolumeBytes)
        {
            c.Add(vm.Origin.Of($"disks[{boot}].size"), $"a generation 1 VM boots from a volume of at most 2 TiB (BIOS, MBR), and its boot disk {disks[boot].Name} is {Units.FormatSize(disks[boot].SizeBytes)}", "write a size of 2TiB or less, or write generation: 2 (boot volumes up to 64 TB)");
        }
    }

    private static void Nics(ValidationContext c, Sourced<VmSpec> vm, bool gen2)
    {
        IReadOnlyList<VmNicSpec> nics = vm.Spec.Nics;
        for (int i = 0; i < nics.Count; i++)
        {
            if (gen2 && nics[i].Legacy)
            {
                c.Add(vm.Origin.Of($"nics[{i}].legacy"), "a generation 2 VM has no legacy network adapter (its synthetic NIC boots over PXE)", "remove legacy");
            }
        }

        IReadOnlyList<BootDevice> order = vm.Spec.BootOrder ?? [];
        for (int i = 0; i < order.Count; i++)
        {
            if (order[i] == BootDevice.Network && !gen2 && !nics.Any(n => n.Legacy))
            {
                c.Add(vm.Origin.Of($"bootOrder[{i}]"), "a generation 1 VM boots over PXE only from a legacy network adapter, and this VM has none", "add legacy: true to one of its nics, or remove network from bootOrder");
            }

            if (order[i] == BootDevice.Floppy && gen2)
            {
                c.Add(vm.Origin.Of($"bootOrder[{i}]"), "a generation 2 VM has no floppy drive to boot from", "remove floppy from bootOrder");
            }
        }
    }
}
