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

/// <summary>A phase of a migration (Reports write it as <c>setup</c>, <c>pass</c>, <c>blackout</c>, <c>switchover</c>, <c>save</c>, <c>restore</c>, <c>copy</c>, <c>mirror</c>, <c>pull</c>).</summary>
public enum PhaseKind
{
    /// <summary>Connect, send the configuration, create the VM on the target.</summary>
    Setup,

    /// <summary>A memory copy while the guest runs.</summary>
    Pass,

    /// <summary>The guest paused: the last dirty pages and the device state.</summary>
    Blackout,

    /// <summary>Resume on the target (a storage move: switch the VM to the copied disks).</summary>
    Switchover,

    /// <summary>Quick migration: the paused VM's memory written to its storage.</summary>
    Save,

    /// <summary>Quick migration: the memory read back on the target.</summary>
    Restore,

    /// <summary>A storage move: the disks copied to the target volume while the guest runs.</summary>
    Copy,

    /// <summary>A storage move: the writes the guest made during the copy, applied to the target; later writes go to both.</summary>
    Mirror,

    /// <summary>Post-copy: the memory pulled to the target while the guest already runs there, degraded.</summary>
    Pull,
}
