using HyperVSim.Model.Plugins;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Clustering.Detectors;

/// <summary>The registry of failure detectors, in the order the cluster service attaches them.</summary>
public static class FailureDetectors
{
    public static Registry<IFailureDetector> Registry { get; } = new("failure detector",
    [
        new("heartbeat", "declares a node down when every route to it missed its threshold of heartbeats", HyperVVersion.V2012, () => new HeartbeatDetector()),
        new("networkHealth", "live-migrates VMs whose protected network lost its link (cluster.networkHealthProtection)", HyperVVersion.V2012R2, () => new NetworkHealthDetector()),
        new("storageFailure", "relocates VMs whose storage became unreachable (cluster.storageFailureDetection)", HyperVVersion.V2012R2, () => new StorageFailureDetector()),
    ]);
}
