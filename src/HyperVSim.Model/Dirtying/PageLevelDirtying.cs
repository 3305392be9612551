namespace HyperVSim.Model.Dirtying;

/// <summary>
/// A page-level reference model for small VMs: D·t/4096 writes, each to a page drawn uniformly from the
/// working set (one bit per 4 KiB page), counting distinct pages. Its expectation is the analytic
/// <see cref="WorkingSetDirtying"/> curve; tests use it to check that curve. Draws come from the VM's own stream.
/// </summary>
internal sealed class PageLevelDirtying : IMemoryDirtying
{
    public const long PageBytes = 4096;

    /// <summary>Largest working set simulated page by page (4 GiB: a million pages).</summary>
    public const long MaxWorkingSetBytes = 4L << 30;

    private readonly double _bytesPerSecond;
    private readonly int _pages;
    private readonly Random _random;
    private readonly System.Collections.BitArray _dirty;

    public PageLevelDirtying(double bytesPerSecond, long workingSetBytes, Random random)
    {
        if (workingSetBytes > MaxWorkingSetBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(workingSetBytes), workingSetBytes, "the page-level model is for working sets up to 4 GiB; use workingSet for larger ones");
        }

        _bytesPerSecond = bytesPerSecond;
        _pages = (int)Math.Max(1, workingSetBytes / PageBytes);
        _random = random;
        _dirty = new System.Collections.BitArray(_pages);
    }

    public long DirtiedBytes(double seconds)
    {
        long writes = (long)Math.Round(_bytesPerSecond * Math.Max(0, seconds) / PageBytes);
        _dirty.SetAll(false);
        long distinct = 0;
        for (long i = 0; i < writes && distinct < _pages; i++)
        {
            int page = _random.Next(_pages);
            if (!_dirty[page])
            {
                _dirty[page] = true;
                distinct++;
            }
        }

        return distinct * PageBytes;
    }
}
