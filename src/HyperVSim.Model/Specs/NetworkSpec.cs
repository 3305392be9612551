namespace HyperVSim.Model.Specs;

/// <summary>A cluster network and what it carries.</summary>
public sealed record NetworkSpec(string Name, NetworkRole Role)
{
    /// <summary>A PXE server (WDS) answers on this network.</summary>
    public bool Pxe { get; init; }

    /// <summary>TFTP blocks the PXE server sends per acknowledgement: 1 is lockstep TFTP (RFC 1350), more is windowing (RFC 7440).</summary>
    public int TftpWindow { get; init; } = 1;
}

/// <summary>The role of a cluster network.</summary>
public enum NetworkRole
{
    LiveMigration,
    Vm,
    Management,
    Cluster,
    Storage,
}
