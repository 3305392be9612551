namespace HyperVSim.Model.Dirtying;

/// <summary>An idle guest: nothing is dirtied, one pass suffices.</summary>
internal sealed class NoDirtying : IMemoryDirtying
{
    public long DirtiedBytes(double seconds) => 0;
}
