namespace HyperVSim.Experiments.Comparison;

/// <summary>The comparable content of one JSON report: its scenario and its records in report order.</summary>
public sealed record ReportSnapshot(string Source, string Scenario, IReadOnlyList<RecordMetrics> Records);
