using HyperVSim.Engine;

namespace HyperVSim.Flow;

/// <summary>A stretch of time during which one thing set a flow's rate: a resource (alone or shared with other flows), or the flow's own bound (<see cref="Resource"/> null).</summary>
public readonly record struct BottleneckSpan(Resource? Resource, bool Shared, SimTime Duration);
