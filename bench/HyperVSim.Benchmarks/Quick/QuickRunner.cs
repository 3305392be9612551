namespace HyperVSim.Benchmarks.Quick;

/// <summary>Runs the selected quick figures and prints their results, one <c>name: value</c> line each.</summary>
public static class QuickRunner
{
    /// <summary>Runs every figure, or only those named in <paramref name="only"/>; returns the exit code.</summary>
    public static int Run(IReadOnlyList<IQuickFigure> figures, IReadOnlyList<string> only, TextWriter output, TextWriter errors)
    {
        var unknown = only.Where(n => !figures.Any(f => f.Name == n)).ToList();
        if (unknown.Count > 0)
        {
            errors.WriteLine($"unknown quick figure(s): {string.Join(", ", unknown)}; valid: {string.Join(", ", figures.Select(f => f.Name))}");
            return 2;
        }

        foreach (IQuickFigure figure in figures.Where(f => only.Count == 0 || only.Contains(f.Name)))
        {
            foreach (QuickResult result in figure.Measure())
            {
                output.WriteLine(result.ToString());
            }
        }

        return 0;
    }
}
