namespace HyperVSim.Scenarios.Quantities;

/// <summary>The families of quantities a scenario writes with units.</summary>
internal enum QuantityKind
{
    Size,
    BitRate,
    ByteRate,
    Duration,
    Frequency,
}
