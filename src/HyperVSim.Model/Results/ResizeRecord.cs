namespace HyperVSim.Model.Results;

/// <summary>
/// One online VHDX resize: the disk, from and to what size, the bytes written to zero the added space (fixed
/// VHDX only), when it was asked and done, and how it ended (<c>completed</c> or <c>failed</c> with a reason).
/// </summary>
public sealed record ResizeRecord(string Vm, string Disk, long FromBytes, long ToBytes, double RequestedAt)
{
    public double? CompletedAt { get; init; }

    /// <summary><see cref="CompletedAt"/> − <see cref="RequestedAt"/>.</summary>
    public double? Seconds => CompletedAt - RequestedAt;

    public long ZeroedBytes { get; init; }

    public string Result { get; init; } = "completed";

    public string? Reason { get; init; }
}
