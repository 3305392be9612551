namespace HyperVSim.Model.Dirtying;

/// <summary>
/// Every write lands on a page not yet dirty in this interval: dirty(t) = min(D·t, M). The classic
/// pre-copy analysis (Clark et al., NSDI 2005); docs/model.md §Dirtying.
/// </summary>
internal sealed class ConstantDirtying(double bytesPerSecond, long memoryBytes) : IMemoryDirtying
{
    public long DirtiedBytes(double seconds) =>
        (long)Math.Min(memoryBytes, Math.Round(bytesPerSecond * Math.Max(0, seconds)));
}
