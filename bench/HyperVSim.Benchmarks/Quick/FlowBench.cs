using HyperVSim.Engine;
using HyperVSim.Flow;

namespace HyperVSim.Benchmarks.Quick;

/// <summary>
/// The flow network the flow figures measure: <c>hosts</c> hosts, each with a NIC transmit and receive
/// resource of 10 Gb/s, and <c>flows</c> long flows from a source NIC to another host's NIC (pairs and bounds
/// drawn from a fixed seed), optionally all crossing one shared resource as well (a storage volume every flow
/// reads from). One recompute is triggered by changing one flow's bound; every host carries many flows, so the
/// whole network is one component, the worst case.
/// </summary>
internal sealed class FlowBench
{
    private readonly Simulation _sim = new();
    private readonly FlowNetwork _net;
    private readonly Flow.Flow[] _flows;
    private int _next;

    public FlowBench(int hosts, int flows, double? sharedCapacity = null)
    {
        _net = new FlowNetwork(_sim);
        var tx = Enumerable.Range(0, hosts).Select(h => _net.AddResource($"hv{h}:tx", 1.25e9)).ToArray();
        var rx = Enumerable.Range(0, hosts).Select(h => _net.AddResource($"hv{h}:rx", 1.25e9)).ToArray();
        Resource? shared = sharedCapacity is { } c ? _net.AddResource("volume", c) : null;
        Random random = new RandomStreams(1).For("bench", "flows");
        _flows = new Flow.Flow[flows];
        for (int f = 0; f < flows; f++)
        {
            int s = random.Next(hosts);
            int d = (s + 1 + random.Next(hosts - 1)) % hosts;
            Resource[] path = shared is null ? [tx[s], rx[d]] : [tx[s], rx[d], shared];
            _flows[f] = _net.Start($"f{f}", 1e15, path, bound: 0.5e9 + random.NextDouble() * 1e9);
        }

        _sim.Step(); // the first recompute
    }

    /// <summary>Changes the next flow's bound (down by 10 %, then back up) and runs the recompute that follows.</summary>
    public void Recompute()
    {
        Flow.Flow f = _flows[_next % _flows.Length];
        _net.SetBound(f, f.Bound * (_next % 2 == 0 ? 0.9 : 1 / 0.9));
        _next++;
        _sim.Step();
    }
}
