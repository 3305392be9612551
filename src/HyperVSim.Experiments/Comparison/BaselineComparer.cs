using System.Globalization;

namespace HyperVSim.Experiments.Comparison;

/// <summary>
/// Compares a current report with its baseline record by record (matched by identity). A metric regresses
/// when it grew by more than its tolerance and by more than its absolute floor:
///   |current − baseline| > floor  and  (current − baseline) / |baseline| > tolerance.
/// A record missing or new, or whose result changed, also fails.
/// </summary>
public static class BaselineComparer
{
    public static ComparisonResult Compare(ReportSnapshot baseline, ReportSnapshot current, Tolerances tolerances)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(tolerances);
        var rows = new List<ComparisonRow>();
        var now = current.Records.ToDictionary(r => (r.Kind, r.Identity));
        var matched = new HashSet<(string, string)>();
        string scenario = baseline.Scenario;
        foreach (RecordMetrics b in baseline.Records)
        {
            if (!now.TryGetValue((b.Kind, b.Identity), out RecordMetrics? c))
            {
                rows.Add(new ComparisonRow(scenario, b.Kind, b.Identity, string.Empty, "present", "missing", null, 0, Verdict.Missing));
                continue;
            }

            matched.Add((b.Kind, b.Identity));
            if (!string.Equals(b.Outcome, c.Outcome, StringComparison.Ordinal))
            {
                rows.Add(new ComparisonRow(scenario, b.Kind, b.Identity, "result", b.Outcome, c.Outcome, null, 0, Verdict.OutcomeChanged));
            }

            foreach (var (metric, before) in b.Metrics)
            {
                double after = c.Metrics.TryGetValue(metric, out double a) ? a : double.NaN;
                double tol = tolerances.For(metric);
                rows.Add(new ComparisonRow(scenario, b.Kind, b.Identity, metric, Format(before), Format(after), Relative(before, after), tol,
                    Judge(before, after, tol, tolerances.FloorFor(metric))));
            }
        }

        foreach (RecordMetrics c in current.Records.Where(r => !matched.Contains((r.Kind, r.Identity))))
        {
            rows.Add(new ComparisonRow(scenario, c.Kind, c.Identity, string.Empty, "missing", "present", null, 0, Verdict.New));
        }

        return new ComparisonResult(rows, matched.Count);
    }

    internal static Verdict Judge(double before, double after, double tolerance, double floor)
    {
        if (double.IsNaN(after))
        {
            return Verdict.Missing;
        }

        double diff = after - before;
        if (diff == 0 || Math.Abs(diff) <= floor)
        {
            return Verdict.Unchanged;
        }

        double rel = Relative(before, after) ?? double.PositiveInfinity * Math.Sign(diff);
        return rel > tolerance ? Verdict.Regressed : rel < -tolerance ? Verdict.Improved : Verdict.WithinTolerance;
    }

    private static double? Relative(double before, double after) =>
        before == 0 ? (after == 0 ? 0 : null) : (after - before) / Math.Abs(before);

    private static string Format(double v) => double.IsNaN(v) ? "missing" : v.ToString("0.######", CultureInfo.InvariantCulture);
}
