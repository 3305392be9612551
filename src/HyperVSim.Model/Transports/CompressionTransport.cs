using System.Runtime.CompilerServices;
using HyperVSim.Engine;
using HyperVSim.Flow;
using HyperVSim.Model.Migration;

namespace HyperVSim.Model.Transports;

/// <summary>
/// Compression (2012 R2 default): the TCP/IP path, but the source compresses non-zero pages with spare CPU
/// only and the target decompresses (docs/model.md §Compression). A pass of P memory bytes is one flow that
/// consumes, per memory byte: u = (1−z)/ρ + z·zeroWire/4096 bytes on each NIC, (1−z)/c_src + z/s_src
/// core-seconds of the source's spare CPU (compressing the rest, scanning the zero pages) and (1−z)/d_dst of the
/// target's. Max-min sharing then gives rate = min(link share ÷ u, spare_src ÷ cpu_src, spare_dst ÷ cpu_dst).
/// When that estimate is no better than sending uncompressed (no spare CPU), the pass goes as TCP/IP, as Hyper-V
/// does; the estimate is made again whenever either host's spare CPU changes mid-pass, and the rest of the pass
/// falls back to TCP/IP when compressing is no longer faster.
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
        private string? _passName;

        public override string Network => tcp.Network;

        public override IReadOnlyList<string> Nics => tcp.Nics;

        /// <summary>The name of each compressed pass's event (built once per session, not per pass).</summary>
        private string PassName => _passName ??= $"{FlowName}:pass";

        /// <summary>Bytes on each NIC per memory byte: compressed non-zero pages plus a few bytes per zero page.</summary>
        private double WirePerByte
        {
            get
            {
                double z = Context.Vm.Spec.MemoryContent.ZeroPageFraction;
                return ((1 - z) / Context.Vm.Spec.MemoryContent.CompressionRatio) + (z * Context.Settings.ZeroPageWireBytes / PageBytes);
            }
        }

        /// <summary>Source core-seconds per memory byte: compress the non-zero pages, scan the zero ones.</summary>
        private double SourceCpuPerByte
        {
            get
            {
                double z = Context.Vm.Spec.MemoryContent.ZeroPageFraction;
                Specs.CpuSpec cpu = Context.Source.Spec.Cpu;
                return ((1 - z) / cpu.CompressBytesPerSecondPerCore) + (z / cpu.ZeroScanBytesPerSecondPerCore);
            }
        }

        /// <summary>Target core-seconds per memory byte: decompress the non-zero pages.</summary>
        private double TargetCpuPerByte =>
            (1 - Context.Vm.Spec.MemoryContent.ZeroPageFraction) / Context.Target.Spec.Cpu.DecompressBytesPerSecondPerCore;

        private double LinkPayloadRate => Math.Min(tcp.Source.PayloadBytesPerSecond, tcp.Target.PayloadBytesPerSecond);

        /// <summary>
        /// True when compressing, with the NIC alone and both hosts' spare CPU now, would be faster than sending plain
        /// at the link rate: min(link ÷ u, spare_src ÷ cpu_src, spare_dst ÷ cpu_dst) &gt; link.
        /// </summary>
        private bool CompressionPays()
        {
            double link = LinkPayloadRate;
            double estimate = Math.Min(link / WirePerByte, Math.Min(
                Rate(Context.Source.SpareCores, SourceCpuPerByte), Rate(Context.Target.SpareCores, TargetCpuPerByte)));
            return estimate > link;
        }

        public override ITransfer Send(long payloadBytes)
        {
            _spareAtFirstPass ??= Context.Source.SpareCores;
            if (!CompressionPays())
            {
                // No (useful) spare CPU: Hyper-V sends uncompressed, exactly as TCP/IP.
                return tcp.Send(payloadBytes);
            }

            return new CompressedPass(this, payloadBytes);
        }

        public override string? Describe(LimitFactor factor) => factor == LimitFactor.CompressionCpu
            ? $"on {Context.Source.Name}: {_spareAtFirstPass ?? 0:0.#} spare cores when it started"
            : null;

        /// <summary>Compressed passes' CPU plus that of passes sent uncompressed through the TCP/IP session.</summary>
        public override double CpuSeconds => Cpu + tcp.CpuSeconds;

        public override void Close()
        {
            base.Close();
            tcp.Close();
        }

        private LimitFactor Factor(BottleneckSpan span) =>
            ReferenceEquals(span.Resource, Context.Source.SpareCpu) || ReferenceEquals(span.Resource, Context.Target.SpareCpu)
                ? LimitFactor.CompressionCpu
                : NetworkPath.Factor(span, LimitFactor.StreamCeiling);

        private static double Rate(double spareCores, double cpuPerByte) =>
            cpuPerByte <= 0 ? double.PositiveInfinity : spareCores / cpuPerByte;

        /// <summary>
        /// A compressed pass that watches both hosts' spare CPU: when a change makes compressing no faster than
        /// sending plain, the compressed flow stops where it is and the memory bytes still to send go as TCP/IP.
        /// Done succeeds when the last byte is on the target, whichever way it went.
        /// </summary>
        private sealed class CompressedPass : ITransfer, ISpareCpuWatcher
        {
            private readonly Session _session;
            private readonly double _wirePerByte;
            private readonly double _cpuPerByte;
            private readonly Flow.Flow _flow;
            private ITransfer? _plain;
            private long _compressedWire;

            public CompressedPass(Session session, long payloadBytes)
            {
                _session = session;
                TransportContext ctx = session.Context;
                _wirePerByte = session.WirePerByte;
                double srcCpu = session.SourceCpuPerByte;
                double dstCpu = session.TargetCpuPerByte;
                _cpuPerByte = srcCpu + dstCpu;
                double ceiling = ctx.Settings.StreamCeilingBytesPerSecond is { } c ? c / _wirePerByte : double.PositiveInfinity;
                // The path on the stack (the flow keeps its own copy): both NICs, then the spare CPU of each end that works.
                var buffer = default(PathBuffer);
                Span<FlowUsage> path = buffer;
                path[0] = new FlowUsage(session.Tcp.Source.Transmit, _wirePerByte);
                path[1] = new FlowUsage(session.Tcp.Target.Receive, _wirePerByte);
                int next = 2;
                if (srcCpu > 0)
                {
                    path[next++] = new FlowUsage(ctx.Source.SpareCpu, srcCpu);
                }

                if (dstCpu > 0)
                {
                    path[next++] = new FlowUsage(ctx.Target.SpareCpu, dstCpu);
                }

                Done = ctx.Simulation.Event(session.PassName);
                _flow = session.StartFlow(payloadBytes, path[..next], ceiling);
                _compressedWire = (long)Math.Round(payloadBytes * _wirePerByte);
                session.Cpu += (payloadBytes * _cpuPerByte) + TransportCpu(_compressedWire, ctx.Settings.TcpCpuSecondsPerGB);
                if (!_flow.Active)
                {
                    Done.Succeed();
                    return;
                }

                ctx.Source.WatchSpareCpu(this);
                ctx.Target.WatchSpareCpu(this);
                _flow.Completion.AddCallback(e =>
                {
                    Unsubscribe();
                    if (!e.Ok)
                    {
                        // A resource under the pass died: the pass fails with its cause.
                        Done.Fail(e.Error!);
                    }
                    else if (e.Value is true)
                    {
                        Done.Succeed();
                    }
                });
            }

            public Event Done { get; }

            public long BytesOnWire => _compressedWire + (_plain?.BytesOnWire ?? 0);

            public PayloadEncoding Encoding => _plain is null ? PayloadEncoding.Compressed : PayloadEncoding.FellBack;

            /// <summary>When the rest of the pass went plain (null while it is compressed throughout).</summary>
            public SimTime? FellBackAt { get; private set; }

            public IReadOnlyList<(LimitFactor Factor, double Seconds)> LimitedBy()
            {
                var tally = new List<(LimitFactor Factor, double Seconds)>();
                LimitedBy(tally);
                return tally;
            }

            public void LimitedBy(List<(LimitFactor Factor, double Seconds)> tally)
            {
                // The compressed flow's spans, each by what bound it (a compression CPU, a NIC, the stream ceiling).
                IReadOnlyList<BottleneckSpan> spans = _flow.BottleneckSpans;
                for (int k = 0; k < spans.Count; k++)
                {
                    LimitFactor.Tally(tally, _session.Factor(spans[k]), spans[k].Duration.Seconds);
                }

                if (_plain is null)
                {
                    return;
                }

                // The plain rest's own tally, then added entry by entry (summed in this order, as always).
                IReadOnlyList<(LimitFactor Factor, double Seconds)> plain = _plain.LimitedBy();
                for (int k = 0; k < plain.Count; k++)
                {
                    LimitFactor.Tally(tally, plain[k].Factor, plain[k].Seconds);
                }
            }

            public void OnSpareCpuChanged(Host host)
            {
                if (!_flow.Active || _plain is not null || _session.CompressionPays())
                {
                    return;
                }

                // Fall back: stop the compressed flow where it is; what is left crosses plain over TCP/IP.
                TransportContext ctx = _session.Context;
                Unsubscribe();
                ctx.Flows.Cancel(_flow);
                long left = (long)Math.Ceiling(_flow.RemainingAt(ctx.Simulation.Now));
                long leftWire = (long)Math.Round(left * _wirePerByte);
                _compressedWire -= leftWire;
                _session.Cpu -= (left * _cpuPerByte) + TransportCpu(leftWire, ctx.Settings.TcpCpuSecondsPerGB);
                FellBackAt = ctx.Simulation.Now;
                _plain = _session.Tcp.Send(left);
                _plain.Done.AddCallback(e =>
                {
                    if (e.Ok)
                    {
                        Done.Succeed();
                    }
                    else
                    {
                        Done.Fail(e.Error!);
                    }
                });
            }

            private void Unsubscribe()
            {
                _session.Context.Source.UnwatchSpareCpu(this);
                _session.Context.Target.UnwatchSpareCpu(this);
            }

            /// <summary>Room for a compressed pass's path: two NICs and two CPU pools.</summary>
            [InlineArray(4)]
            private struct PathBuffer
            {
                private FlowUsage _first;
            }
        }

        /// <summary>The TCP/IP session this one compresses over (and falls back to).</summary>
        private TcpIpTransport.Session Tcp => tcp;
    }
}
