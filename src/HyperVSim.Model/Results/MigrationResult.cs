namespace HyperVSim.Model.Results;

/// <summary>How a migration ended, as its record says (Reports write it as <c>completed</c>, <c>failed</c>, <c>cancelled</c>).</summary>
public enum MigrationResult
{
    /// <summary>The VM runs on the destination.</summary>
    Completed,

    /// <summary>Refused, failed or aborted; the VM stayed on its source. The record's reason says why.</summary>
    Failed,

    /// <summary>Still queued or running when <c>until</c> stopped the run.</summary>
    Cancelled,
}

/// <summary>A phase of a migration (Reports write it as <c>setup</c>, <c>pass</c>, <c>blackout</c>, <c>switchover</c>).</summary>
public enum PhaseKind
{
    /// <summary>Connect, send the configuration, create the VM on the target.</summary>
    Setup,

    /// <summary>A memory copy while the guest runs.</summary>
    Pass,

    /// <summary>The guest paused: the last dirty pages and the device state.</summary>
    Blackout,

    /// <summary>Resume on the target.</summary>
    Switchover,
}
