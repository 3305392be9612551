namespace HyperVSim.Scenarios.Yaml;

/// <summary>A YAML list.</summary>
internal sealed class YSequence(Position start, IReadOnlyList<YNode> items) : YNode(start)
{
    public IReadOnlyList<YNode> Items { get; } = items;

    public override string Shape => "a list";
}
