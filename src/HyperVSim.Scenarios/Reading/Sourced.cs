namespace HyperVSim.Scenarios.Reading;

/// <summary>
/// A spec read from the scenario with where it was written. <paramref name="Broken"/> elements had a reading problem
/// and carry placeholder values: validation still knows their names but skips arithmetic on them.
/// </summary>
internal sealed record Sourced<T>(T Spec, Origin Origin, bool Broken)
{
    /// <summary>
    /// The element's <c>count</c> was written but invalid, so the names of its copies (<c>name1</c>, <c>name2</c>, ...)
    /// are unknown: references to them are not checked, rather than each reported as a follow-on error.
    /// </summary>
    public bool CountUnknown { get; init; }
}
