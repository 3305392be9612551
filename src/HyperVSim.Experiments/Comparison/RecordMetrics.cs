namespace HyperVSim.Experiments.Comparison;

/// <summary>One record of a report reduced to what comparison needs: its kind, its identity, its outcome and its numbers.</summary>
public sealed record RecordMetrics(string Kind, string Identity, string? Outcome, IReadOnlyDictionary<string, double> Metrics);
