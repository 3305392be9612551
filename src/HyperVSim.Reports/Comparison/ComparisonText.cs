using System.Globalization;
using HyperVSim.Experiments.Comparison;
using HyperVSim.Reports.Markdown;
using HyperVSim.Reports.Text;

namespace HyperVSim.Reports.Comparison;

/// <summary>Readable renderings of a comparison: a terminal table, a Markdown table for a pull request, JUnit XML for CI systems.</summary>
public static class ComparisonText
{
    /// <summary>The terminal table of what moved, then a verdict line.</summary>
    public static void Write(ComparisonResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ComparisonRow[] moved = result.Moved.ToArray();
        if (moved.Length == 0)
        {
            w.WriteLine($"No change: {result.RecordsCompared} records, every metric identical or within its floor.");
            return;
        }

        var t = new TextTable("Verdict", "Scenario", "Record", "Metric", "Baseline", "Current", "Change", "Tolerance");
        foreach (ComparisonRow r in moved)
        {
            t.Add(Word(r.Verdict), r.Scenario, $"{r.Kind} {r.Identity}", r.Metric, r.Baseline ?? "-", r.Current ?? "-", Change(r), Percent(r.Tolerance));
        }

        t.WriteTo(w, string.Empty);
        int failing = moved.Count(r => r.Fails);
        w.WriteLine(failing == 0
            ? $"OK: {result.RecordsCompared} records compared; {moved.Length} metric(s) moved within tolerance or improved."
            : $"REGRESSION: {failing} of {moved.Length} change(s) fail ({result.RecordsCompared} records compared).");
    }

    public static string ToMarkdown(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new System.Text.StringBuilder();
        int failing = result.Rows.Count(r => r.Fails);
        md.Append(failing == 0 ? "### ✅ HyperVSim timings: no regression\n\n" : $"### ❌ HyperVSim timings: {failing} regression(s)\n\n");
        ComparisonRow[] moved = result.Moved.ToArray();
        if (moved.Length == 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"{result.RecordsCompared} records compared; nothing moved.\n");
            return md.ToString();
        }

        md.Append("| Verdict | Scenario | Record | Metric | Baseline | Current | Change | Tolerance |\n| --- | --- | --- | --- | ---: | ---: | ---: | ---: |\n");
        foreach (ComparisonRow r in moved)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {Word(r.Verdict)} | {MarkdownReport.Cell(r.Scenario)} | {MarkdownReport.Cell($"{r.Kind} {r.Identity}")} | {r.Metric} | {MarkdownReport.Cell(r.Baseline ?? "-")} | {MarkdownReport.Cell(r.Current ?? "-")} | {Change(r)} | {Percent(r.Tolerance)} |\n");
        }

        return md.ToString();
    }

    /// <summary>JUnit XML: one test suite per scenario, one test case per record, a failure for each failing change.</summary>
    public static string ToJUnit(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var suites = new System.Xml.Linq.XElement("testsuites", new System.Xml.Linq.XAttribute("name", "hypervsim compare"));
        foreach (var scenario in result.Rows.GroupBy(r => r.Scenario))
        {
            var cases = scenario.GroupBy(r => $"{r.Kind} {r.Identity}").Select(rec =>
            {
                var tc = new System.Xml.Linq.XElement("testcase", new System.Xml.Linq.XAttribute("classname", $"hypervsim.{scenario.Key}"), new System.Xml.Linq.XAttribute("name", rec.Key));
                foreach (ComparisonRow f in rec.Where(r => r.Fails))
                {
                    tc.Add(new System.Xml.Linq.XElement("failure",
                        new System.Xml.Linq.XAttribute("message", $"{Word(f.Verdict)} {f.Metric}: {f.Baseline} -> {f.Current} ({Change(f)}, tolerance {Percent(f.Tolerance)})"),
                        new System.Xml.Linq.XAttribute("type", f.Verdict.ToString())));
                }

                return tc;
            }).ToArray();
            suites.Add(new System.Xml.Linq.XElement("testsuite",
                new System.Xml.Linq.XAttribute("name", scenario.Key),
                new System.Xml.Linq.XAttribute("tests", cases.Length),
                new System.Xml.Linq.XAttribute("failures", cases.Count(c => c.Elements("failure").Any())),
                cases));
        }

        return new System.Xml.Linq.XDocument(new System.Xml.Linq.XDeclaration("1.0", "utf-8", null), suites).Declaration + "\n" + suites + "\n";
    }

    private static string Word(Verdict v) => v switch
    {
        Verdict.Regressed => "REGRESSED",
        Verdict.Missing => "MISSING",
        Verdict.New => "NEW",
        Verdict.OutcomeChanged => "CHANGED",
        Verdict.Improved => "improved",
        Verdict.WithinTolerance => "within",
        _ => "same",
    };

    private static string Change(ComparisonRow r) => r.RelativeChange is { } c
        ? (c >= 0 ? "+" : string.Empty) + (c * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%"
        : "-";

    private static string Percent(double f) => (f * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
