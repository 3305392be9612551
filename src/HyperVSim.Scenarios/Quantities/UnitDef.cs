namespace HyperVSim.Scenarios.Quantities;

/// <summary>One accepted unit symbol and how many base units it stands for.</summary>
internal sealed record UnitDef(string Symbol, decimal Factor);
