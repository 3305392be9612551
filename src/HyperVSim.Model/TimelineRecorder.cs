using HyperVSim.Flow;
using HyperVSim.Model.Results;

namespace HyperVSim.Model;

/// <summary>
/// Watches a cluster and keeps step series for reports: each NIC direction's throughput (bytes/s, sampled
/// whenever rates are recomputed) and the number of running VMs. It observes only; the model never calls it.
/// </summary>
public sealed class TimelineRecorder
{
    private readonly Cluster _cluster;
    /// <summary>
    /// By <see cref="Resource.Index"/>: whether the resource is a NIC direction, and its series, created at its first sample
    /// (most NICs of a large cluster carry nothing). Arrays, not a dictionary: the NICs are most of the resources.
    /// </summary>
    private readonly bool[] _isNic;
    private readonly List<TimePoint>?[] _nics;
    private readonly List<TimePoint> _running = [];

    /// <summary>The first room made for a NIC direction's series (a list; it grows as any list when needed).</summary>
    private const int NicSeriesCapacity = 8;
    private int _runningCount;

    public TimelineRecorder(Cluster cluster)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        _isNic = new bool[cluster.Flows.Resources.Count];
        _nics = new List<TimePoint>?[_isNic.Length];
        // Index loops over the hosts and their NICs (enumerating through IReadOnlyList would allocate one per host).
        for (int i = 0; i < cluster.Hosts.Count; i++)
        {
            IReadOnlyList<Nic> nics = cluster.Hosts[i].Nics;
            for (int k = 0; k < nics.Count; k++)
            {
                _isNic[nics[k].Transmit.Index] = true;
                _isNic[nics[k].Receive.Index] = true;
            }
        }

        _running.Add(new TimePoint(0, CountRunning()));
        cluster.Flows.RatesChanged += OnRates;
        cluster.VmStateChanged += OnVmState;
    }

    /// <summary>
    /// The series: running VMs first, then every NIC direction that carried traffic, in host and NIC order. They hand
    /// over the recorder's own lists (no copy: a run makes many series, and a study many runs), so ask for them once the
    /// run has ended: the recorder would go on adding to them.
    /// </summary>
    public IReadOnlyList<TimeSeries> Series()
    {
        var list = new List<TimeSeries> { new("runningVms", "VMs", _running) };
        for (int i = 0; i < _cluster.Hosts.Count; i++)
        {
            IReadOnlyList<Nic> nics = _cluster.Hosts[i].Nics;
            for (int k = 0; k < nics.Count; k++)
            {
                Nic n = nics[k];
                if (_nics[n.Transmit.Index] is { Count: > 1 } tx)
                {
                    list.Add(new TimeSeries($"{n.FullName} tx", "bytes/s", tx));
                }

                if (_nics[n.Receive.Index] is { Count: > 1 } rx)
                {
                    list.Add(new TimeSeries($"{n.FullName} rx", "bytes/s", rx));
                }
            }
        }

        return list;
    }

    /// <summary>
    /// Samples the NIC directions whose load may have changed: those the recomputed flows cross, and those whose
    /// last flow has left since the previous sample (their load is now 0). Costs O(touched resources), not O(NICs).
    /// </summary>
    private void OnRates(IReadOnlyList<Flow.Flow> flows)
    {
        IReadOnlyList<Resource> touched = _cluster.Flows.TouchedResources;
        for (int i = 0; i < touched.Count; i++)
        {
            Resource r = touched[i];
            if (r.Index < _isNic.Length && _isNic[r.Index])
            {
                List<TimePoint>? points = _nics[r.Index];
                double load = r.Load;
                if (points is null)
                {
                    if (load == 0)
                    {
                        // Still at the series' first point (0 at time 0): nothing to record.
                        continue;
                    }

                    // Room for a handful of points (a NIC that carries migrations steps up and down a few times), not grown from one.
                    _nics[r.Index] = points = new List<TimePoint>(NicSeriesCapacity) { new TimePoint(0, 0) };
                }

                Add(points, load);
            }
        }
    }

    private void Add(List<TimePoint> points, double value)
    {
        double now = _cluster.Simulation.Now.Seconds;
        if (points[^1].Value == value)
        {
            return;
        }

        if (points[^1].Time == now)
        {
            points[^1] = new TimePoint(now, value);
        }
        else
        {
            points.Add(new TimePoint(now, value));
        }
    }

    private void OnVmState(VirtualMachine vm, VmState before)
    {
        if ((before == VmState.Running) != (vm.State == VmState.Running))
        {
            _runningCount += vm.State == VmState.Running ? 1 : -1;
            Add(_running, _runningCount);
        }
    }

    private int CountRunning() => _runningCount = _cluster.Vms.Count(v => v.State == VmState.Running);
}
