namespace HyperVSim.Flow;

/// <summary>
/// The solver's compact view of a group of flows and resources: flows 0..FlowCount−1 and resources
/// 0..ResourceCount−1 by position, every array reused from one recompute to the next. Flow n crosses the
/// resources <c>PathResource[PathStart[n]..PathStart[n+1]]</c> with the usages beside them. The solver writes
/// each flow's rate and the position of the resource that froze it (−1: its own bound).
/// </summary>
internal sealed class FlowProblem
{
    public int FlowCount { get; private set; }

    public int ResourceCount { get; private set; }

    /// <summary>Per resource: capacity in units per second.</summary>
    public double[] Capacity { get; private set; } = [];

    /// <summary>Per flow: share weight.</summary>
    public double[] Weight { get; private set; } = [];

    /// <summary>Per flow: own rate cap (+∞ when none).</summary>
    public double[] Bound { get; private set; } = [];

    /// <summary>Per flow, plus one: where its path starts in <see cref="PathResource"/>; the last entry is the total.</summary>
    public int[] PathStart { get; private set; } = [0];

    /// <summary>Per path entry: the resource's position.</summary>
    public int[] PathResource { get; private set; } = [];

    /// <summary>Per path entry: units of the resource per unit of the flow.</summary>
    public double[] PathUsage { get; private set; } = [];

    /// <summary>Per flow, output: the rate.</summary>
    public double[] Rate { get; private set; } = [];

    /// <summary>Per flow, output: the position of the resource that set its rate, or −1 when its own bound did.</summary>
    public int[] Bottleneck { get; private set; } = [];

    /// <summary>Total number of path entries.</summary>
    public int PathCount => PathStart[FlowCount];

    /// <summary>
    /// Describes <paramref name="flows"/> over <paramref name="resources"/> (which must hold every resource the
    /// flows cross), in the given orders; sets each resource's <see cref="Resource.SolverIndex"/>.
    /// </summary>
    public void Load(ReadOnlySpan<Flow> flows, ReadOnlySpan<Resource> resources)
    {
        int nr = resources.Length;
        int nf = flows.Length;
        EnsureResources(nr);
        EnsureFlows(nf);
        for (int i = 0; i < nr; i++)
        {
            resources[i].SolverIndex = i;
            Capacity[i] = resources[i].Capacity;
        }

        int p = 0;
        for (int n = 0; n < nf; n++)
        {
            Flow f = flows[n];
            Weight[n] = f.Weight;
            Bound[n] = f.Bound;
            PathStart[n] = p;
            Resource[] path = f.Path;
            EnsurePath(p + path.Length);
            for (int k = 0; k < path.Length; k++, p++)
            {
                PathResource[p] = path[k].SolverIndex;
                PathUsage[p] = f.PathUsages[k];
            }
        }

        PathStart[nf] = p;
        FlowCount = nf;
        ResourceCount = nr;
    }

    /// <summary>Writes the solved rates and bottlenecks back to <paramref name="flows"/> (the spans given to <see cref="Load"/>).</summary>
    public void Store(ReadOnlySpan<Flow> flows, ReadOnlySpan<Resource> resources)
    {
        for (int n = 0; n < flows.Length; n++)
        {
            Flow f = flows[n];
            f.Rate = Rate[n];
            f.Bottleneck = Bottleneck[n] < 0 ? null : resources[Bottleneck[n]];
        }
    }

    private void EnsureResources(int n)
    {
        if (Capacity.Length < n)
        {
            Capacity = new double[Grown(Capacity.Length, n)];
        }
    }

    private void EnsureFlows(int n)
    {
        if (Weight.Length < n)
        {
            int size = Grown(Weight.Length, n);
            Weight = new double[size];
            Bound = new double[size];
            Rate = new double[size];
            Bottleneck = new int[size];
            PathStart = new int[size + 1];
        }
    }

    private void EnsurePath(int n)
    {
        if (PathResource.Length < n)
        {
            int size = Grown(PathResource.Length, n);
            int[] resources = new int[size];
            double[] usages = new double[size];
            Array.Copy(PathResource, resources, PathResource.Length);
            Array.Copy(PathUsage, usages, PathUsage.Length);
            PathResource = resources;
            PathUsage = usages;
        }
    }

    /// <summary>A buffer size of at least <paramref name="needed"/>, doubling from <paramref name="current"/>.</summary>
    internal static int Grown(int current, int needed) => Math.Max(needed, Math.Max(16, current * 2));
}
