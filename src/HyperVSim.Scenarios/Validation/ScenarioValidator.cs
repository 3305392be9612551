using HyperVSim.Scenarios.Diagnostics;
using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Scenarios.Validation;

/// <summary>Runs every cluster-wide rule over a read scenario; all problems are collected, none stops the others.</summary>
internal static class ScenarioValidator
{
    public static void Validate(ReadScenario scenario, Problems problems, ScenarioLoadOptions options)
    {
        var context = new ValidationContext(scenario, problems) { Options = options };
        NameRules.Check(context);
        ReferenceRules.Check(context);
        CapacityRules.Check(context);
        VersionRules.Check(context);
        DiskRules.Check(context);
        BootRules.Check(context);
        StorageIoRules.Check(context);
        ClusteringRules.Check(context);
        EventRules.Check(context);
        SimulationRules.Check(context);
    }
}
