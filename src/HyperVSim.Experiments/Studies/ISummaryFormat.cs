namespace HyperVSim.Experiments.Studies;

/// <summary>
/// A further summary file of a study, rendered from the same rows as summary.json (e.g. summary.md, summary.html from
/// the reports layer); written atomically beside it, so it too depends only on the case files.
/// </summary>
public interface ISummaryFormat
{
    /// <summary>The file's name in the study folder.</summary>
    string FileName { get; }

    /// <summary>The file's text: per point the summaries, and per point after the first the differences from point 0 (null when not computed).</summary>
    string Render(StudyDefinition study, IReadOnlyList<(StudyPoint Point, IReadOnlyList<MetricSummary> Metrics)> rows, IReadOnlyList<IReadOnlyList<MetricDifference?>>? differences);
}
