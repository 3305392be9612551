using HyperVSim.Model.Plugins;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Transports;

/// <summary>The registry of live-migration transports (performance options), keyed by the option name a scenario uses.</summary>
public static class MigrationTransports
{
    public static Registry<IMigrationTransport> Registry { get; } = new("live-migration option",
    [
        new("tcpip", "one TCP stream over one NIC", HyperVVersion.V2012, () => new TcpIpTransport()),
        new("compression", "compressed with spare CPU, else as TCP/IP", HyperVVersion.V2012R2, () => new CompressionTransport()),
        new("smb", "SMB 3 Multichannel over same-speed NICs; SMB Direct on RDMA", HyperVVersion.V2012R2, () => new SmbTransport()),
    ]);

    /// <summary>Option names, in order.</summary>
    public static IReadOnlyCollection<string> Names => Registry.Names;

    /// <summary>The transport for an option; an unknown name throws, listing the valid ones.</summary>
    public static IMigrationTransport Get(string option) => Registry.Get(option).Create();
}
