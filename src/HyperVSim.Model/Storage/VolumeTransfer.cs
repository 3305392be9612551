using HyperVSim.Flow;

namespace HyperVSim.Model.Storage;

/// <summary>Bulk reads and writes on a volume through the flow model (saved state, VHDX zeroing).</summary>
internal static class VolumeTransfer
{
    /// <summary>
    /// Starts moving <paramref name="bytes"/> to or from <paramref name="volume"/> in I/Os of
    /// <paramref name="ioSizeBytes"/>: the flow crosses the volume's bandwidth and IOPS resources and shares them
    /// max-min with every other flow there; with no volume, or one the scenario does not limit, it runs at
    /// <paramref name="unlimitedBytesPerSecond"/>. It fails when the volume fails or <paramref name="host"/> loses it.
    /// </summary>
    public static Flow.Flow Start(Cluster cluster, string name, long bytes, Volume? volume, Host host, long ioSizeBytes, double unlimitedBytesPerSecond)
    {
        IReadOnlyList<FlowUsage> usages = volume?.Usages(ioSizeBytes) ?? [];
        Flow.Flow flow = cluster.Flows.Start(name, bytes, usages, usages.Count == 0 ? unlimitedBytesPerSecond : double.PositiveInfinity);
        cluster.NeedsVolume(flow, volume, host);
        return flow;
    }

    /// <summary>The volume of the VM's first disk that lives on one, or null.</summary>
    public static Volume? FirstDiskVolume(Cluster cluster, VirtualMachine vm) =>
        vm.Spec.Disks.FirstOrDefault(d => d.Storage is not null) is { Storage: { } name } ? cluster.VolumeNamed(name) : null;
}
