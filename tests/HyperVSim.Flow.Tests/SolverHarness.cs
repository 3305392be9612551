using HyperVSim.Engine;

namespace HyperVSim.Flow.Tests;

/// <summary>
/// Resources and flows built by hand for <see cref="MaxMinSolver"/> alone: no network, no clock, no
/// recompute scheduling. The solver sees exactly the resources and flows added here.
/// </summary>
internal sealed class SolverHarness
{
    private readonly Simulation _sim = new();
    private readonly List<Resource> _resources = [];
    private readonly List<Flow> _flows = [];

    public Resource AddResource(string name, double capacity)
    {
        var r = new Resource(name, capacity, _resources.Count);
        _resources.Add(r);
        return r;
    }

    public Flow AddFlow(string name, Resource[] path, double bound = double.PositiveInfinity, double weight = 1, double[]? usages = null)
    {
        var f = new Flow(name, 1, path, usages ?? path.Select(_ => 1.0).ToArray(), bound, weight, _sim.Event(name), SimTime.Zero);
        for (int k = 0; k < path.Length; k++)
        {
            path[k].Flows.Add(f, k);
        }

        _flows.Add(f);
        return f;
    }

    /// <summary>Solves the flows over all the resources, in the order they were added, as the network would.</summary>
    public void Solve(bool scanEveryLevel = false)
    {
        var problem = new FlowProblem();
        problem.Load(_flows.ToArray(), _resources.ToArray());
        new MaxMinSolver { ScanEveryLevel = scanEveryLevel }.Solve(problem);
        problem.Store(_flows.ToArray(), _resources.ToArray());
    }

    /// <summary>The flows added, in order.</summary>
    public IReadOnlyList<Flow> Flows => _flows;
}
