using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Scripting;

/// <summary>Carries out one kind of scripted scenario event (migrate, drain, ...) on a cluster, at the event's time.</summary>
public interface IScenarioEventHandler
{
    /// <summary>The event spec type it carries out.</summary>
    Type Handles { get; }

    /// <summary>Does what the event says, now.</summary>
    void Apply(Cluster cluster, ScenarioEventSpec scenarioEvent);
}
