namespace HyperVSim.Model.Results;

/// <summary>One phase of a migration: setup, a pre-copy pass, the blackout, or the switch-over. Times in seconds.</summary>
public sealed record PhaseRecord(
    string Kind,
    int? Pass,
    double StartedAt,
    double CompletedAt,
    long Bytes,
    long BytesOnWire,
    long DirtiedBytes,
    string? LimitedBy,
    double GuestThrottle = 0)
{
    public double Seconds => CompletedAt - StartedAt;
}
