namespace HyperVSim.Model;

/// <summary>The state of a VM as Hyper-V reports it.</summary>
public enum VmState
{
    Running,

    /// <summary>Started, not yet running (the start-time model's interval; a start slot is held).</summary>
    Starting,
    Off,
    Saved,
    Paused,
    Failed,
}
