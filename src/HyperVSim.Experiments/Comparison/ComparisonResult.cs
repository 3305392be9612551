namespace HyperVSim.Experiments.Comparison;

/// <summary>Every compared metric, in baseline order then new records; and whether anything failed.</summary>
public sealed record ComparisonResult(IReadOnlyList<ComparisonRow> Rows, int RecordsCompared)
{
    public bool HasRegression => Rows.Any(r => r.Fails);

    /// <summary>The rows worth showing: everything that moved or failed.</summary>
    public IEnumerable<ComparisonRow> Moved => Rows.Where(r => r.Verdict != Verdict.Unchanged);
}
