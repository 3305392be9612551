using HyperVSim.Engine;
using HyperVSim.Flow;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Transports;

/// <summary>What a transport needs to open a session: the clock, the flow network, the two hosts and the network order.</summary>
public sealed record TransportContext(
    Simulation Simulation,
    FlowNetwork Flows,
    VirtualMachine Vm,
    Host Source,
    Host Target,
    IReadOnlyList<string> NetworkOrder,
    LiveMigrationSpec Settings);
