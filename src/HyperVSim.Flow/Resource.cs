namespace HyperVSim.Flow;

/// <summary>Something with a capacity in units per second (bytes/s of a NIC direction, bytes/s of a core pool) that flows share.</summary>
public sealed class Resource
{
    internal readonly List<Flow> Flows = [];

    internal Resource(string name, double capacity, int index)
    {
        Name = name;
        Capacity = capacity;
        Index = index;
    }

    public string Name { get; }

    /// <summary>Units per second; changed through <see cref="FlowNetwork.SetCapacity"/>.</summary>
    public double Capacity { get; internal set; }

    /// <summary>Sum of the rates of the flows crossing it now.</summary>
    public double Load
    {
        get
        {
            double sum = 0;
            foreach (Flow f in Flows)
            {
                sum += f.Rate * f.UsageOf(this);
            }

            return sum;
        }
    }

    /// <summary>Flows crossing it now.</summary>
    public int FlowCount => Flows.Count;

    internal int Index { get; }

    internal int Mark { get; set; }

    internal int SolverIndex { get; set; }

    public override string ToString() => $"{Name} ({Capacity:G4}/s, {Flows.Count} flows)";
}
