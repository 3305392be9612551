using HyperVSim.Engine;

namespace HyperVSim.Flow;

/// <summary>
/// Resources and the flows that share them, on a simulation's clock. Rates are max-min fair shares
/// (<see cref="MaxMinSolver"/>), recomputed lazily once per simulated instant in which a flow started or
/// ended or a capacity or bound changed, and only over the connected group of flows and resources that
/// the change touches; only flows whose rate changed get their completion rescheduled.
/// </summary>
public sealed class FlowNetwork
{
    private readonly Simulation _sim;
    private readonly List<Resource> _resources = [];
    private readonly List<Resource> _dirtyResources = [];
    private readonly List<Flow> _dirtyFlows = [];
    private bool _recomputeScheduled;
    private int _generation;

    public FlowNetwork(Simulation simulation)
    {
        _sim = simulation ?? throw new ArgumentNullException(nameof(simulation));
    }

    /// <summary>Resources in creation order.</summary>
    public IReadOnlyList<Resource> Resources => _resources;

    /// <summary>How many times the solver has run (for benchmarks and tests).</summary>
    public long Recomputes { get; private set; }

    /// <summary>Raised after rates were recomputed, with the flows whose rates were solved.</summary>
    public event Action<IReadOnlyList<Flow>>? RatesChanged;

    /// <summary>A new resource with a capacity in units per second (≥ 0).</summary>
    public Resource AddResource(string name, double capacity)
    {
        ArgumentNullException.ThrowIfNull(name);
        CheckCapacity(capacity, name);
        var r = new Resource(name, capacity, _resources.Count);
        _resources.Add(r);
        return r;
    }

