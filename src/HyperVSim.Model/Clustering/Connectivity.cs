using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Clustering;

/// <summary>
/// Which nodes hear each other's heartbeats (docs/model.md §Membership). Heartbeats go over every network enabled
/// for cluster traffic: roles cluster, management and liveMigration (vm and storage networks are not: 2012 R2 clusters
/// usually disable cluster traffic on them); a scenario with none of those uses every network. Two up nodes are
/// connected over a network when each has a NIC up on it. A node with no NIC on any heartbeat network is reached
/// over an implicit management network that never fails (so scenarios that do not describe their networks behave
/// as a healthy cluster).
/// </summary>
public sealed class Connectivity
{
    private readonly IReadOnlyList<Host> _hosts;
    private readonly string[] _networks;
    private readonly bool[] _implicit;

    public Connectivity(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        _hosts = cluster.Hosts;
        NetworkRole[] roles = [NetworkRole.Cluster, NetworkRole.Management, NetworkRole.LiveMigration];
        string[] chosen = cluster.Spec.Networks.Where(n => roles.Contains(n.Role)).Select(n => n.Name).ToArray();
        _networks = chosen.Length > 0 ? chosen : cluster.Spec.Networks.Select(n => n.Name).ToArray();
        _implicit = new bool[_hosts.Count];
        for (int i = 0; i < _implicit.Length; i++)
        {
            _implicit[i] = !OnAny(_hosts[i], _networks);
        }
    }

    /// <summary>True when a NIC of <paramref name="host"/> is on one of <paramref name="networks"/> (loops: every run builds this per host).</summary>
    private static bool OnAny(Host host, string[] networks)
    {
        IReadOnlyList<Nic> nics = host.Nics;
        for (int i = 0; i < nics.Count; i++)
        {
            foreach (string network in networks)
            {
                if (nics[i].IsOn(network))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The heartbeat networks, in scenario order.</summary>
    public IReadOnlyList<string> Networks => _networks;

    /// <summary>The routes (heartbeat networks, or "management" for the implicit one) between two up nodes now.</summary>
    public IReadOnlyList<string> Routes(Host a, Host b)
    {
        if (!a.IsUp || !b.IsUp)
        {
            return [];
        }

        if (_implicit[a.Index] && _implicit[b.Index])
        {
            return ["management"];
        }

        return _networks.Where(n => a.HasNicUpOn(n) && b.HasNicUpOn(n)).ToArray();
    }

    /// <summary>How many routes a node has in all, when everything is up (for the words of a detection).</summary>
    public int RouteCount(Host a, Host b) =>
        _implicit[a.Index] && _implicit[b.Index] ? 1 : _networks.Count(n => a.Nics.Any(x => x.IsOn(n)) && b.Nics.Any(x => x.IsOn(n)));

    /// <summary>
    /// The groups of <paramref name="nodes"/> that hear each other (directly or through others), each in host order,
    /// the groups ordered by their first node. Down nodes are alone.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Host>> Components(IEnumerable<Host> nodes)
    {
        Host[] list = nodes.OrderBy(h => h.Index).ToArray();
        var parent = new int[list.Length];
        for (int i = 0; i < list.Length; i++)
        {
            parent[i] = i;
        }

        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        void Union(int a, int b)
        {
            int ra = Find(a), rb = Find(b);
            if (ra != rb)
            {
                parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }

        // Nodes on the same live network (or both on the implicit one) are joined: O(nodes × networks).
        int implicitFirst = -1;
        var firstOn = new int[_networks.Length];
        Array.Fill(firstOn, -1);
        for (int i = 0; i < list.Length; i++)
        {
            Host h = list[i];
            if (!h.IsUp)
            {
                continue;
            }

            if (_implicit[h.Index])
            {
                if (implicitFirst < 0)
                {
                    implicitFirst = i;
                }
                else
                {
                    Union(implicitFirst, i);
                }

                continue;
            }

            for (int n = 0; n < _networks.Length; n++)
            {
                if (h.HasNicUpOn(_networks[n]))
                {
                    if (firstOn[n] < 0)
                    {
                        firstOn[n] = i;
                    }
                    else
                    {
                        Union(firstOn[n], i);
                    }
                }
            }
        }

        // A group's root is its first node (a union keeps the smaller root), so groups come in order of first node.
        var groupAt = new List<Host>?[list.Length];
        var groups = new List<IReadOnlyList<Host>>();
        for (int i = 0; i < list.Length; i++)
        {
            int root = Find(i);
            if (groupAt[root] is not { } g)
            {
                groupAt[root] = g = [];
                groups.Add(g);
            }

            g.Add(list[i]);
        }

        return groups;
    }
}
