namespace HyperVSim.Scenarios.Quantities;

/// <summary>Outcome of reading a fraction (<c>30%</c> or <c>0.3</c>).</summary>
internal enum FractionStatus
{
    Ok,
    NotANumber,
    Negative,
    OverOne,
    OverHundredPercent,
}