    /// <summary>
    /// Starts moving <paramref name="amount"/> units across <paramref name="path"/>, at most
    /// <paramref name="bound"/> units per second. A flow needs a resource or a finite bound.
    /// </summary>
    public Flow Start(string name, double amount, IReadOnlyList<Resource> path, double bound = double.PositiveInfinity, double weight = 1)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Start(name, amount, path.Distinct().Select(r => new FlowUsage(r, 1)).ToArray(), bound, weight);
    }

    /// <summary>
    /// Starts a flow that consumes <see cref="FlowUsage.PerUnit"/> units of each resource per unit moved
    /// (compressed bytes on a NIC per memory byte, core-seconds of CPU per byte compressed).
    /// </summary>
    public Flow Start(string name, double amount, IReadOnlyList<FlowUsage> path, double bound = double.PositiveInfinity, double weight = 1)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (double.IsNaN(amount) || amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"flow '{name}' needs a non-negative amount");
        }

        if (double.IsNaN(bound) || bound < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, $"flow '{name}' needs a bound ≥ 0");
        }

        if (!double.IsFinite(weight) || weight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, $"flow '{name}' needs a finite weight > 0");
        }

        if (path.Count == 0 && double.IsPositiveInfinity(bound))
        {
            throw new ArgumentException($"flow '{name}' has neither a resource nor a bound", nameof(path));
        }

        if (path.Any(u => double.IsNaN(u.PerUnit) || u.PerUnit <= 0 || double.IsInfinity(u.PerUnit)))
        {
            throw new ArgumentOutOfRangeException(nameof(path), $"flow '{name}' needs finite usages > 0");
        }

        if (path.Select(u => u.Resource).Distinct().Count() != path.Count)
        {
            throw new ArgumentException($"flow '{name}' lists a resource twice", nameof(path));
        }

        var flow = new Flow(name, amount, path.Select(u => u.Resource).ToArray(), path.Select(u => u.PerUnit).ToArray(), bound, weight, _sim.Event(name), _sim.Now);
        if (amount == 0)
        {
            flow.Active = false;
            flow.Completion.Succeed(true);
            return flow;
        }

        foreach (Resource r in flow.Resources)
        {
            r.Flows.Add(flow);
        }

        MarkDirty(flow);
        return flow;
    }

    /// <summary>Changes a resource's capacity (a link going down is capacity 0).</summary>
    public void SetCapacity(Resource resource, double capacity)
    {
        ArgumentNullException.ThrowIfNull(resource);
        CheckCapacity(capacity, resource.Name);
        if (resource.Capacity == capacity)
        {
            return;
        }

        resource.Capacity = capacity;
        _dirtyResources.Add(resource);
        ScheduleRecompute();
    }

    /// <summary>Changes a flow's own cap.</summary>
    public void SetBound(Flow flow, double bound)
    {
        ArgumentNullException.ThrowIfNull(flow);
        if (double.IsNaN(bound) || bound < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "bound must be ≥ 0");
        }

        if (flow.Resources.Count == 0 && double.IsPositiveInfinity(bound))
        {
            throw new ArgumentException($"flow '{flow.Name}' crosses no resource: its bound is its only limit and must stay finite", nameof(bound));
        }

        if (!flow.Active || flow.Bound == bound)
        {
            return;
        }

        flow.Bound = bound;
        MarkDirty(flow);
    }

    /// <summary>Stops a flow before its end; its completion succeeds with value false.</summary>
    public void Cancel(Flow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        if (!flow.Active)
        {
            return;
        }

        Remove(flow);
        flow.Completion.Succeed(false);
    }

    private void Complete(Flow flow)
    {
        if (!flow.Active)
        {
            return;
        }

        Remove(flow);
        flow.Completion.Succeed(true);
    }

    private void Remove(Flow flow)
    {
        flow.TallyBottleneck(_sim.Now);
        flow.RemainingAtUpdate = flow.RemainingAt(_sim.Now);
        flow.LastUpdate = _sim.Now;
        flow.Active = false;
        flow.Rate = 0;
        flow.CompletionTimer?.Cancel();
        flow.CompletionTimer = null;
        foreach (Resource r in flow.Resources)
        {
            r.Flows.Remove(flow);
            _dirtyResources.Add(r);
        }

        ScheduleRecompute();
    }

    private void MarkDirty(Flow flow)
    {
        _dirtyFlows.Add(flow);
        ScheduleRecompute();
    }

    private void ScheduleRecompute()
    {
        if (_recomputeScheduled)
        {
            return;
        }

        _recomputeScheduled = true;
        _sim.Call(SimTime.Zero, Recompute, "flow-recompute");
    }

    private void Recompute()
    {
        _recomputeScheduled = false;
        _generation++;
        var flows = new List<Flow>();
        var resources = new List<Resource>();
        var stack = new Stack<Resource>();
        foreach (Flow f in _dirtyFlows)
        {
            VisitFlow(f, flows, stack);
        }

        foreach (Resource r in _dirtyResources)
        {
            if (r.Mark != -_generation)
            {
                r.Mark = -_generation;
                stack.Push(r);
            }
        }

        _dirtyFlows.Clear();
        _dirtyResources.Clear();
        while (stack.Count > 0)
        {
            Resource r = stack.Pop();
            resources.Add(r);
            foreach (Flow f in r.Flows)
            {
                VisitFlow(f, flows, stack);
            }
        }

        if (flows.Count == 0)
        {
            return;
        }

        // Resources in creation order, so ties between equally loaded resources resolve the same way every run.
        resources.Sort((a, b) => a.Index.CompareTo(b.Index));
        SimTime now = _sim.Now;
        var before = new double[flows.Count];
        for (int i = 0; i < flows.Count; i++)
        {
            Flow f = flows[i];
            f.TallyBottleneck(now);
            f.RemainingAtUpdate = f.RemainingAt(now);
            f.LastUpdate = now;
            before[i] = f.Rate;
        }

        MaxMinSolver.Solve(flows, resources);
        Recomputes++;
        foreach (Flow f in flows)
        {
            f.BottleneckShared = f.Bottleneck is { } b && b.Flows.Count > 1;
        }

        for (int i = 0; i < flows.Count; i++)
        {
            Flow f = flows[i];
            if (f.Rate == before[i] && f.CompletionTimer is not null)
            {
                continue;
            }

            f.CompletionTimer?.Cancel();
            f.CompletionTimer = null;
            if (f.Rate > 0)
            {
                SimTime left = SimTime.FromSecondsCeiling(f.RemainingAtUpdate / f.Rate);

                // A rate so small that the flow would end beyond the clock's range leaves it without a timer,
                // like a stalled flow: it ends only if a later change speeds it up.
                if (left <= SimTime.MaxValue - now)
                {
                    Flow captured = f;
                    f.CompletionTimer = _sim.Call(left, () => Complete(captured), f.Name);
                }
            }
        }

        RatesChanged?.Invoke(flows);
    }

    private void VisitFlow(Flow f, List<Flow> flows, Stack<Resource> stack)
    {
        if (!f.Active || f.Mark == _generation)
        {
            return;
        }

        f.Mark = _generation;
        flows.Add(f);
        foreach (Resource r in f.Resources)
        {
            if (r.Mark != -_generation)
            {
                r.Mark = -_generation;
                stack.Push(r);
            }
        }
    }

    private static void CheckCapacity(double capacity, string name)
    {
        if (double.IsNaN(capacity) || capacity < 0 || double.IsInfinity(capacity))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"resource '{name}' needs a finite capacity ≥ 0");
        }
    }
}
