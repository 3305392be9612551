using System.Runtime.InteropServices;
using HyperVSim.Engine;

namespace HyperVSim.Flow;

/// <summary>
/// Resources and the flows that share them, on a simulation's clock. Rates are max-min fair shares
/// (<see cref="MaxMinSolver"/>), recomputed lazily once per simulated instant in which a flow started or
/// ended or a capacity or bound changed, and only over the connected group of flows and resources that
/// the change touches; only flows whose rate changed get their completion rescheduled. A group walked from one change is
/// kept while no flow starts or ends: a later change inside it solves it again in the same order, without a walk.
/// <para>
/// A recompute copies its group into a <see cref="FlowProblem"/> (arrays indexed by position) for the
/// <see cref="IFlowSolver"/>, then copies the rates back; every buffer is kept for the next recompute.
/// </para>
/// </summary>
public sealed class FlowNetwork
{
    // A flow's completion value, boxed once (immutable, so shared by every network): true when through, false when cancelled.
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    private readonly Simulation _sim;
    private readonly IFlowSolver _solver;
    private readonly List<Resource> _resources = [];
    private readonly List<Resource> _dirtyResources = [];
    private readonly List<Flow> _dirtyFlows = [];
    private readonly Action<object?> _recompute;
    private readonly Action<object?> _complete;
    private bool _recomputeScheduled;
    private int _generation;

    // Counts flows joining or leaving resources. The last group solved is kept while it holds: a recompute whose changes
    // all lie inside it, with no flow started or ended since, solves the same group again without walking the network.
    private int _structureVersion;
    private int _keptVersion = -1;
    private bool _groupIsOneComponent;

    // Reused by every recompute: the group found, the walk's stack, rates before, the solver's input and output.
    private readonly BufferView<Flow> _group = new();
    private readonly BufferView<Resource> _groupResources = new();
    private readonly Stack<Resource> _stack = new();
    private readonly FlowProblem _problem = new();
    private double[] _before = [];

    // Resources whose load may have changed since RatesChanged was last raised, and the stamp marking them.
    private readonly BufferView<Resource> _touched = new();
    private int _touchStamp;

    // The flows a failing resource ends, collected before any is removed.
    private readonly BufferView<Flow> _failing = new();

    public FlowNetwork(Simulation simulation)
        : this(simulation, new MaxMinSolver())
    {
    }

    /// <summary>A network whose rates come from <paramref name="solver"/>.</summary>
    internal FlowNetwork(Simulation simulation, IFlowSolver solver)
    {
        _sim = simulation ?? throw new ArgumentNullException(nameof(simulation));
        _solver = solver ?? throw new ArgumentNullException(nameof(solver));
        _recompute = _ => Recompute();
        _complete = f => Complete((Flow)f!);
    }

    /// <summary>Resources in creation order.</summary>
    public IReadOnlyList<Resource> Resources => _resources;

    /// <summary>How many times the solver has run (for benchmarks and tests).</summary>
    public long Recomputes { get; private set; }

    /// <summary>
    /// Raised after rates were recomputed, with the flows whose rates were solved (empty when the last flows over
    /// some resources left and nothing was left to solve). The list is reused by the next recompute: read it in the
    /// handler, copy it to keep it.
    /// </summary>
    public event Action<IReadOnlyList<Flow>>? RatesChanged;

    /// <summary>
    /// While <see cref="RatesChanged"/> is raised: every resource whose load may have changed since it was last
    /// raised, in no particular order: the resources of the flows just solved, and those a flow left or whose
    /// capacity changed (also in recomputes that solved no flow and so raised nothing). Reused like the flows.
    /// </summary>
    public IReadOnlyList<Resource> TouchedResources => _touched;

