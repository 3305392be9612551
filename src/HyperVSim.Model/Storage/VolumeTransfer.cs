using HyperVSim.Flow;

namespace HyperVSim.Model.Storage;

/// <summary>Bulk reads and writes on a volume through the flow model (saved state, VHDX zeroing).</summary>
internal static class VolumeTransfer
{
    /// <summary>
    /// Starts moving <paramref name="bytes"/> to or from <paramref name="volume"/> in I/Os of
    /// <paramref name="ioSizeBytes"/>: the flow crosses the volume's bandwidth and IOPS resources and shares them
    /// max-min with every other flow there; with no volume, or one the scenario does not limit, it runs at
    /// <paramref name="unlimitedBytesPerSecond"/>.
    /// </summary>
    public static Flow.Flow Start(FlowNetwork flows, string name, long bytes, Volume? volume, long ioSizeBytes, double unlimitedBytesPerSecond)
    {
        IReadOnlyList<FlowUsage> usages = volume?.Usages(ioSizeBytes) ?? [];
        return flows.Start(name, bytes, usages, usages.Count == 0 ? unlimitedBytesPerSecond : double.PositiveInfinity);
    }

    /// <summary>The volume of the VM's first disk that lives on one, or null.</summary>
    public static Volume? FirstDiskVolume(Cluster cluster, VirtualMachine vm) =>
        vm.Spec.Disks.FirstOrDefault(d => d.Storage is not null) is { Storage: { } name } ? cluster.VolumeNamed(name) : null;
}
