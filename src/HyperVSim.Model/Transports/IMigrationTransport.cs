namespace HyperVSim.Model.Transports;

/// <summary>A live-migration performance option (tcpip, compression, smb, ...): how memory crosses the network.</summary>
public interface IMigrationTransport
{
    /// <summary>Opens a transfer session for one migration, or returns a reason it cannot (no usable network).</summary>
    TransportOpening Open(TransportContext context);
}

/// <summary>A session, or why none could be opened.</summary>
public sealed record TransportOpening(ITransferSession? Session, string? FailureReason)
{
    public static TransportOpening Fail(string reason) => new(null, reason);

    public static TransportOpening Of(ITransferSession session) => new(session, null);
}
