using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Dirtying;

/// <summary>The registry of memory-dirtying models, keyed by the name a scenario uses.</summary>
public static class DirtyingModels
{
    private static readonly SortedDictionary<string, Func<DirtyingSpec, long, Func<Random>, IMemoryDirtying>> Factories = new(StringComparer.Ordinal)
    {
        ["none"] = (_, _, _) => new NoDirtying(),
        ["constant"] = (s, memory, _) => new ConstantDirtying(s.BytesPerSecond, memory),
        ["workingSet"] = (s, memory, _) => new WorkingSetDirtying(s.BytesPerSecond, Math.Min(memory, s.WorkingSetBytes ?? memory)),
        ["pageLevel"] = (s, memory, random) => new PageLevelDirtying(s.BytesPerSecond, Math.Min(memory, s.WorkingSetBytes ?? memory), random()),
    };

    /// <summary>The names a scenario may use, in order.</summary>
    public static IReadOnlyCollection<string> Names => Factories.Keys;

    /// <summary>
    /// The model for a VM of <paramref name="memoryBytes"/>; <paramref name="random"/> gives the VM's own stream
    /// to models that draw. An unknown name throws, listing the valid ones.
    /// </summary>
    public static IMemoryDirtying Create(DirtyingSpec spec, long memoryBytes, Func<Random> random)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Factories.TryGetValue(spec.Model, out var make)
            ? make(spec, memoryBytes, random)
            : throw new ArgumentException($"unknown memory-dirtying model '{spec.Model}'; valid: {string.Join(", ", Names)}", nameof(spec));
    }
}
