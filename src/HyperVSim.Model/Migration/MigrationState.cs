namespace HyperVSim.Model.Migration;

/// <summary>Where a migration is in its life. The report's <c>result</c> is derived from it (Reports map it to wire names).</summary>
public enum MigrationState
{
    /// <summary>Requested; waiting for a simultaneous-migration slot on both hosts.</summary>
    Queued,

    /// <summary>Holding its slots; its strategy is running.</summary>
    Running,

    /// <summary>The VM runs on the destination.</summary>
    Completed,

    /// <summary>Refused or failed before the VM moved; the VM stays where it was.</summary>
    Failed,

    /// <summary>Ended from outside (a fault, a component) with a cause; everything it held was released and the VM runs on its source.</summary>
    Aborted,

    /// <summary>Withdrawn because it was no longer wanted; released like an abort, reported as cancelled.</summary>
    Cancelled,
}
