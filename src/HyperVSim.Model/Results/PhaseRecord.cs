namespace HyperVSim.Model.Results;

/// <summary>One phase of a migration: setup, a pre-copy pass, the blackout, or the switch-over. Times in seconds.</summary>
public sealed record PhaseRecord(
    PhaseKind Kind,
    int? Pass,
    double StartedAt,
    double CompletedAt,
    long Bytes,
    long BytesOnWire,
    long DirtiedBytes,
    Migration.LimitFactor? LimitedBy,
    double GuestThrottle = 0)
{
    /// <summary>How a pass or the blackout sent its payload (plain, compressed, fell back); null for setup and switch-over.</summary>
    public Transports.PayloadEncoding? Encoding { get; init; }

    /// <summary>When the payload fell back from compressed to plain TCP/IP (seconds); null when it did not.</summary>
    public double? FellBackAt { get; init; }

    public double Seconds => CompletedAt - StartedAt;
}
