using System.Globalization;
using HyperVSim.Experiments.Comparison;
using HyperVSim.Reports.Markdown;
using HyperVSim.Reports.Text;

namespace HyperVSim.Reports.Comparison;

/// <summary>Readable renderings of a comparison: a terminal table, a Markdown table for a pull request, JUnit XML for CI systems.</summary>
public static class ComparisonText
{
    /// <summary>
    /// Most characters of the Markdown: GitHub refuses a pull-request comment over 65,536, so past this the table
    /// is cut at a row boundary with a note of how many rows are not shown.
    /// </summary>
    public const int MaxMarkdownChars = 65_000;

    /// <summary>
    /// The terminal table of what moved (with <paramref name="onlyRegressions"/>: only what fails, and one line
    /// counting the rest), then a verdict line.
    /// </summary>
    public static void Write(ComparisonResult result, TextWriter w, bool onlyRegressions = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        ComparisonRow[] moved = result.Moved.ToArray();
        if (moved.Length == 0)
        {
            w.WriteLine($"No change: {result.RecordsCompared} records, every metric identical or within its floor.");
            return;
        }

        ComparisonRow[] shown = onlyRegressions ? moved.Where(r => r.Fails).ToArray() : moved;
        if (shown.Length > 0)
        {
            var t = new TextTable("Verdict", "Scenario", "Record", "Metric", "Baseline", "Current", "Change", "Tolerance");
            foreach (ComparisonRow r in shown)
            {
                t.Add(Word(r.Verdict), r.Scenario, $"{r.Kind} {r.Identity}", r.Metric, r.Baseline ?? "-", r.Current ?? "-", Change(r), Percent(r.Tolerance));
            }

            t.WriteTo(w, string.Empty);
        }

        if (onlyRegressions)
        {
            w.WriteLine(NotShown(result));
        }

        int failing = moved.Count(r => r.Fails);
        w.WriteLine(failing == 0
            ? $"OK: {result.RecordsCompared} records compared; {moved.Length} metric(s) moved within tolerance or improved."
            : $"REGRESSION: {failing} of {moved.Length} change(s) fail ({result.RecordsCompared} records compared).");
    }

    /// <summary>
    /// The Markdown for a pull-request comment: a verdict heading and a table of what moved (with
    /// <paramref name="onlyRegressions"/>: only what fails, and one line counting the rest), at most
    /// <see cref="MaxMarkdownChars"/> characters.
    /// </summary>
    public static string ToMarkdown(ComparisonResult result, bool onlyRegressions = false)
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

        string tail = onlyRegressions ? "\n" + NotShown(result) + "\n" : string.Empty;
        ComparisonRow[] shown = onlyRegressions ? moved.Where(r => r.Fails).ToArray() : moved;
        if (shown.Length > 0)
        {
            md.Append("| Verdict | Scenario | Record | Metric | Baseline | Current | Change | Tolerance |\n| --- | --- | --- | --- | ---: | ---: | ---: | ---: |\n");
        }

        const int noteRoom = 100; // "N more rows not shown", however large N is
        for (int i = 0; i < shown.Length; i++)
        {
            ComparisonRow r = shown[i];
            string row = string.Create(CultureInfo.InvariantCulture, $"| {Word(r.Verdict)} | {MarkdownReport.Cell(r.Scenario)} | {MarkdownReport.Cell($"{r.Kind} {r.Identity}")} | {r.Metric} | {MarkdownReport.Cell(r.Baseline ?? "-")} | {MarkdownReport.Cell(r.Current ?? "-")} | {Change(r)} | {Percent(r.Tolerance)} |\n");
            if (md.Length + row.Length + tail.Length + noteRoom > MaxMarkdownChars)
            {
                md.Append(CultureInfo.InvariantCulture, $"\n{shown.Length - i} more rows not shown (a pull-request comment holds at most 65,536 characters).\n");
                break;
            }

            md.Append(row);
        }

        return md.Append(tail).ToString();
    }

    /// <summary>The one line that counts the rows <c>--only-regressions</c> leaves out.</summary>
    private static string NotShown(ComparisonResult result)
    {
        int within = result.Rows.Count(r => r.Verdict == Verdict.WithinTolerance);
        int improved = result.Rows.Count(r => r.Verdict == Verdict.Improved);
        int same = result.Rows.Count(r => r.Verdict == Verdict.Unchanged);
        return $"Not shown (--only-regressions): {within} metric(s) within tolerance, {improved} improved, {same} unchanged.";
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
