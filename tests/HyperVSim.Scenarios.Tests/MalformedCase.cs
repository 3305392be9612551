namespace HyperVSim.Scenarios.Tests;

/// <summary>A malformed scenario file and the error loading it must give: position and a piece of the message.</summary>
public sealed record MalformedCase(string Name, string Path, int Line, int Column, string MessageContains)
{
    public override string ToString() => $"{Name} ({Line}:{Column} {MessageContains})";
}
