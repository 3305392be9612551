using HyperVSim.Model.Components;
using HyperVSim.Model.Plugins;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Scripting;

/// <summary>
/// The registry of scripted-event handlers: a scenario event is carried out by the handler registered for its
/// kind; an event kind with none (fail and repair, in this version) is refused at validation
/// (<see cref="Handles"/>), never skipped.
/// </summary>
public static class ScenarioEventHandlers
{
    public static Registry<IScenarioEventHandler> Registry { get; } = new("scenario event",
    [
        new("migrate", "live-migrate a VM to a host", HyperVVersion.V2012, () => new MigrateHandler()),
        new("drain", "pause a node and drain its roles", HyperVVersion.V2012, () => new DrainHandler()),
    ]);

    /// <summary>True when some handler carries out <paramref name="scenarioEvent"/>.</summary>
    public static bool Handles(ScenarioEventSpec scenarioEvent) => For(Registry.Descriptors.Select(d => d.Create()).ToArray(), scenarioEvent) is not null;

    /// <summary>The handler among <paramref name="handlers"/> for <paramref name="scenarioEvent"/>, or null.</summary>
    internal static IScenarioEventHandler? For(IReadOnlyList<IScenarioEventHandler> handlers, ScenarioEventSpec scenarioEvent) =>
        handlers.FirstOrDefault(h => h.Handles.IsInstanceOfType(scenarioEvent));

    private sealed class MigrateHandler : IScenarioEventHandler
    {
        public Type Handles => typeof(MigrateEventSpec);

        public void Apply(Cluster cluster, ScenarioEventSpec scenarioEvent)
        {
            var m = (MigrateEventSpec)scenarioEvent;
            cluster.Component<MigrationService>().LiveMigrate(cluster.VmNamed(m.Vm), cluster.HostNamed(m.To), option: m.Option, strategy: m.Strategy);
        }
    }

    private sealed class DrainHandler : IScenarioEventHandler
    {
        public Type Handles => typeof(DrainEventSpec);

        public void Apply(Cluster cluster, ScenarioEventSpec scenarioEvent) =>
            cluster.Component<Maintenance>().Drain(cluster.HostNamed(((DrainEventSpec)scenarioEvent).Host));
    }
}
