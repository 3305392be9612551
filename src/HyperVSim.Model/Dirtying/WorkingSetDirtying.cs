namespace HyperVSim.Model.Dirtying;

/// <summary>
/// Random writes at rate D into a writable working set W: distinct bytes dirtied in t are
/// W·(1 − e^(−D·t/W)) (each page of W escapes D·t/W expected writes with probability e^(−D·t/W));
/// docs/model.md §Dirtying, after Akoush et al., MASCOTS 2010.
/// </summary>
internal sealed class WorkingSetDirtying(double bytesPerSecond, long workingSetBytes) : IMemoryDirtying
{
    public long DirtiedBytes(double seconds)
    {
        if (workingSetBytes <= 0 || seconds <= 0)
        {
            return 0;
        }

        double w = workingSetBytes;
        return (long)Math.Round(w * -double.ExpM1(-bytesPerSecond * seconds / w));
    }
}
