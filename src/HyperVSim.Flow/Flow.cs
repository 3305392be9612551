using HyperVSim.Engine;

namespace HyperVSim.Flow;

/// <summary>
/// A transfer of an amount of units over a set of resources. Its rate is its max-min fair share, no more
/// than its own bound; <see cref="Completion"/> succeeds (value true) when the amount is through, or with
/// value false when the flow is cancelled.
/// </summary>
public sealed class Flow
{
    internal Flow(string name, double amount, Resource[] resources, double[] usages, double bound, double weight, Event completion, SimTime now)
    {
        Name = name;
        Amount = amount;
        RemainingAtUpdate = amount;
        Path = resources;
        PathUsages = usages;
        Slots = new int[resources.Length];
        Bound = bound;
        Weight = weight;
        Completion = completion;
        LastUpdate = now;
    }

    public string Name { get; }

    /// <summary>Units to transfer in all.</summary>
    public double Amount { get; }

    public IReadOnlyList<Resource> Resources => Path;

    /// <summary>Units of each resource (same order as <see cref="Resources"/>) one unit of this flow consumes; 1 on a plain path.</summary>
    public IReadOnlyList<double> Usages => PathUsages;

    /// <summary>The resources crossed, as an array for the network's inner loops.</summary>
    internal Resource[] Path { get; }

    /// <summary>Units of each resource of <see cref="Path"/> per unit of this flow.</summary>
    internal double[] PathUsages { get; }

    /// <summary>This flow's slot in each resource's flow list (same order as <see cref="Path"/>; −1 once removed).</summary>
    internal int[] Slots { get; }

    /// <summary>The flow's own rate cap in units per second; +∞ when none.</summary>
    public double Bound { get; internal set; }

    /// <summary>Share weight in max-min sharing (1 = equal share).</summary>
    public double Weight { get; }

    /// <summary>Current rate in units per second.</summary>
    public double Rate { get; internal set; }

    /// <summary>What set the rate at the last recompute: the saturated resource, or null when the flow's own bound did.</summary>
    public Resource? Bottleneck { get; internal set; }

    /// <summary>True when the flow's own bound, not a resource, set its rate.</summary>
    public bool BoundByOwnCap => Bottleneck is null && Active;

    public Event Completion { get; }

    public bool Active { get; internal set; } = true;

    /// <summary>
    /// Since when the flow has been at rate 0 while active (a resource on its path at capacity 0, or a bound of 0);
    /// null while it moves. It keeps its value once the flow has ended, so a report can say how a failed or
    /// cancelled flow was doing.
    /// </summary>
    public SimTime? StalledSince { get; internal set; }

    internal double RemainingAtUpdate { get; set; }

    internal SimTime LastUpdate { get; set; }

    internal AlarmHandle CompletionTimer { get; set; }

    /// <summary>Whether the bottleneck resource carried other flows too at the last recompute.</summary>
    public bool BottleneckShared { get; internal set; }

    // Made at the first span, with room for one: most flows keep one bottleneck all their life.
    private List<BottleneckSpan>? _spans;

    /// <summary>How long each bottleneck held this flow's rate, in the order first seen (time at rate 0 included).</summary>
    public IReadOnlyList<BottleneckSpan> BottleneckSpans => _spans ?? (IReadOnlyList<BottleneckSpan>)[];

    /// <summary>Adds the time since the last update to the current bottleneck's tally.</summary>
    internal void TallyBottleneck(SimTime now)
    {
        SimTime span = now - LastUpdate;
        if (span <= SimTime.Zero)
        {
            return;
        }

        List<BottleneckSpan> spans = _spans ??= new List<BottleneckSpan>(1);
        for (int i = 0; i < spans.Count; i++)
        {
            if (ReferenceEquals(spans[i].Resource, Bottleneck) && spans[i].Shared == BottleneckShared)
            {
                spans[i] = spans[i] with { Duration = spans[i].Duration + span };
                return;
            }
        }

        spans.Add(new BottleneckSpan(Bottleneck, BottleneckShared, span));
    }

    /// <summary>Visit stamp of the recompute walking the network (its generation).</summary>
    internal int Mark { get; set; }

    /// <summary>Units of <paramref name="resource"/> one unit of this flow consumes (0 when it does not cross it).</summary>
    public double UsageOf(Resource resource)
    {
        for (int i = 0; i < Path.Length; i++)
        {
            if (ReferenceEquals(Path[i], resource))
            {
                return PathUsages[i];
            }
        }

        return 0;
    }

    /// <summary>Units still to transfer, as of <paramref name="now"/>.</summary>
    public double RemainingAt(SimTime now) =>
        Math.Max(0, RemainingAtUpdate - (Rate * (now - LastUpdate).Seconds));

    public override string ToString() => $"{Name} ({Rate:G4}/s)";
}
