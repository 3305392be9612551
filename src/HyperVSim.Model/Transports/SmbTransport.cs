using System.Runtime.InteropServices;
using HyperVSim.Flow;
using HyperVSim.Model.Migration;

namespace HyperVSim.Model.Transports;

/// <summary>
/// SMB: SMB Multichannel over the NICs of the live-migration networks, combining only NICs of the same speed
/// and type (TechNet jj134210): the group of (speed, RDMA) with the most bandwidth on both hosts wins, and
/// its NICs are paired source i ↔ target i, one channel each; a pass is split evenly over the channels.
/// SMB Direct when the group's NICs are RDMA on both ends: line rate × rdmaEfficiency and almost no CPU;
/// otherwise TCP channels with their CPU cost. A host's SMB bandwidth limit of category LiveMigration caps the total
/// of its SMB live migrations, sent and received.
/// </summary>
internal sealed class SmbTransport : IMigrationTransport
{
    public TransportOpening Open(TransportContext context)
    {
        Nic[] src = context.Source.Nics.Where(n => n.IsUp && context.NetworkOrder.Any(n.IsOn)).ToArray();
        Nic[] dst = context.Target.Nics.Where(n => n.IsUp && context.NetworkOrder.Any(n.IsOn)).ToArray();
        var groups = src.GroupBy(n => (n.Spec.BitsPerSecond, n.Spec.Rdma))
            .Select(g => (Key: g.Key, Src: g.ToArray(), Dst: dst.Where(d => (d.Spec.BitsPerSecond, d.Spec.Rdma) == g.Key).ToArray()))
            .Where(g => g.Dst.Length > 0)
            .Select(g => (g.Key, Channels: Math.Min(g.Src.Length, g.Dst.Length), g.Src, g.Dst))
            .OrderByDescending(g => g.Channels * g.Key.BitsPerSecond)
            .ThenByDescending(g => g.Key.Rdma)
            .ToArray();
        if (groups.Length == 0)
        {
            return TransportOpening.Fail(
                $"SMB found no NICs of the same speed and type on {context.Source.Name} and {context.Target.Name} on the live-migration networks ({string.Join(", ", context.NetworkOrder)})");
        }

        var best = groups[0];
        var pairs = Enumerable.Range(0, best.Channels).Select(i => (best.Src[i], best.Dst[i])).ToArray();
        string network = context.NetworkOrder.First(net => pairs[0].Item1.IsOn(net));
        return TransportOpening.Of(new Session(context, network, pairs, best.Key.Rdma));
    }

    private sealed class Session(TransportContext ctx, string network, (Nic Src, Nic Dst)[] channels, bool rdma) : TransferSessionBase(ctx)
    {
        public override string Network => network;

        public override IReadOnlyList<string> Nics { get; } = channels.SelectMany(c => new[] { c.Src.FullName, c.Dst.FullName }).ToArray();

        public override ITransfer Send(long payloadBytes)
        {
            // RDMA moves more payload per unit of the NIC's TCP payload capacity: usage = efficiency ÷ rdmaEfficiency.
            var flows = new List<Flow.Flow>(channels.Length);
            long sent = 0;
            for (int i = 0; i < channels.Length; i++)
            {
                (Nic s, Nic d) = channels[i];
                long share = i == channels.Length - 1 ? payloadBytes - sent : payloadBytes / channels.Length;
                sent += share;
                double usageS = rdma ? s.Spec.Efficiency / Context.Settings.RdmaEfficiency : 1;
                double usageD = rdma ? d.Spec.Efficiency / Context.Settings.RdmaEfficiency : 1;
                var path = new List<FlowUsage>(4) { new(s.Transmit, usageS), new(d.Receive, usageD) };

                // Set-SmbBandwidthLimit -Category LiveMigration caps each host's SMB live-migration traffic as a whole.
                if (s.Host.SmbLiveMigrationLimit is { } sendLimit)
                {
                    path.Add(new FlowUsage(sendLimit, 1));
                }

                if (d.Host.SmbLiveMigrationLimit is { } receiveLimit)
                {
                    path.Add(new FlowUsage(receiveLimit, 1));
                }

                flows.Add(StartFlow(share, CollectionsMarshal.AsSpan(path)));
            }

            Cpu += TransportCpu(payloadBytes, rdma ? Context.Settings.RdmaCpuSecondsPerGB : Context.Settings.TcpCpuSecondsPerGB);
            return new FlowTransfer(Context.Simulation, flows, payloadBytes, (_, span) => NetworkPath.Factor(span, LimitFactor.StreamCeiling));
        }

        public override string? Describe(LimitFactor factor) =>
            factor == LimitFactor.Nic || factor == LimitFactor.Link ? $"{(rdma ? "SMB Direct" : "SMB Multichannel")} over {channels.Length} channel(s)" : null;
    }
}
