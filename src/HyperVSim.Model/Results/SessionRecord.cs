namespace HyperVSim.Model.Results;

/// <summary>
/// One console (Virtual Machine Connection) session: the mode asked for and the one granted (<c>basic</c>,
/// <c>enhanced</c>, or <c>none</c> when it could not connect), whether USB was redirected, and why it went as it did.
/// </summary>
public sealed record SessionRecord(string Vm, double At, string Requested, string Mode)
{
    /// <summary>The VM's host at the time, or null.</summary>
    public string? Host { get; init; }

    /// <summary>USB devices were redirected into the session.</summary>
    public bool Usb { get; init; }

    /// <summary><c>connected</c> (as asked), <c>degraded</c> (basic instead of enhanced, or without USB) or <c>failed</c>.</summary>
    public string Outcome { get; init; } = "connected";

    public string Reason { get; init; } = "";
}
