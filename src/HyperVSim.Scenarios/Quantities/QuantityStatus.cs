namespace HyperVSim.Scenarios.Quantities;

/// <summary>Outcome of reading a quantity's text, before any range check.</summary>
internal enum QuantityStatus
{
    Ok,
    Empty,
    NotANumber,
    NoUnit,
    UnknownUnit,
    WrongFamily,
    TooLarge,
}
