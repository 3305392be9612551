using HyperVSim.Model.Results;

namespace HyperVSim.Reports.Tests.Formats;

/// <summary>
/// A hand-built result with saves, restores, an upgrade and resizes in every shape the writer has (completed with
/// figures, failed with nulls, still running), so the report tests see each branch of those sections.
/// </summary>
internal static class SavedStateRun
{
    public static SimulationResult Result { get; } = new()
    {
        Scenario = "saved-state",
        Seed = 1,
        SimulatedSeconds = 4000,
        EventsProcessed = 42,
        Migrations = [],
        Vms = [],
        SavedStates =
        [
            new SavedStateRecord("web1", "save", "hv1", "csv1", 60) { CompletedAt = 69.59, Bytes = 8L << 30, ConfigurationVersion = 4, RequestedBy = "upgrade" },
            new SavedStateRecord("web1", "restore", "hv1", "csv1", 2800) { CompletedAt = 2809.59, Bytes = 8L << 30, ConfigurationVersion = 5, RequestedBy = "upgrade" },
            new SavedStateRecord("app1", "restore", null, null, 3000) { ConfigurationVersion = 5, Result = "failed", Reason = "no node can start it: hv1 is down" },
            new SavedStateRecord("app2", "save", "hv2", "csv1", 3990) { ConfigurationVersion = 5, Result = "running" },
        ],
        Upgrades =
        [
            new UpgradeRecord("hv1", "2012", "2012R2", 60) { DownAt = 69.59, UpAt = 2769.59, CompletedAt = 2809.59, Vms = 1, Restored = 1 },
            new UpgradeRecord("hv2", "2012", "2012R2", 3000) { CompletedAt = 3000, Reason = "hv2 runs 2012 R2 already" },
            new UpgradeRecord("hv3", "2012", "2012R2", 3990) { Vms = 2 },
        ],
        Resizes =
        [
            new ResizeRecord("web1", "data", 200L << 30, 300L << 30, 3600) { CompletedAt = 3707.47, ZeroedBytes = 100L << 30 },
            new ResizeRecord("app1", "logs", 100L << 30, 40L << 30, 3600) { Result = "failed", Reason = "online resize needs a running VM: app1 is saved" },
        ],
    };
}
