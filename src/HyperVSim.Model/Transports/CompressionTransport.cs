using HyperVSim.Flow;

namespace HyperVSim.Model.Transports;

/// <summary>
/// Compression (2012 R2 default): the TCP/IP path, but the source compresses non-zero pages with spare CPU
/// only and the target decompresses (docs/model.md §Compression). A pass of P memory bytes is one flow that
/// consumes, per memory byte: u = (1−z)/ρ + z·zeroWire/4096 bytes on each NIC, (1−z)/c_src core-seconds of
/// the source's spare CPU and (1−z)/d_dst of the target's. Max-min sharing then gives
/// rate = min(link share ÷ u, spare_src·c_src/(1−z), spare_dst·d_dst/(1−z)). When that estimate is no better
/// than sending uncompressed (no spare CPU), the pass goes as TCP/IP, as Hyper-V does.
/// </summary>
internal sealed class CompressionTransport : IMigrationTransport
{
    private const double PageBytes = 4096;

    public TransportOpening Open(TransportContext context)
    {
        TransportOpening tcp = new TcpIpTransport().Open(context);
        return tcp.Session is TcpIpTransport.Session s ? TransportOpening.Of(new Session(context, s)) : tcp;
    }

    private sealed class Session(TransportContext ctx, TcpIpTransport.Session tcp) : TransferSessionBase(ctx)
    {
        private double? _spareAtFirstPass;

        public override string Network => tcp.Network;

        public override IReadOnlyList<string> Nics => tcp.Nics;

        public override ITransfer Send(long payloadBytes)
        {
            Host source = Context.Source;
            Host target = Context.Target;
            double z = Context.Vm.Spec.MemoryContent.ZeroPageFraction;
            double ratio = Context.Vm.Spec.MemoryContent.CompressionRatio;
            double wirePerByte = ((1 - z) / ratio) + (z * Context.Settings.ZeroPageWireBytes / PageBytes);
            double srcCpu = (1 - z) / source.Spec.Cpu.CompressBytesPerSecondPerCore;
            double dstCpu = (1 - z) / target.Spec.Cpu.DecompressBytesPerSecondPerCore;
            double link = Math.Min(tcp.Source.PayloadBytesPerSecond, tcp.Target.PayloadBytesPerSecond);
            double estimate = Math.Min(link / wirePerByte, Math.Min(Rate(source.SpareCores, srcCpu), Rate(target.SpareCores, dstCpu)));
            _spareAtFirstPass ??= source.SpareCores;
            if (estimate <= link)
            {
                // No (useful) spare CPU: Hyper-V sends uncompressed, exactly as TCP/IP.
                return tcp.Send(payloadBytes);
            }

            double ceiling = Context.Settings.StreamCeilingBytesPerSecond is { } c ? c / wirePerByte : double.PositiveInfinity;
            var path = new List<FlowUsage>
            {
                new(tcp.Source.Transmit, wirePerByte),
                new(tcp.Target.Receive, wirePerByte),
            };
            if (srcCpu > 0)
            {
                path.Add(new FlowUsage(source.SpareCpu, srcCpu));
            }

            if (dstCpu > 0)
            {
                path.Add(new FlowUsage(target.SpareCpu, dstCpu));
            }

            Flow.Flow flow = StartFlow(payloadBytes, path, ceiling);
            long wire = (long)Math.Round(payloadBytes * wirePerByte);
            Cpu += (payloadBytes * (srcCpu + dstCpu)) + TransportCpu(wire, Context.Settings.TcpCpuSecondsPerGB);
            return new FlowTransfer(Context.Simulation, [flow], wire, (_, span) => Factor(span));
        }

        public override string? Describe(string factor) => factor == "compressionCpu"
            ? $"on {Context.Source.Name}: {_spareAtFirstPass ?? 0:0.#} spare cores when it started"
            : null;

        /// <summary>Compressed passes' CPU plus that of passes sent uncompressed through the TCP/IP session.</summary>
        public override double CpuSeconds => Cpu + tcp.CpuSeconds;

        public override void Close()
        {
            base.Close();
            tcp.Close();
        }

        private string Factor(BottleneckSpan span) =>
            ReferenceEquals(span.Resource, Context.Source.SpareCpu) || ReferenceEquals(span.Resource, Context.Target.SpareCpu)
                ? "compressionCpu"
                : NetworkPath.Factor(span, "streamCeiling");

        private static double Rate(double spareCores, double cpuPerByte) =>
            cpuPerByte <= 0 ? double.PositiveInfinity : spareCores / cpuPerByte;
    }
}
