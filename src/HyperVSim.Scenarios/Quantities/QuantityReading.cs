namespace HyperVSim.Scenarios.Quantities;

/// <summary>
/// The pieces of a quantity's text: the number as written, the unit, and when the unit is wrong
/// a suggestion or the family it belongs to.
/// </summary>
internal sealed record QuantityReading(
    string Text,
    QuantityKind Kind,
    QuantityStatus Status,
    string NumberText = "",
    string UnitText = "",
    UnitDef? Unit = null,
    string? Suggestion = null,
    QuantityKind? OtherKind = null);
