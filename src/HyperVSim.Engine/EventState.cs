namespace HyperVSim.Engine;

/// <summary>The life of an event: pending, then triggered (scheduled), then processed; or cancelled before processing.</summary>
public enum EventState
{
    Pending,
    Triggered,
    Processed,
    Cancelled,
}
