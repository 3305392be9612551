namespace HyperVSim.Model.Specs;

/// <summary>Windows Server release of a Hyper-V host.</summary>
public enum HyperVVersion
{
    /// <summary>Windows Server 2012: live migration over TCP/IP only.</summary>
    V2012,

    /// <summary>Windows Server 2012 R2: adds compression and SMB transports.</summary>
    V2012R2,
}
