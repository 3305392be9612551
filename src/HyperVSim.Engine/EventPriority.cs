namespace HyperVSim.Engine;

/// <summary>Events at the same instant run urgent first, then normal, each in insertion order.</summary>
public enum EventPriority
{
    Urgent = 0,
    Normal = 1,
}
