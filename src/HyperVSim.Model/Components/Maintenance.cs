using HyperVSim.Model.Migration;

namespace HyperVSim.Model.Components;

/// <summary>Node maintenance: pause a node and drain its roles (docs/model.md §Node drain).</summary>
public sealed class Maintenance : IClusterComponent
{
    private Cluster? _cluster;

    private Cluster Cluster => _cluster ?? throw new InvalidOperationException("maintenance is not attached to a cluster");

    public void Attach(Cluster cluster) => _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));

    /// <summary>Pauses <paramref name="host"/> and live-migrates every running VM off it (pause node, drain roles).</summary>
    public Drain Drain(Host host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var drain = new Drain(Cluster, Cluster.Component<MigrationService>(), Cluster.Component<Placement>(), host);
        Cluster.OnActivityStarted(drain);
        drain.Start();
        return drain;
    }
}
