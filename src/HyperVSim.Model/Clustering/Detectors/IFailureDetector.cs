namespace HyperVSim.Model.Clustering.Detectors;

/// <summary>
/// A failure detector of the cluster service (heartbeat, network health, storage failure): it watches the cluster's
/// signals and tells the service what it detected. One file each, registered in <see cref="FailureDetectors"/>.
/// </summary>
public interface IFailureDetector
{
    /// <summary>The detector's name as reports write it.</summary>
    string Name { get; }

    /// <summary>True when the scenario switches this detector on (each has its contract key; heartbeats cannot be switched off).</summary>
    bool Enabled(Cluster cluster);

    /// <summary>Called once when the service attaches, only when <see cref="Enabled"/>.</summary>
    void Attach(ClusterService service);
}
