namespace HyperVSim.Model.Results;

/// <summary>A VM's end state and availability over the run.</summary>
public sealed record VmRecord(string Name, string? Host, string State, int Outages, double DowntimeSeconds);