    /// <summary>Makes room for <paramref name="resources"/> resources in all, so that a model that knows how many it will add does not regrow the list.</summary>
    public void EnsureResourceCapacity(int resources) => _resources.EnsureCapacity(resources);

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
    /// A new resource as <see cref="AddResource(string, double)"/>, named only when its name is read (messages, diagnostics):
    /// <paramref name="nameOf"/>(<paramref name="owner"/>), with a static lambda, so that a model that makes many resources
    /// per run (a few per NIC and host) formats no name it never shows.
    /// </summary>
    public Resource AddResource(object owner, Func<object, string> nameOf, double capacity)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(nameOf);
        var r = new Resource(owner, nameOf, capacity, _resources.Count);
        CheckCapacity(capacity, r);
        _resources.Add(r);
        return r;
    }

    /// <summary>
    /// Starts moving <paramref name="amount"/> units across <paramref name="path"/>, at most
    /// <paramref name="bound"/> units per second. A flow needs a resource or a finite bound. An amount of +∞ makes a
    /// long-lived flow (a disk's I/O) that never completes and runs until cancelled.
    /// </summary>
    public Flow Start(string name, double amount, IReadOnlyList<Resource> path, double bound = double.PositiveInfinity, double weight = 1)
    {
        ArgumentNullException.ThrowIfNull(path);
        ReadOnlySpan<FlowUsage> usages = path.Distinct().Select(r => new FlowUsage(r, 1)).ToArray();
        return Start(name, amount, usages, bound, weight);
    }

    /// <summary>
    /// Starts a flow that consumes <see cref="FlowUsage.PerUnit"/> units of each resource per unit moved
    /// (compressed bytes on a NIC per memory byte, core-seconds of CPU per byte compressed).
    /// </summary>
    public Flow Start(string name, double amount, IReadOnlyList<FlowUsage> path, double bound = double.PositiveInfinity, double weight = 1)
    {
        ArgumentNullException.ThrowIfNull(path);
        // Arrays and lists are read in place; another kind of list is copied once.
        ReadOnlySpan<FlowUsage> usages = path switch
        {
            FlowUsage[] array => array,
            List<FlowUsage> list => CollectionsMarshal.AsSpan(list),
            _ => path.ToArray(),
        };
        return Start(name, amount, usages, bound, weight);
    }

    /// <summary>
    /// As <see cref="Start(string, double, IReadOnlyList{FlowUsage}, double, double)"/>, the path read from a span: the flow
    /// keeps its own copy, so a caller may build the path on the stack (a migration starts a flow per pass).
    /// </summary>
    public Flow Start(string name, double amount, ReadOnlySpan<FlowUsage> path, double bound = double.PositiveInfinity, double weight = 1)
    {
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

        if (path.Length == 0 && double.IsPositiveInfinity(bound))
        {
            throw new ArgumentException($"flow '{name}' has neither a resource nor a bound", nameof(path));
        }

        // Plain loops, no LINQ: every migration pass starts a flow (paths have a handful of resources).
        var resources = new Resource[path.Length];
        var usages = new double[path.Length];
        for (int k = 0; k < path.Length; k++)
        {
            double perUnit = path[k].PerUnit;
            if (double.IsNaN(perUnit) || perUnit <= 0 || double.IsInfinity(perUnit))
            {
                throw new ArgumentOutOfRangeException(nameof(path), $"flow '{name}' needs finite usages > 0");
            }

            resources[k] = path[k].Resource;
            usages[k] = perUnit;
        }

        for (int k = 1; k < resources.Length; k++)
        {
            if (Array.IndexOf(resources, resources[k], 0, k) >= 0)
            {
                throw new ArgumentException($"flow '{name}' lists a resource twice", nameof(path));
            }
        }

        var flow = new Flow(name, amount, resources, usages, bound, weight, _sim.Event(name), _sim.Now);
        if (amount == 0)
        {
            flow.Active = false;
            flow.Completion.Succeed(BoxedTrue);
            return flow;
        }

        for (int k = 0; k < flow.Path.Length; k++)
        {
            flow.Path[k].Flows.Add(flow, k);
        }

        _structureVersion++;
        MarkDirty(flow);
        return flow;
    }

    /// <summary>Changes a resource's capacity (a link going down is capacity 0).</summary>
    public void SetCapacity(Resource resource, double capacity)
    {
        ArgumentNullException.ThrowIfNull(resource);
        CheckCapacity(capacity, resource);
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
        flow.Completion.Succeed(BoxedFalse);
    }

    /// <summary>
    /// Ends one flow now with its completion failed with <paramref name="cause"/>: what it needs is gone though no
    /// resource of its path failed (an endpoint the flow layer does not model as a resource). An ended flow is left as it is.
    /// </summary>
    public void Fail(Flow flow, Exception cause)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(cause);
        if (!flow.Active)
        {
            return;
        }

        Remove(flow);
        flow.Completion.Fail(cause);
    }

    /// <summary>
    /// The resource dies: every flow crossing it ends now with its completion failed with <paramref name="cause"/>
    /// (in the order the flows started), and its capacity becomes 0, so that a flow started on it later stalls
    /// until <see cref="SetCapacity"/> revives it. Whoever waits on those completions must handle the failure.
    /// </summary>
    public void Fail(Resource resource, Exception cause)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(cause);
        ref ResourceFlows crossing = ref resource.Flows;
        for (int s = 0; s < crossing.End; s++)
        {
            if (crossing[s] is { } f)
            {
                _failing.Add(f);
            }
        }

        try
        {
            foreach (Flow f in _failing.Span)
            {
                Remove(f);
                f.Completion.Fail(cause);
            }
        }
        finally
        {
            _failing.Clear();
        }

        SetCapacity(resource, 0);
    }

    private void Complete(Flow flow)
    {
        if (!flow.Active)
        {
            return;
        }

        Remove(flow);
        flow.Completion.Succeed(BoxedTrue);
    }

    private void Remove(Flow flow)
    {
        flow.TallyBottleneck(_sim.Now);
        flow.RemainingAtUpdate = flow.RemainingAt(_sim.Now);
        flow.LastUpdate = _sim.Now;
        flow.Active = false;
        flow.Rate = 0;
        flow.CompletionTimer.Cancel();
        flow.CompletionTimer = default;
        for (int k = 0; k < flow.Path.Length; k++)
        {
            Resource r = flow.Path[k];
            r.Flows.Remove(flow, k);
            _dirtyResources.Add(r);
        }

        _structureVersion++;

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
        _sim.Schedule(SimTime.Zero, _recompute, null, "flow-recompute");
    }

    private void Recompute()
    {
        _recomputeScheduled = false;
        if (!ReuseKeptGroup())
        {
            FindGroup();
        }

        NoteTouched();
        if (_group.Count == 0)
        {
            // The last flows over some resources left and none is left to solve: observers still hear that those
            // resources' load changed (to zero) now, not at the next change elsewhere.
            _groupResources.Clear();
            if (_touched.Count > 0)
            {
                try
                {
                    RatesChanged?.Invoke(_group);
                }
                finally
                {
                    _touched.Clear();
                    _touchStamp++;
                }
            }

            return;
        }

        ReadOnlySpan<Flow> flows = _group.Span;
        ReadOnlySpan<Resource> resources = _groupResources.Span;
        SimTime now = _sim.Now;
        if (_before.Length < flows.Length)
        {
            _before = new double[FlowProblem.Grown(_before.Length, flows.Length)];
        }

        double[] before = _before;
        for (int i = 0; i < flows.Length; i++)
        {
            Flow f = flows[i];
            f.TallyBottleneck(now);
            f.RemainingAtUpdate = f.RemainingAt(now);
            f.LastUpdate = now;
            before[i] = f.Rate;
        }

        _problem.Load(flows, resources);
        _solver.Solve(_problem);
        _problem.Store(flows, resources);
        Recomputes++;
        for (int i = 0; i < flows.Length; i++)
        {
            Flow f = flows[i];
            f.BottleneckShared = f.Bottleneck is { } b && b.Flows.Count > 1;
            if (f.Rate > 0)
            {
                f.StalledSince = null;
            }
            else
            {
                f.StalledSince ??= now;
            }

            if (f.Rate == before[i] && f.CompletionTimer.IsPending)
            {
                continue;
            }

            // A flow of endless amount (a disk's I/O) never completes: it runs until cancelled, without a timer.
            // A rate so small that the flow would end beyond the clock's range leaves it without a timer, like a
            // stalled flow: it ends only if a later change speeds it up.
            SimTime left = SimTime.Zero;
            bool timed = f.Rate > 0 && !double.IsPositiveInfinity(f.RemainingAtUpdate);
            if (timed)
            {
                left = SimTime.FromSecondsCeiling(f.RemainingAtUpdate / f.Rate);
                timed = left <= SimTime.MaxValue - now;
            }

            // A rate that changed only in its last bits usually leaves the completion on the same clock tick: the
            // pending timer then stands as it is (same instant, same place among ties), which saves a cancel and a
            // heap insert per flow on every recompute of a large group.
            if (timed && f.CompletionTimer.IsPending && f.CompletionTimer.Due == now + left)
            {
                continue;
            }

            f.CompletionTimer.Cancel();
            f.CompletionTimer = default;
            if (timed)
            {
                f.CompletionTimer = _sim.Schedule(left, _complete, f, f.Name);
            }
        }

        try
        {
            RatesChanged?.Invoke(_group);
        }
        finally
        {
            _touched.Clear();
            _touchStamp++;
            _keptVersion = _groupIsOneComponent ? _structureVersion : -1;
        }
    }

    /// <summary>
    /// Solves the last group again when it still holds: it was walked from one changed flow or resource, so it is exactly one
    /// connected group; no flow has started or ended since, so it still is, with the same flows; and every changed flow and
    /// resource is in it, so a fresh walk would find the same flows. Then the walk is skipped, and the solver sees the group
    /// in the order it had: a recompute that changes nothing solves to the same rates bit for bit (a walk from another
    /// starting point would sum in another order and could move the rates in their last bits, and so every completion).
    /// </summary>
    private bool ReuseKeptGroup()
    {
        if (_keptVersion != _structureVersion || _group.Count == 0)
        {
            return false;
        }

        foreach (Flow f in _dirtyFlows)
        {
            if (!f.Active || f.Mark != _generation)
            {
                return false;
            }
        }

        foreach (Resource r in _dirtyResources)
        {
            if (r.Mark != -_generation)
            {
                return false;
            }
        }

        _dirtyFlows.Clear();
        _dirtyResources.Clear();
        return true;
    }

    /// <summary>
    /// Collects into <see cref="_group"/> the active flows connected to what changed (dirty flows, dirty resources),
    /// and into <see cref="_groupResources"/> their resources in creation order. The flows' order is the order the
    /// walk meets them, which the solver and the timers depend on: it must not change.
    /// </summary>
    private void FindGroup()
    {
        _keptVersion = -1;
        _groupIsOneComponent = _dirtyFlows.Count + _dirtyResources.Count == 1;
        _generation++;
        _group.Clear();
        _groupResources.Clear();
        Stack<Resource> stack = _stack;
        foreach (Flow f in _dirtyFlows)
        {
            VisitFlow(f, stack);
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
            _groupResources.Add(r);
            ref ResourceFlows crossing = ref r.Flows;
            for (int s = 0; s < crossing.End; s++)
            {
                if (crossing[s] is { } f)
                {
                    VisitFlow(f, stack);
                }
            }
        }

        // Resources in creation order, so ties between equally loaded resources resolve the same way every run.
        _groupResources.Sort(static (a, b) => a.Index.CompareTo(b.Index));
    }

    /// <summary>Adds the group's resources to those touched since <see cref="RatesChanged"/> was last raised.</summary>
    private void NoteTouched()
    {
        foreach (Resource r in _groupResources.Span)
        {
            if (r.TouchMark != _touchStamp)
            {
                r.TouchMark = _touchStamp;
                _touched.Add(r);
            }
        }
    }

    private void VisitFlow(Flow f, Stack<Resource> stack)
    {
        if (!f.Active || f.Mark == _generation)
        {
            return;
        }

        f.Mark = _generation;
        _group.Add(f);
        foreach (Resource r in f.Path)
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
        if (!IsValidCapacity(capacity))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"resource '{name}' needs a finite capacity ≥ 0");
        }
    }

    /// <summary>As <see cref="CheckCapacity(double, string)"/>, naming the resource only when the capacity is wrong.</summary>
    private static void CheckCapacity(double capacity, Resource resource)
    {
        if (!IsValidCapacity(capacity))
        {
            CheckCapacity(capacity, resource.Name);
        }
    }

    private static bool IsValidCapacity(double capacity) => !(double.IsNaN(capacity) || capacity < 0 || double.IsInfinity(capacity));
}
