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

    public static Registry<IMigrationStrategy> Registry { get; } = new("migration strategy",
    [
        new("precopy", "Hyper-V's live migration: memory copied while the VM runs, then a short blackout", HyperVVersion.V2012, () => new PreCopyStrategy()),
    ]);
}
