namespace HyperVSim.Model.Specs;

/// <summary>A cluster network and what it carries.</summary>
public sealed record NetworkSpec(string Name, NetworkRole Role);

/// <summary>The role of a cluster network.</summary>
public enum NetworkRole
{
    LiveMigration,
    Vm,
    Management,
    Cluster,
    Storage,
}
