using HyperVSim.Model.Plugins;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Convergence;

/// <summary>The registry of convergence strategies, keyed by the name a scenario uses (cluster.liveMigration.convergence).</summary>
public static class ConvergenceStrategies
{
    public static Registry<IConvergenceStrategy> Registry { get; } = new("convergence strategy",
    [
        new("none", "Hyper-V: only the stop rule ends pre-copy", HyperVVersion.V2012, () => new NoConvergence()),
        new("autoConverge", "research, after QEMU: throttle a guest that dirties faster than it is sent", HyperVVersion.V2012, () => new AutoConverge()),
    ]);

    public static IReadOnlyCollection<string> Names => Registry.Names;

    public static IConvergenceStrategy Get(string name) => Registry.Get(name).Create();
}
