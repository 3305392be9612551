namespace HyperVSim.Benchmarks.Quick;

/// <summary>
/// Bytes allocated per recompute in steady state, on the 1,000-flow network of <see cref="FlowRecomputeFigure"/>:
/// the growth of <see cref="GC.GetAllocatedBytesForCurrentThread"/> over 2,000 recomputes after 2,000 untimed ones,
/// divided by their number. It counts everything a recompute does: the solver, bookkeeping, completion timers.
/// </summary>
public sealed class FlowAllocFigure : IQuickFigure
{
    private const int Warmup = 2000;
    private const int Measured = 2000;

    public string Name => "flow-alloc";

    public IReadOnlyList<QuickResult> Measure()
    {
        var bench = new FlowBench(64, 1000);
        for (int i = 0; i < Warmup; i++)
        {
            bench.Recompute();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Measured; i++)
        {
            bench.Recompute();
        }

        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        return [new QuickResult("flow_alloc_bytes_per_recompute", (double)bytes / Measured, 1)];
    }
}
