using HyperVSim.Model.Migration;

namespace HyperVSim.Model.Transports;

/// <summary>Chooses the live-migration network: the first in the cluster's order on which both hosts have a NIC that is up.</summary>
internal static class NetworkPath
{
    /// <summary>The network and each side's usable NICs on it, or null with the networks that were tried.</summary>
    public static (string Network, IReadOnlyList<Nic> Source, IReadOnlyList<Nic> Target)? Choose(TransportContext ctx, out string failure)
    {
        // Plain loops: every migration opens a transport here.
        if (FirstConnected(ctx.Source, ctx.Target, ctx.NetworkOrder) is not { } network)
        {
            failure = NotConnected(ctx.Source, ctx.Target, ctx.NetworkOrder);
            return null;
        }

        failure = string.Empty;
        return (network, UpOn(ctx.Source.Nics, network), UpOn(ctx.Target.Nics, network));
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

    /// <summary>The NIC carrying the fewest flows in the given direction; the first listed on a tie.</summary>
    public static Nic LeastLoaded(IReadOnlyList<Nic> nics, bool transmit)
    {
        Nic best = nics[0];
        for (int i = 1; i < nics.Count; i++)
        {
            if (Flows(nics[i], transmit) < Flows(best, transmit))
            {
                best = nics[i];
            }
        }

        return best;
    }

    private static int Flows(Nic nic, bool transmit) => (transmit ? nic.Transmit : nic.Receive).FlowCount;

    /// <summary>The NICs of <paramref name="nics"/> that are up and on <paramref name="network"/>, in their order.</summary>
    private static Nic[] UpOn(IReadOnlyList<Nic> nics, string network)
    {
        int count = 0;
        for (int i = 0; i < nics.Count; i++)
        {
            count += nics[i].IsUpOn(network) ? 1 : 0;
        }

        var up = new Nic[count];
        int next = 0;
        for (int i = 0; i < nics.Count; i++)
        {
            if (nics[i].IsUpOn(network))
            {
                up[next++] = nics[i];
            }
        }

        return up;
    }

    /// <summary>Maps a flow's bottleneck to a report factor: a NIC alone (nic), a NIC shared with other flows (link), its own cap (<paramref name="ownCap"/>).</summary>
    public static LimitFactor Factor(Flow.BottleneckSpan span, LimitFactor ownCap) =>
        span.Resource is null ? ownCap : span.Shared ? LimitFactor.Link : LimitFactor.Nic;
}
