namespace HyperVSim.Model.Results;

/// <summary>
/// One in-place host upgrade: requested, down (its VMs saved, the node left), up again as <see cref="To"/>, and done
/// (every VM it saved restored, or given up on); <see cref="Vms"/> saved, <see cref="Restored"/> running again.
/// </summary>
public sealed record UpgradeRecord(string Host, string From, string To, double RequestedAt)
{
    public double? DownAt { get; init; }

    public double? UpAt { get; init; }

    public double? CompletedAt { get; init; }

    public int Vms { get; init; }

    public int Restored { get; init; }

    /// <summary>Why the upgrade did not happen (the host ran 2012 R2 already, or was down); null when it did.</summary>
    public string? Reason { get; init; }
}
