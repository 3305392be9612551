namespace HyperVSim.Model.Components;

/// <summary>
/// A piece of cluster behaviour (migration service, placement, maintenance; later the cluster service and its
/// failure detectors, storage, boot) attached to a <see cref="Cluster"/>: it reacts to the cluster's signals and may
/// start and abort activities, and reaches into no other component's state.
/// </summary>
public interface IClusterComponent
{
    /// <summary>Called once, when the cluster is built, before the clock starts.</summary>
    void Attach(Cluster cluster);
}
