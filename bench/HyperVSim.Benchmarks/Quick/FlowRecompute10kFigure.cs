namespace HyperVSim.Benchmarks.Quick;

/// <summary>
/// Cost of one max-min recompute with 10,000 concurrent flows between 64 hosts that all also cross one shared
/// resource (a storage volume of 40 GB/s, half the NICs' total): each flow crosses its source NIC transmit, its
/// target NIC receive and the volume (see <see cref="FlowBench"/>).
/// </summary>
public sealed class FlowRecompute10kFigure : IQuickFigure
{
    public string Name => "flow-recompute-10k";

    public IReadOnlyList<QuickResult> Measure() =>
        [new QuickResult("flow_recompute_10k_us", FlowRecomputeFigure.MicrosecondsPerRecompute(() => new FlowBench(64, 10_000, 40e9), 100), 1)];
}
