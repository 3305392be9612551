namespace HyperVSim.Scenarios.Yaml;

/// <summary>A scalar as written; quoting only matters for telling an explicit null from text.</summary>
internal sealed class YScalar(Position start, string value, bool plain) : YNode(start)
{
    public string Value { get; } = value;

    public bool IsPlain { get; } = plain;

    /// <summary>YAML's null: an empty plain value, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Shape => IsNull ? "empty" : "a single value";
}
