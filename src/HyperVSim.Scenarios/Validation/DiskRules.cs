using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Scenarios.Validation;

/// <summary>
/// Virtual disk controllers: generation 2 has no IDE controller; IDE holds 2 × 2 disks, SCSI 4 × 64. A disk's
/// partitions use at most its size.
/// </summary>
internal static class DiskRules
{
    public static void Check(ValidationContext c)
    {
        foreach (Sourced<VmSpec> vm in c.Scenario.Vms.DistinctBy(v => v.Origin))
        {
            IReadOnlyList<DiskSpec> disks = vm.Spec.Disks;
            int ide = 0;
            int scsi = 0;
            for (int i = 0; i < disks.Count; i++)
            {
                if (disks[i].Controller == DiskController.Ide && vm.Spec.Generation == VmGeneration.Two)
                {
                    c.Add(vm.Origin.Of($"disks[{i}].controller"), "a generation 2 VM has no IDE controller", "write controller: scsi");
                }

                if (disks[i].Controller == DiskController.Ide && ++ide == Limits.MaxIdeDisks + 1)
                {
                    c.Add(vm.Origin.Of($"disks[{i}]"), $"a VM has at most {Limits.MaxIdeDisks} IDE disks (2 controllers × 2)", "put further disks on controller: scsi");
                }

                if (disks[i].UsedBytes is { } used && used > disks[i].SizeBytes)
                {
                    c.Add(vm.Origin.Of($"disks[{i}].used"), $"the disk's partitions cannot use {Units.FormatSize(used)} of a {Units.FormatSize(disks[i].SizeBytes)} disk", $"write used: {Units.FormatSize(disks[i].SizeBytes)} or less");
                }

                if (disks[i].Controller == DiskController.Scsi && ++scsi == Limits.MaxScsiDisks + 1)
                {
                    c.Add(vm.Origin.Of($"disks[{i}]"), $"a VM has at most {Limits.MaxScsiDisks} SCSI disks (4 controllers × 64)", "use fewer disks");
                }
            }
        }
    }
}
