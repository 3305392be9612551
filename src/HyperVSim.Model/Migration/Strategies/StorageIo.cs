using HyperVSim.Flow;
using HyperVSim.Model.Specs;
using HyperVSim.Model.Storage;

namespace HyperVSim.Model.Migration.Strategies;

/// <summary>
/// What saving, restoring and copying disks cost on volumes (docs/model.md §Quick migration, §Storage live
/// migration): each byte crosses the volumes it is read from and written to, in I/Os of
/// <c>storageIo</c> bytes; when none of them has a bandwidth or IOPS in the scenario, the flow runs at
/// <c>storageRate</c>.
/// </summary>
internal static class StorageIo
{
    /// <summary>The usages of reading <paramref name="from"/> and writing <paramref name="to"/> (either may be null), with <paramref name="between"/> in the middle.</summary>
    public static IReadOnlyList<FlowUsage> Path(LiveMigrationSpec settings, Volume? from, Volume? to, params FlowUsage[] between)
    {
        var path = new List<FlowUsage>();
        if (from is not null)
        {
            path.AddRange(from.Usages(settings.StorageIoBytes));
        }

        path.AddRange(between);
        if (to is not null)
        {
            path.AddRange(to.Usages(settings.StorageIoBytes));
        }

        return path;
    }

    /// <summary>The rate cap of a storage flow: <c>storageRate</c> when no volume on the way is limited, else none (the volumes limit it).</summary>
    public static double Bound(LiveMigrationSpec settings, params Volume?[] volumes) =>
        volumes.Any(v => v is { } x && (x.Bandwidth is not null || x.Iops is not null)) ? double.PositiveInfinity : settings.StorageBytesPerSecond;

    /// <summary>A disk-less phase record with bytes (and bytes on the wire when it crossed the network).</summary>
    public static Results.PhaseRecord Phase(Results.PhaseKind kind, Engine.SimTime start, Engine.SimTime end, long bytes, long wire, LimitFactor? limitedBy) =>
        new(kind, null, start.Seconds, end.Seconds, bytes, wire, 0, limitedBy);
}
