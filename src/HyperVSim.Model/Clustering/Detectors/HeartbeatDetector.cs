using HyperVSim.Engine;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Clustering.Detectors;

/// <summary>
/// Node failure detection by heartbeats (docs/model.md §Membership). Every node sends a heartbeat on every route
/// each delay, at whole multiples of the delay; a route whose heartbeats stop (a host down, a NIC down at either end)
/// has its last heartbeat at the last multiple before the loss, and is dead <c>threshold × delay</c> after it. A
/// member cut off from the largest group of members is declared down when every route to it is dead: the
/// same-subnet or cross-subnet delay and threshold per route, the latest of them. So detection comes
/// <c>threshold × delay</c> after the loss, less up to one delay. Heard again before that, nothing happens.
/// </summary>
public sealed class HeartbeatDetector : IFailureDetector
{
    private readonly Dictionary<Host, SimTime> _lostSince = [];
    private ClusterService? _service;

    public string Name => "heartbeat";

    public bool Enabled(Cluster cluster) => true;

    public void Attach(ClusterService service) => _service = service ?? throw new ArgumentNullException(nameof(service));

    private ClusterService Service => _service ?? throw new InvalidOperationException("the heartbeat detector is not attached");

    /// <summary>Hosts or links changed: starts the clock on members newly cut off, stops it for those heard again.</summary>
    internal void OnChange()
    {
        ClusterService s = Service;
        if (!s.HasQuorum)
        {
            _lostSince.Clear();
            return;
        }

        var lost = Lost();
        foreach (Host h in _lostSince.Keys.Where(h => !lost.Contains(h)).ToArray())
        {
            _lostSince.Remove(h);
        }

        SimTime now = s.Sim.Now;
        foreach (Host h in lost.Where(h => !_lostSince.ContainsKey(h)).OrderBy(h => h.Index))
        {
            _lostSince[h] = now;
            s.Sim.Schedule(DeclareAt(h, now, out _) - now, _ => Check(), null, "heartbeat threshold");
        }
    }

    /// <summary>Members down, or outside the largest group of up members that hear each other (ties: the group with the first node).</summary>
    private HashSet<Host> Lost()
    {
        ClusterService s = Service;
        Host[] upMembers = s.Members.Where(h => h.IsUp).ToArray();
        IReadOnlyList<Host>? main = s.Connectivity.Components(upMembers)
            .OrderByDescending(g => g.Count).ThenBy(g => g[0].Index).FirstOrDefault();
        return s.Members.Where(h => !h.IsUp || main is null || !main.Contains(h)).ToHashSet();
    }

    private void Check()
    {
        ClusterService s = Service;
        SimTime now = s.Sim.Now;
        var due = new List<(Host, string)>();
        foreach (var (h, since) in _lostSince.OrderBy(kv => kv.Key.Index).ToArray())
        {
            if (DeclareAt(h, since, out string detail) <= now && s.Members.Contains(h))
            {
                due.Add((h, detail));
                _lostSince.Remove(h);
            }
        }

        if (due.Count > 0)
        {
            s.Declare(due);
        }
    }

    /// <summary>When a member lost at <paramref name="since"/> is declared down, with the words of the detection.</summary>
    internal SimTime DeclareAt(Host h, SimTime since, out string detail)
    {
        ClusterSpec spec = Service.Cluster.Spec.Cluster;
        HeartbeatSpec hb = spec.Heartbeat;
        Host[] others = Service.Members.Where(m => !ReferenceEquals(m, h)).ToArray();
        bool same = others.Length == 0 || others.Any(o => o.Spec.Subnet == h.Spec.Subnet);
        bool cross = others.Any(o => o.Spec.Subnet != h.Spec.Subnet);
        SimTime at = SimTime.Zero;
        var parts = new List<string>();
        if (same)
        {
            int threshold = hb.ThresholdFor(spec.Version);
            at = Max(at, LastHeard(since, hb.Delay) + Times(hb.Delay, threshold));
            parts.Add($"{threshold} missed heartbeats every {hb.Delay}");
        }

        if (cross)
        {
            int threshold = hb.CrossSubnetThresholdFor(spec.Version);
            at = Max(at, LastHeard(since, hb.CrossSubnetDelay) + Times(hb.CrossSubnetDelay, threshold));
            parts.Add($"{threshold} missed cross-subnet heartbeats every {hb.CrossSubnetDelay}");
        }

        int routes = others.Length == 0 ? 0 : others.Max(o => Service.Connectivity.RouteCount(h, o));
        detail = $"{h.Name} declared down after {string.Join(" and ", parts)} on {routes} route{(routes == 1 ? "" : "s")}";
        return Max(at, since);
    }

    /// <summary>The last heartbeat heard before a loss at <paramref name="t"/>: the last multiple of the delay strictly before it.</summary>
    internal static SimTime LastHeard(SimTime t, SimTime delay)
    {
        long d = delay.Nanoseconds;
        long k = (t.Nanoseconds + d - 1) / d - 1;
        return new SimTime(k * d);
    }

    private static SimTime Times(SimTime t, int n) => new(checked(t.Nanoseconds * n));

    private static SimTime Max(SimTime a, SimTime b) => a > b ? a : b;
}
