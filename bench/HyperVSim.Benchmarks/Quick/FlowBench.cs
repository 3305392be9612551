using HyperVSim.Engine;
using HyperVSim.Flow;

namespace HyperVSim.Benchmarks.Quick;

/// <summary>
/// The flow network the flow figures measure: <c>hosts</c> hosts, each with a NIC transmit and receive
/// resource of 10 Gb/s, and <c>flows</c> long flows from a source NIC to another host's NIC (pairs and bounds
/// drawn from a fixed seed), optionally all crossing one shared resource as well (a storage volume every flow
/// reads from). One recompute is triggered by changing one flow's bound; every host carries many flows, so the
/// whole network is one component, the worst case. With <c>diskFlows</c>, that many VM disk I/O flows join it.
/// </summary>
internal sealed class FlowBench
{
    private readonly Simulation _sim = new();
    private readonly FlowNetwork _net;
    private readonly Flow.Flow[] _flows;
    private int _next;

    public FlowBench(int hosts, int flows, double? sharedCapacity = null, int diskFlows = 0)
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

        // Disk I/O flows (issue 10): endless, bounded at their demand, reads on a host's receive and writes on its
        // transmit side, crossing one of four SMB shares' bandwidth, IOPS and file-server resources.
        var volumes = Enumerable.Range(0, 4).Select(v => new[]
        {
            _net.AddResource($"share{v}:bandwidth", 2e9), _net.AddResource($"share{v}:iops", 100_000), _net.AddResource($"share{v}:fileServer", 4.7e9),
        }).ToArray();
        for (int d = 0; d < diskFlows; d++)
        {
            int h = random.Next(hosts);
            Resource[] v = volumes[d % volumes.Length];
            FlowUsage[] usages = [new(rx[h], 0.7), new(tx[h], 0.3), new(v[0], 1), new(v[1], 1 / 8192.0), new(v[2], 1)];
            _net.Start($"io{d}", double.PositiveInfinity, usages, bound: (200 + random.Next(2000)) * 8192.0);
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
