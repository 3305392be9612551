namespace HyperVSim.Model.Results;

/// <summary>A node drain (pause node, drain roles): when it was asked, when its last migration ended, and how many VMs moved or could not.</summary>
public sealed record DrainRecord(string Host, double RequestedAt, double? CompletedAt, int Vms, int Moved, int Failed)
{
    public double? TotalSeconds => CompletedAt - RequestedAt;
}
