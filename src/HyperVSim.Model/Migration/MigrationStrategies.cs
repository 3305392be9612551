using HyperVSim.Model.Migration.Strategies;
using HyperVSim.Model.Plugins;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Migration;

/// <summary>
/// The registry of migration strategies, keyed by the name a scenario's <c>migrate: { strategy: ... }</c> uses.
/// Adding one is one file (an <see cref="IMigrationStrategy"/>) plus one line here, or a call to
/// <c>Registry.Register</c> from outside (tests, extensions).
/// </summary>
public static class MigrationStrategies
{
    /// <summary>The strategy a migration uses when the scenario names none.</summary>
    public const string Default = "precopy";

    /// <summary>The strategies a <c>migrate</c> event may name (not the storage move, which <c>moveStorage</c> starts).</summary>
    public static IReadOnlyList<string> ForMigrate => Registry.Names.Where(n => n != StorageMoveStrategy.Name).ToArray();

    /// <summary>Every registered strategy, built-in and added.</summary>
    public static Registry<IMigrationStrategy> Registry { get; } = new("migration strategy",
    [
        new("precopy", "Hyper-V's live migration: memory copied while the VM runs, then a short blackout", HyperVVersion.V2012, () => new PreCopyStrategy()),
        new(QuickStrategy.Name, "quick migration: the VM saved to its storage, ownership moved, restored on the target", HyperVVersion.V2012, () => new QuickStrategy()),
        new(PostCopyStrategy.Name, "post-copy (research, Hines and Gopalan 2009): switch first, then pull memory while the guest runs degraded", HyperVVersion.V2012, () => new PostCopyStrategy()),
        new(StorageMoveStrategy.Name, "storage live migration: copy the disks, mirror new writes, switch (moveStorage events)", HyperVVersion.V2012, () => new StorageMoveStrategy()),
    ]);
}
