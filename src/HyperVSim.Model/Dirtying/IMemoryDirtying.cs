namespace HyperVSim.Model.Dirtying;

/// <summary>
/// How a running guest dirties its memory: the number of distinct bytes written during an interval that
/// starts when dirty tracking was reset (the start of a pre-copy pass).
/// </summary>
public interface IMemoryDirtying
{
    /// <summary>Distinct bytes dirtied in <paramref name="seconds"/> of guest run time at full speed (0 ≤ result ≤ memory).</summary>
    long DirtiedBytes(double seconds);
}
