using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Scenarios.Validation;

/// <summary>
/// For a run (<see cref="ScenarioLoadOptions.RefuseUnsimulated"/>): keys the format accepts but this version's model
/// does not use — an SMB bandwidth limit of category <c>default</c> (no simulated traffic is in that category) — are
/// refused at their line and column, as events without a handler are, rather than silently ignored: a number computed
/// without them would look as if they had been taken into account.
/// </summary>
internal static class SimulationRules
{
    public static void Check(ValidationContext c)
    {
        if (!c.Options.RefuseUnsimulated)
        {
            return;
        }

        foreach (Sourced<HostSpec> h in c.Scenario.Hosts.DistinctBy(h => h.Origin))
        {
            if (h.Origin.Has("smbBandwidthLimit.default"))
            {
                c.Add(
                    h.Origin.Of("smbBandwidthLimit.default"),
                    "an SMB bandwidth limit of category default is not simulated in this version: no simulated SMB traffic is in that category",
                    "remove default: live migration is category liveMigration and VM disk I/O category virtualMachine");
            }
        }
    }
}
