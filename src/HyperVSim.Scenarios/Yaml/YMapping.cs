namespace HyperVSim.Scenarios.Yaml;

/// <summary>A YAML mapping, its entries in written order (keys are unique: the tree reader refuses repeats).</summary>
internal sealed class YMapping(Position start, IReadOnlyList<YEntry> entries) : YNode(start)
{
    public IReadOnlyList<YEntry> Entries { get; } = entries;

    public override string Shape => "a mapping";
}

/// <summary>One key and its value.</summary>
internal sealed record YEntry(YScalar Key, YNode Value);
