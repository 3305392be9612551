using HyperVSim.Model.Migration;

namespace HyperVSim.Model.Transports;

/// <summary>Chooses the live-migration network: the first in the cluster's order on which both hosts have a NIC that is up.</summary>
internal static class NetworkPath
{
    /// <summary>The network and each side's usable NICs on it, or null with the networks that were tried.</summary>
    public static (string Network, IReadOnlyList<Nic> Source, IReadOnlyList<Nic> Target)? Choose(TransportContext ctx, out string failure)
    {
        foreach (string network in ctx.NetworkOrder)
        {
            Nic[] src = ctx.Source.Nics.Where(n => n.IsUp && n.IsOn(network)).ToArray();
            Nic[] dst = ctx.Target.Nics.Where(n => n.IsUp && n.IsOn(network)).ToArray();
            if (src.Length > 0 && dst.Length > 0)
            {
                failure = string.Empty;
                return (network, src, dst);
            }
        }

        failure = ctx.NetworkOrder.Count == 0
            ? "the cluster has no live-migration network"
            : $"no live-migration network connects {ctx.Source.Name} and {ctx.Target.Name} with a NIC up on both (tried: {string.Join(", ", ctx.NetworkOrder)})";
        return null;
    }

    /// <summary>The NIC carrying the fewest flows in the given direction; the first listed on a tie.</summary>
    public static Nic LeastLoaded(IReadOnlyList<Nic> nics, bool transmit) =>
        nics.OrderBy(n => (transmit ? n.Transmit : n.Receive).FlowCount).First();

    /// <summary>Maps a flow's bottleneck to a report factor: a NIC alone (nic), a NIC shared with other flows (link), its own cap (<paramref name="ownCap"/>).</summary>
    public static LimitFactor Factor(Flow.BottleneckSpan span, LimitFactor ownCap) =>
        span.Resource is null ? ownCap : span.Shared ? LimitFactor.Link : LimitFactor.Nic;
}
