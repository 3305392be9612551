using HyperVSim.Engine;

namespace HyperVSim.Model.Specs;

/// <summary>Cluster heartbeat: SameSubnetDelay and SameSubnetThreshold (API defaults 1 s and 5).</summary>
public sealed record HeartbeatSpec
{
    public SimTime Delay { get; init; } = SimTime.FromSeconds(1);

    public int Threshold { get; init; } = 5;
}
