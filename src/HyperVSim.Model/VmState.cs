namespace HyperVSim.Model;

/// <summary>The state of a VM as Hyper-V reports it.</summary>
public enum VmState
{
    Running,
    Off,
    Saved,
    Paused,
    Failed,
}
