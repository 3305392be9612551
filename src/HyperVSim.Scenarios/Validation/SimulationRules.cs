using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Scenarios.Validation;

/// <summary>
/// For a run (<see cref="ScenarioLoadOptions.RefuseUnsimulated"/>): keys the format accepts but this version's model
/// does not use yet — a volume's <c>iops</c> and <c>bandwidth</c> (failures of volumes and paths are simulated, their
/// capacity only for what saves, restores, upgrades and resizes write and read) — are refused at their line and
/// column in a scenario with none of those events, as events without a handler are, rather than silently ignored: a
/// number computed without them would look as if they had been taken into account.
/// </summary>
internal static class SimulationRules
{

    public static void Check(ValidationContext c)
    {
        if (!c.Options.RefuseUnsimulated
            || c.Scenario.Events.Any(e => e.Spec is SaveEventSpec or RestoreEventSpec or UpgradeEventSpec or ResizeEventSpec))
        {
            return;
        }

        foreach (Sourced<StorageSpec> s in c.Scenario.Storage)
        {
            foreach ((string key, string what) in new[] { ("iops", "a volume's iops are"), ("bandwidth", "a volume's bandwidth is") })
            {
                if (s.Origin.Has(key))
                {
                    c.Add(
                        s.Origin.Of(key),
                        $"{what} not simulated in this version (failures of volumes and paths are, their capacity is not yet)",
                        $"remove {key} for now: this version simulates failures of volumes and paths, not their capacity or I/O");
                }
            }
        }
    }
}
