namespace HyperVSim.Scenarios.Reading;

/// <summary>
/// A spec read from the scenario with where it was written. <paramref name="Broken"/> elements had a reading problem
/// and carry placeholder values: validation still knows their names but skips arithmetic on them.
/// </summary>
internal sealed record Sourced<T>(T Spec, Origin Origin, bool Broken);
