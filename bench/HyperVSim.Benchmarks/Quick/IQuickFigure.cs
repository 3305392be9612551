namespace HyperVSim.Benchmarks.Quick;

/// <summary>
/// One measurement of quick mode: it warms up, runs its workload a few times and returns its figures, each
/// printed as <c>name: value</c>. Add a figure by implementing this and listing it in <see cref="QuickFigures.All"/>.
/// </summary>
public interface IQuickFigure
{
    /// <summary>A short name, used to select figures on the command line (<c>quick engine-loop</c>).</summary>
    string Name { get; }

    /// <summary>Runs the measurement and returns its figures in print order.</summary>
    IReadOnlyList<QuickResult> Measure();
}
