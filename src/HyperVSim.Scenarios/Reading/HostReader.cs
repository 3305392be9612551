using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios.Reading;

/// <summary>Reads one item of <c>hosts:</c>, expanded by its count; the version defaults to the cluster's.</summary>
internal static class HostReader
{
    public static IReadOnlyList<Sourced<HostSpec>> Read(YNode node, Origin origin, HyperVVersion clusterVersion, Scalars scalars)
    {
        int before = scalars.Problems.Count;
        MapReader? map = MapReader.Open(node, origin, "", KeyLevels.Host, scalars);
        if (map is null)
        {
            return [];
        }

        string name = map.Name("name", "hv") ?? "";
        long? count = map.Integer("count", Limits.HostCount);
        var spec = new HostSpec { Name = name, MemoryBytes = map.Size("memory", Limits.HostMemory, "256GiB") ?? 0 };
        spec = spec with
        {
            Version = map.Version("version") ?? clusterVersion,
            Subnet = map.Name("subnet") ?? spec.Subnet,
            Cpu = Cpu(map.Map("cpu", KeyLevels.Cpu), spec.Cpu),
            MemoryReserveBytes = map.Size("memoryReserve", Limits.MemoryReserve) ?? spec.MemoryReserveBytes,
            Nics = (map.List("nics") ?? []).Select(item => Nic(item.Node, item.Rel, map.Origin, scalars)).ToArray(),
            VirtualSwitches = map.Names("virtualSwitches"),
            SmbBandwidthLimit = SmbLimit(map.Map("smbBandwidthLimit", KeyLevels.SmbBandwidthLimit), spec.SmbBandwidthLimit),
            EnhancedSessionMode = map.Bool("enhancedSessionMode") ?? spec.EnhancedSessionMode,
        };
        bool broken = scalars.Problems.Count > before;
        bool countUnknown = map.Has("count") && count is null;
        return CountExpansion.Names(name, count).Select(n => new Sourced<HostSpec>(spec with { Name = n }, origin, broken) { CountUnknown = countUnknown }).ToArray();
    }

    /// <summary>Set-SmbBandwidthLimit per category (liveMigration, virtualMachine, default), bytes per second.</summary>
    private static SmbBandwidthLimitSpec SmbLimit(MapReader? map, SmbBandwidthLimitSpec d) => map is null ? d : d with
    {
        LiveMigration = map.ByteRate("liveMigration", Limits.SmbLimit),
        VirtualMachine = map.ByteRate("virtualMachine", Limits.SmbLimit),
        Default = map.ByteRate("default", Limits.SmbLimit),
    };

    private static CpuSpec Cpu(MapReader? map, CpuSpec d) => map is null ? d : d with
    {
        Cores = (int?)map.Integer("cores", Limits.Cores) ?? d.Cores,
        Ghz = map.Ghz("ghz", Limits.Ghz) ?? d.Ghz,
        Vendor = map.Choice("vendor", SpecNames.Vendors.Words) is { } vendor ? SpecNames.Vendors.Of(vendor) : d.Vendor,
        CompressBytesPerSecondPerCore = map.ByteRate("compressPerCore", Limits.CodecSpeed) ?? d.CompressBytesPerSecondPerCore,
        DecompressBytesPerSecondPerCore = map.ByteRate("decompressPerCore", Limits.CodecSpeed) ?? d.DecompressBytesPerSecondPerCore,
        ZeroScanBytesPerSecondPerCore = map.ByteRate("zeroScanPerCore", Limits.CodecSpeed) ?? d.ZeroScanBytesPerSecondPerCore,
    };

    private static NicSpec Nic(YNode node, string rel, Origin origin, Scalars scalars)
    {
        MapReader? map = MapReader.Open(node, origin, rel, KeyLevels.HostNic, scalars);
        if (map is null)
        {
            return new NicSpec { Name = "", BitsPerSecond = 0 };
        }

        var nic = new NicSpec { Name = map.Name("name", "lm1") ?? "", BitsPerSecond = map.BitRate("speed", Limits.NicSpeed, "10Gbps") ?? 0 };
        return nic with
        {
            Rdma = map.Bool("rdma") ?? nic.Rdma,
            Networks = map.Names("networks"),
            Efficiency = map.Fraction("efficiency", Limits.Efficiency) ?? nic.Efficiency,
        };
    }
}
