namespace HyperVSim.Model.Results;

/// <summary>
/// One save or restore of a VM (<see cref="Kind"/> <c>save</c> or <c>restore</c>): where, when, the memory bytes
/// written or read, its configuration version after it, and how it ended (<c>completed</c> or <c>failed</c> with a reason).
/// </summary>
public sealed record SavedStateRecord(string Vm, string Kind, string? Host, string? Volume, double RequestedAt)
{
    public double? CompletedAt { get; init; }

    /// <summary><see cref="CompletedAt"/> − <see cref="RequestedAt"/>: the fixed cost plus the transfer.</summary>
    public double? Seconds => CompletedAt - RequestedAt;

    public long Bytes { get; init; }

    public int ConfigurationVersion { get; init; }

    /// <summary>Who asked: <c>scenario</c> (a save or restore event) or <c>upgrade</c> (an in-place host upgrade).</summary>
    public string RequestedBy { get; init; } = "scenario";

    /// <summary><c>completed</c> or <c>failed</c>.</summary>
    public string Result { get; init; } = "completed";

    public string? Reason { get; init; }
}
