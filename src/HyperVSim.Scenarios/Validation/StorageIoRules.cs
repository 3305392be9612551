using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Scenarios.Validation;

/// <summary>
/// Storage QoS: a shared VHDX takes no QoS (2012 R2); a QoS acts on a disk's I/O workload, so it needs one; a minimum
/// above a maximum can never be met; a setQos event names a VM's disk that has an I/O workload and is not shared.
/// </summary>
internal static class StorageIoRules
{
    public static void Check(ValidationContext c)
    {
        foreach (Sourced<VmSpec> vm in c.Scenario.Vms.DistinctBy(v => v.Origin))
        {
            IReadOnlyList<DiskSpec> disks = vm.Spec.Disks;
            for (int i = 0; i < disks.Count; i++)
            {
                if (disks[i].Qos is not { } qos)
                {
                    continue;
                }

                string at = $"disks[{i}].qos";
                if (disks[i].Shared)
                {
                    c.Add(vm.Origin.Of(at), $"disk '{disks[i].Name}' is a shared VHDX: Storage QoS does not apply to a shared VHDX in 2012 R2", "remove qos, or make the disk not shared");
                }
                else if (disks[i].Io is null)
                {
                    c.Add(vm.Origin.Of(at), $"disk '{disks[i].Name}' has a qos but no I/O workload for it to act on", "add io: { iops: 2000, size: 8KiB } to the disk, or remove qos");
                }

                if (qos.Minimum > 0 && qos.Maximum > 0 && qos.Minimum > qos.Maximum)
                {
                    c.Add(vm.Origin.Of(at + ".minimum"), $"the minimum {qos.Minimum} is above the maximum {qos.Maximum}: the disk could never reach it", "lower the minimum to at most the maximum");
                }
            }
        }

        foreach (Sourced<ScenarioEventSpec> e in c.Scenario.Events)
        {
            if (e.Spec is not SetQosEventSpec q || !c.Refers(q.Vm, e.Origin.Of("setQos.vm"), "VM", c.Vms, "vms") || q.Vm.Length == 0 || q.Disk.Length == 0)
            {
                continue;
            }

            DiskSpec? disk = c.Vms[q.Vm].Spec.Disks.FirstOrDefault(d => d.Name == q.Disk);
            Diagnostics.Site site = e.Origin.Of("setQos.disk");
            if (disk is null)
            {
                string names = string.Join(", ", c.Vms[q.Vm].Spec.Disks.Select(d => d.Name));
                c.Add(site, $"{q.Vm} has no disk '{q.Disk}'", names.Length == 0 ? $"give {q.Vm} a disk first" : $"name one of its disks: {names}");
            }
            else if (disk.Shared)
            {
                c.Add(site, $"disk '{q.Disk}' of {q.Vm} is a shared VHDX: Storage QoS does not apply to a shared VHDX in 2012 R2", "set QoS on a disk that is not shared");
            }
            else if (disk.Io is null)
            {
                c.Add(site, $"disk '{q.Disk}' of {q.Vm} has no I/O workload for a QoS to act on", "give the disk io: { iops: 2000, size: 8KiB }");
            }
        }
    }
}
