using HyperVSim.Flow;

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

        Nic src = NetworkPath.LeastLoaded(p.Source, transmit: true);
        Nic dst = NetworkPath.LeastLoaded(p.Target, transmit: false);
        return TransportOpening.Of(new Session(context, p.Network, src, dst));
    }

    private sealed class Session(TransportContext ctx, string network, Nic src, Nic dst) : ITransferSession
    {
        private readonly List<Flow.Flow> _inFlight = [];

        public string Network => network;

        public IReadOnlyList<string> Nics { get; } = [src.FullName, dst.FullName];

        public double CpuSeconds => 0;

        public ITransfer Send(long payloadBytes)
        {
            double ceiling = ctx.Settings.StreamCeilingBytesPerSecond ?? double.PositiveInfinity;
            Flow.Flow flow = ctx.Flows.Start($"lm:{ctx.Vm.Name}", payloadBytes, [src.Transmit, dst.Receive], ceiling);
            _inFlight.Add(flow);
            flow.Completion.AddCallback(_ => _inFlight.Remove(flow));
            return new FlowTransfer(ctx.Simulation, [flow], payloadBytes, (_, span) => NetworkPath.Factor(span, "streamCeiling"));
        }

        public void Close()
        {
            foreach (Flow.Flow f in _inFlight.ToArray())
            {
                ctx.Flows.Cancel(f);
            }
        }
    }
}
