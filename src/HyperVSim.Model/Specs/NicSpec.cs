namespace HyperVSim.Model.Specs;

/// <summary>A physical network adapter of a host.</summary>
public sealed record NicSpec
{
    public required string Name { get; init; }

    /// <summary>Line rate in bits per second.</summary>
    public required double BitsPerSecond { get; init; }

    public bool Rdma { get; init; }

    /// <summary>Cluster networks this NIC is on.</summary>
    public IReadOnlyList<string> Networks { get; init; } = [];

    /// <summary>Fraction of the line rate a bulk TCP transfer achieves (framing, ACKs); about 95% seen on 1 GbE.</summary>
    public double Efficiency { get; init; } = 0.95;
}
