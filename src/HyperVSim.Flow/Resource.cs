namespace HyperVSim.Flow;

/// <summary>Something with a capacity in units per second (bytes/s of a NIC direction, bytes/s of a core pool) that flows share.</summary>
public sealed class Resource
{
    /// <summary>The flows crossing it (a struct: used in place, through this field).</summary>
    internal ResourceFlows Flows = new();

    private string? _name;
    private readonly object? _owner;
    private readonly Func<object, string>? _nameOf;

    internal Resource(string name, double capacity, int index)
    {
        _name = name;
        Capacity = capacity;
        Index = index;
    }

    /// <summary>A resource named only when <see cref="Name"/> is read, by <paramref name="nameOf"/>(<paramref name="owner"/>).</summary>
    internal Resource(object owner, Func<object, string> nameOf, double capacity, int index)
    {
        _owner = owner;
        _nameOf = nameOf;
        Capacity = capacity;
        Index = index;
    }

    public string Name => _name ??= _nameOf!(_owner!);

    /// <summary>Units per second; changed through <see cref="FlowNetwork.SetCapacity"/>.</summary>
    public double Capacity { get; internal set; }

    /// <summary>Sum of the rates of the flows crossing it now (summed in the order the flows started).</summary>
    public double Load
    {
        get
        {
            double sum = 0;
            for (int s = 0; s < Flows.End; s++)
            {
                if (Flows[s] is { } f)
                {
                    sum += f.Rate * f.PathUsages[Flows.PathIndexAt(s)];
                }
            }

            return sum;
        }
    }

    /// <summary>Flows crossing it now.</summary>
    public int FlowCount => Flows.Count;

    /// <summary>Position in the network's creation order (0, 1, ...); ties between resources resolve by it.</summary>
    public int Index { get; }

    /// <summary>Visit stamp of the recompute walking the network (negated generation).</summary>
    internal int Mark { get; set; }

    /// <summary>Stamp of the batch of touched resources it was last added to (<see cref="FlowNetwork.TouchedResources"/>).</summary>
    internal int TouchMark { get; set; } = -1;

    /// <summary>This resource's position in the problem the solver is working on.</summary>
    internal int SolverIndex { get; set; }

    public override string ToString() => $"{Name} ({Capacity:G4}/s, {Flows.Count} flows)";
}
