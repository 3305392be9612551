namespace HyperVSim.Flow;

/// <summary>A resource a flow crosses, and how many of its units one unit of the flow consumes.</summary>
public readonly record struct FlowUsage(Resource Resource, double PerUnit);
