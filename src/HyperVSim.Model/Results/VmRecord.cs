namespace HyperVSim.Model.Results;

/// <summary>
/// A VM's end state and availability over the run: <c>Availability</c> = time running ÷ run length; the
/// <c>Timeline</c> lists every state change with its host and reason, in time order.
/// </summary>
public sealed record VmRecord(string Name, string? Host, string State, int Outages, double DowntimeSeconds)
{
    /// <summary>Fraction of the run the guest ran (0 to 1); 1 for a run of length 0 that started with it running.</summary>
    public double Availability { get; init; } = 1.0;

    public IReadOnlyList<VmTimelineEntry> Timeline { get; init; } = [];
}

/// <summary>
/// One state change of a VM: at <c>At</c> seconds it became <c>State</c> (running, starting, paused, saved, off, failed,
/// migrating) on <c>Host</c> (null when it is on none), because of <c>Reason</c> (plain words, for people and <c>explain</c>).
/// </summary>
public sealed record VmTimelineEntry(double At, string State, string? Host, string Reason);
