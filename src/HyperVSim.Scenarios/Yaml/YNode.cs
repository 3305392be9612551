namespace HyperVSim.Scenarios.Yaml;

/// <summary>A node of the scenario's YAML tree, with where it starts.</summary>
internal abstract class YNode(Position start)
{
    public Position Start { get; } = start;

    /// <summary>"a list", "a mapping", "a value": for messages about the wrong shape.</summary>
    public abstract string Shape { get; }
}
