using HyperVSim.Model.Migration;

namespace HyperVSim.Model.Transports;

/// <summary>Chooses the live-migration network: the first in the cluster's order on which both hosts have a NIC that is up.</summary>
internal static class NetworkPath
{
    /// <summary>
    /// The network and the NIC each side sends and receives on (of its NICs up on that network, the least loaded in that
    /// direction), or null with the networks that were tried.
    /// </summary>
    public static (string Network, Nic Source, Nic Target)? Choose(TransportContext ctx, out string failure)
    {
        // Plain loops: every migration opens a transport here.
        if (FirstConnected(ctx.Source, ctx.Target, ctx.NetworkOrder) is not { } network)
        {
            failure = NotConnected(ctx.Source, ctx.Target, ctx.NetworkOrder);
            return null;
        }

        failure = string.Empty;
        return (network, LeastLoaded(ctx.Source.Nics, network, transmit: true), LeastLoaded(ctx.Target.Nics, network, transmit: false));
    }

    /// <summary>
    /// Why no network of <paramref name="order"/> has a NIC up on both hosts, or null when one has (the check allocates
    /// nothing: a drain asks it for every move).
    /// </summary>
    public static string? WhyNotConnected(Host source, Host target, IReadOnlyList<string> order) =>
        FirstConnected(source, target, order) is null ? NotConnected(source, target, order) : null;

    /// <summary>The first network of <paramref name="order"/> with a NIC up on both hosts, or null.</summary>
    private static string? FirstConnected(Host source, Host target, IReadOnlyList<string> order)
    {
        for (int i = 0; i < order.Count; i++)
        {
            if (source.HasNicUpOn(order[i]) && target.HasNicUpOn(order[i]))
            {
                return order[i];
            }
        }

        return null;
    }

    private static string NotConnected(Host source, Host target, IReadOnlyList<string> order) => order.Count == 0
        ? "the cluster has no live-migration network"
        : $"no live-migration network connects {source.Name} and {target.Name} with a NIC up on both (tried: {string.Join(", ", order)})";

    /// <summary>
    /// Of the NICs up on <paramref name="network"/> (the host has one), the one carrying the fewest flows in the given
    /// direction; the first listed on a tie. One pass, no list of the usable NICs: every migration chooses here.
    /// </summary>
    private static Nic LeastLoaded(IReadOnlyList<Nic> nics, string network, bool transmit)
    {
        Nic? best = null;
        for (int i = 0; i < nics.Count; i++)
        {
            if (nics[i].IsUpOn(network) && (best is null || Flows(nics[i], transmit) < Flows(best, transmit)))
            {
                best = nics[i];
            }
        }

        return best ?? throw new InvalidOperationException($"no NIC is up on {network}");
    }

    private static int Flows(Nic nic, bool transmit) => (transmit ? nic.Transmit : nic.Receive).FlowCount;

    /// <summary>Maps a flow's bottleneck to a report factor: a NIC alone (nic), a NIC shared with other flows (link), its own cap (<paramref name="ownCap"/>).</summary>
    public static LimitFactor Factor(Flow.BottleneckSpan span, LimitFactor ownCap) =>
        span.Resource is null ? ownCap : span.Shared ? LimitFactor.Link : LimitFactor.Nic;
}
