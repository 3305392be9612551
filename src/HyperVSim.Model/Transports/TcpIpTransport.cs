using HyperVSim.Flow;
using HyperVSim.Model.Migration;

namespace HyperVSim.Model.Transports;

/// <summary>
/// TCP/IP: one TCP stream carries the VM's memory over one NIC path (a team gives one migration one
/// member), at the NICs' payload rate (efficiency) and at most the per-stream ceiling when one is set.
/// </summary>
internal sealed class TcpIpTransport : IMigrationTransport
{
    public TransportOpening Open(TransportContext context)
    {
        var path = NetworkPath.Choose(context, out string failure);
        if (path is not { } p)
        {
            return TransportOpening.Fail(failure);
        }

        return TransportOpening.Of(new Session(context, p.Network, p.Source, p.Target));
    }

    /// <summary>One stream over (source NIC transmit, target NIC receive).</summary>
    internal sealed class Session(TransportContext ctx, string network, Nic src, Nic dst) : TransferSessionBase(ctx)
    {
        public override string Network => network;

        public override IReadOnlyList<string> Nics { get; } = [src.FullName, dst.FullName];

        public Nic Source => src;

        public Nic Target => dst;

        public override ITransfer Send(long payloadBytes)
        {
            double ceiling = Context.Settings.StreamCeilingBytesPerSecond ?? double.PositiveInfinity;
            Flow.Flow flow = StartFlow(payloadBytes, [new FlowUsage(src.Transmit, 1), new FlowUsage(dst.Receive, 1)], ceiling);
            Cpu += TransportCpu(payloadBytes, Context.Settings.TcpCpuSecondsPerGB);
            return new FlowTransfer(flow, payloadBytes, (_, span) => NetworkPath.Factor(span, LimitFactor.StreamCeiling));
        }
    }
}
