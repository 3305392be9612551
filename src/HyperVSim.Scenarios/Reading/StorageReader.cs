using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios.Reading;

/// <summary>Reads one item of <c>storage:</c>.</summary>
internal static class StorageReader
{
    public static Sourced<StorageSpec>? Read(YNode node, Origin origin, Scalars scalars) =>
        MapReader.Item(node, origin, KeyLevels.Storage, scalars, map =>
        {
            var spec = new StorageSpec { Name = map.Name("name", "csv1") ?? "" };
            return spec with
            {
                Kind = map.Choice("kind", SpecNames.StorageKinds.Words) is { } kind ? SpecNames.StorageKinds.Of(kind) : spec.Kind,
                Host = map.Name("host"),
                Iops = map.Integer("iops", Limits.StorageIops) ?? spec.Iops,
                BytesPerSecond = map.ByteRate("bandwidth", Limits.StorageBandwidth) ?? spec.BytesPerSecond,
                Nodes = (int?)map.Integer("nodes", Limits.FileServerNodes) ?? spec.Nodes,
                NodeBytesPerSecond = map.ByteRate("nodeBandwidth", Limits.StorageBandwidth) ?? spec.NodeBytesPerSecond,
                ServiceTime = map.Duration("serviceTime", Limits.ServiceTime),
            };
        });
}
