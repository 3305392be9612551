namespace HyperVSim.Scenarios.Reading;

/// <summary>The accepted range of a value, with the reason for each end when it is a Hyper-V limit.</summary>
internal sealed record Bound<T>(T Min, T Max, string? MinWhy = null, string? MaxWhy = null)
    where T : IComparable<T>;
