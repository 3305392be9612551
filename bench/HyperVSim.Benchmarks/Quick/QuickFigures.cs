namespace HyperVSim.Benchmarks.Quick;

/// <summary>The figures quick mode prints, in order. One line per figure.</summary>
public static class QuickFigures
{
    public static IReadOnlyList<IQuickFigure> All { get; } =
    [
        new EngineLoopFigure(),
        new FlowRecomputeFigure(),
        new FlowRecompute10kFigure(),
        new FlowAllocFigure(),
        new Drain100Figure(),
        new ClusterMonthFigure(),
        new Study1000Figure(),
        new StorageMixFigure(),
        new BootStorm500Figure(),
    ];
}
