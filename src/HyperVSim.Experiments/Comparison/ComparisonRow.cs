namespace HyperVSim.Experiments.Comparison;

/// <summary>One compared metric of one record (Metric is "result" for an outcome, empty for a missing or new record).</summary>
public sealed record ComparisonRow(
    string Scenario,
    string Kind,
    string Identity,
    string Metric,
    string? Baseline,
    string? Current,
    double? RelativeChange,
    double Tolerance,
    Verdict Verdict)
{
    /// <summary>True for the verdicts that fail a comparison.</summary>
    public bool Fails => Verdict is Verdict.Regressed or Verdict.Missing or Verdict.New or Verdict.OutcomeChanged;
}
