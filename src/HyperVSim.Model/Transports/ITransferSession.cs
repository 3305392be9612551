using HyperVSim.Engine;

namespace HyperVSim.Model.Transports;

/// <summary>One migration's path across the network: sends payloads (pre-copy passes, the blackout set) and says what bound them.</summary>
public interface ITransferSession
{
    /// <summary>The live-migration network used.</summary>
    string Network { get; }

    /// <summary>NICs used, as host/nic.</summary>
    IReadOnlyList<string> Nics { get; }

    /// <summary>Starts sending <paramref name="payloadBytes"/> of memory; the transfer's event succeeds when it is on the target.</summary>
    ITransfer Send(long payloadBytes);

    /// <summary>CPU seconds spent so far by both hosts for this migration's transfers.</summary>
    double CpuSeconds { get; }

    /// <summary>Words on a limiting factor for the summary ("on hv1: 2.1 spare cores"), or null.</summary>
    string? Describe(string factor) => null;

    /// <summary>Ends the session (cancels anything still in flight).</summary>
    void Close();
}

/// <summary>A payload in flight: completes with its event; afterwards says how many bytes went on the wire and what bound it longest.</summary>
public interface ITransfer
{
    Event Done { get; }

    long BytesOnWire { get; }

    /// <summary>Each limiting factor (link, nic, streamCeiling, ...) with the seconds it bound this transfer.</summary>
    IReadOnlyList<(string Factor, double Seconds)> LimitedBy();
}
