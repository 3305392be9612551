using HyperVSim.Engine;
using HyperVSim.Model.Migration;

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
    string? Describe(LimitFactor factor) => null;

    /// <summary>Ends the session (cancels anything still in flight).</summary>
    void Close();
}

/// <summary>A payload in flight: completes with its event; afterwards says how many bytes went on the wire and what bound it longest.</summary>
public interface ITransfer
{
    Event Done { get; }

    long BytesOnWire { get; }

    /// <summary>Each limiting factor (link, nic, streamCeiling, ...) with the seconds it bound this transfer.</summary>
    IReadOnlyList<(LimitFactor Factor, double Seconds)> LimitedBy();

    /// <summary>
    /// Puts what <see cref="LimitedBy()"/> returns into <paramref name="into"/>, an empty list the caller reuses (a migration
    /// accounts for every pass): the transports fill it directly, without a list of their own.
    /// </summary>
    void LimitedBy(List<(LimitFactor Factor, double Seconds)> into) => into.AddRange(LimitedBy());

    /// <summary>How the payload crossed: plain, unless a compression transport compressed it (<see cref="PayloadEncoding"/>).</summary>
    PayloadEncoding Encoding => PayloadEncoding.Plain;

    /// <summary>When a compressed payload fell back to TCP/IP mid-way; null when it did not.</summary>
    SimTime? FellBackAt => null;
}

/// <summary>How a payload (a pre-copy pass, the blackout set) crossed the network.</summary>
public enum PayloadEncoding
{
    /// <summary>Sent as it is: TCP/IP and SMB always; compression when compressing would not have been faster (no useful spare CPU).</summary>
    Plain,

    /// <summary>Compressed from start to end.</summary>
    Compressed,

    /// <summary>Started compressed; the spare CPU vanished mid-way and the rest went plain over TCP/IP.</summary>
    FellBack,
}
