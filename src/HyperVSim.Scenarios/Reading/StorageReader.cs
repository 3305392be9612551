using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios.Reading;

/// <summary>Reads one item of <c>storage:</c>.</summary>
internal static class StorageReader
{
    public static Sourced<StorageSpec>? Read(YNode node, Origin origin, Scalars scalars)
    {
        int before = scalars.Problems.Count;
        MapReader? map = MapReader.Open(node, origin, "", KeyLevels.Storage, scalars);
        if (map is null)
        {
            return null;
        }

        var spec = new StorageSpec { Name = map.Name("name", "csv1") ?? "" };
        spec = spec with
        {
            Kind = map.Choice("kind", SpecNames.StorageKinds.Words) is { } kind ? SpecNames.StorageKinds.Of(kind) : spec.Kind,
            Iops = map.Integer("iops", Limits.StorageIops) ?? spec.Iops,
            BytesPerSecond = map.ByteRate("bandwidth", Limits.StorageBandwidth) ?? spec.BytesPerSecond,
        };
        return new Sourced<StorageSpec>(spec, origin, scalars.Problems.Count > before);
    }
}
