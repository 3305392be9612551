using HyperVSim.Model.Plugins;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Dirtying;

/// <summary>Makes a VM's dirtying model from its spec, its memory size and (for models that draw) its own random stream.</summary>
public delegate IMemoryDirtying DirtyingFactory(DirtyingSpec spec, long memoryBytes, Func<Random> random);

/// <summary>The registry of memory-dirtying models, keyed by the name a scenario uses.</summary>
public static class DirtyingModels
{
    private static readonly PluginOption Rate = new("rate", "a rate", "400MB/s");
    private static readonly PluginOption WorkingSet = new("workingSet", "a working set size", "6GiB");

    public static Registry<DirtyingFactory> Registry { get; } = new("memory-dirtying model",
    [
        new("none", "the guest writes nothing", HyperVVersion.V2012, () => (_, _, _) => new NoDirtying()),
        new("constant", "min(D·t, M): every write hits a new page (Clark et al.)", HyperVVersion.V2012,
            () => (s, memory, _) => new ConstantDirtying(s.BytesPerSecond, memory)) { Options = [Rate] },
        new("workingSet", "W·(1 − e^(−D·t/W)): random writes into a working set (Akoush et al.)", HyperVVersion.V2012,
            () => (s, memory, _) => new WorkingSetDirtying(s.BytesPerSecond, Math.Min(memory, s.WorkingSetBytes ?? memory))) { Options = [Rate, WorkingSet] },
        new("pageLevel", "one bit per page, uniform draws from the working set (the reference for workingSet)", HyperVVersion.V2012,
            () => (s, memory, random) => new PageLevelDirtying(s.BytesPerSecond, Math.Min(memory, s.WorkingSetBytes ?? memory), random()))
        {
            Options = [Rate, WorkingSet],
            Validate = o => o.TryGetValue("workingSet", out double w) && w > PageLevelDirtying.MaxWorkingSetBytes
                ? new PluginProblem("workingSet", "the pageLevel model simulates at most 4 GiB of working set page by page", "use model: workingSet (its analytic twin), or a working set up to 4GiB")
                : null,
        },
    ]);

    /// <summary>The names a scenario may use, in order.</summary>
    public static IReadOnlyCollection<string> Names => Registry.Names;

    /// <summary>
    /// The model for a VM of <paramref name="memoryBytes"/>; <paramref name="random"/> gives the VM's own stream
    /// to models that draw. An unknown name throws, listing the valid ones.
    /// </summary>
    public static IMemoryDirtying Create(DirtyingSpec spec, long memoryBytes, Func<Random> random)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Registry.Get(spec.Model).Create()(spec, memoryBytes, random);
    }
}
