namespace HyperVSim.Scenarios.Yaml;

/// <summary>A 1-based line and column in the scenario text.</summary>
internal readonly record struct Position(int Line, int Column)
{
    public static readonly Position FileStart = new(1, 1);

    public override string ToString() => $"{Line}:{Column}";
}
