using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HyperVSim.Experiments.Studies;

/// <summary>
/// The study's result files, <c>summary.json</c> and <c>summary.csv</c> (and any <see cref="ISummaryFormat"/> given): one entry per point with its parameter
/// values and, per metric, the <see cref="MetricSummary"/> across its replications. Built only from the cases' values as
/// their files hold them, in point and replication order, so the bytes do not depend on threads, shards or resumes.
/// </summary>
public static class StudySummary
{
    /// <summary>Per point, per metric, the summary; null when some case is missing.</summary>
    public static IReadOnlyList<(StudyPoint Point, IReadOnlyList<MetricSummary> Metrics)>? Build(string dir, StudyDefinition study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return ReadCases(dir, study) is { } cases ? Build(study, cases) : null;
    }

    /// <summary>
    /// Per point after the first, per metric, how it differs from point 0 (the reference alternative): see
    /// <see cref="MetricDifference"/>. Null when some case is missing.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<MetricDifference?>>? Differences(string dir, StudyDefinition study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return ReadCases(dir, study) is { } cases ? Differences(study, cases) : null;
    }

    /// <summary>Writes summary.json, summary.csv and each of <paramref name="formats"/> when every case is there; false when some is missing.</summary>
    public static bool TryWrite(string dir, StudyDefinition study, IReadOnlyList<ISummaryFormat>? formats = null)
    {
        ArgumentNullException.ThrowIfNull(study);

        // Each case file is read once for both the summaries and the differences.
        return ReadCases(dir, study) is { } cases && Write(dir, study, cases, formats);
    }

    /// <summary>
    /// As <see cref="TryWrite(string, StudyDefinition, IReadOnlyList{ISummaryFormat}?)"/> from values already in memory,
    /// <paramref name="byCase"/>[point × replications + replication], each as its case file holds it (what
    /// <see cref="CaseStore.Write"/> returned or <see cref="CaseStore.Read"/> read): the runner's serial tail reads no
    /// file. False when some case is missing.
    /// </summary>
    public static bool TryWrite(string dir, StudyDefinition study, IReadOnlyList<IReadOnlyDictionary<string, double?>?> byCase, IReadOnlyList<ISummaryFormat>? formats = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(byCase);
        var cases = new IReadOnlyDictionary<string, double?>[study.Points.Count][];
        for (int p = 0; p < cases.Length; p++)
        {
            cases[p] = new IReadOnlyDictionary<string, double?>[study.Replications];
            for (int r = 0; r < study.Replications; r++)
            {
                if (byCase[(study.Points[p].Index * study.Replications) + r] is not { } values)
                {
                    return false;
                }

                cases[p][r] = values;
            }
        }

        return Write(dir, study, cases, formats);
    }

    private static bool Write(string dir, StudyDefinition study, IReadOnlyDictionary<string, double?>[][] cases, IReadOnlyList<ISummaryFormat>? formats)
    {
        var rows = Build(study, cases);
        var differences = Differences(study, cases);
        AtomicFile.Write(Path.Combine(dir, "summary.json"), Json(study, rows, differences));
        AtomicFile.Write(Path.Combine(dir, "summary.csv"), Csv(study, rows));
        foreach (ISummaryFormat f in formats ?? [])
        {
            AtomicFile.Write(Path.Combine(dir, f.FileName), f.Render(study, rows, differences));
        }

        return true;
    }

    /// <summary>Every case's metric values, [point][replication], in point and replication order; null as soon as one is missing.</summary>
    private static IReadOnlyDictionary<string, double?>[][]? ReadCases(string dir, StudyDefinition study)
    {
        var all = new IReadOnlyDictionary<string, double?>[study.Points.Count][];
        for (int p = 0; p < all.Length; p++)
        {
            all[p] = new IReadOnlyDictionary<string, double?>[study.Replications];
            for (int r = 0; r < study.Replications; r++)
            {
                if (CaseStore.Read(dir, study.Points[p].Index, r) is not { } values)
                {
                    return null;
                }

                all[p][r] = values;
            }
        }

        return all;
    }

    private static List<(StudyPoint Point, IReadOnlyList<MetricSummary> Metrics)> Build(StudyDefinition study, IReadOnlyDictionary<string, double?>[][] cases) =>
        study.Points.Select((p, i) => (p, (IReadOnlyList<MetricSummary>)study.Metrics
            .Select(m => MetricSummary.Of(m.Name, cases[i].Select(c => c.GetValueOrDefault(m.Name)).ToArray())).ToArray())).ToList();

    private static IReadOnlyList<IReadOnlyList<MetricDifference?>> Differences(StudyDefinition study, IReadOnlyDictionary<string, double?>[][] cases) =>
        cases.Select(point => (IReadOnlyList<MetricDifference?>)study.Metrics
            .Select(m => MetricDifference.Of(m.Name, cases[0].Select(c => c.GetValueOrDefault(m.Name)).ToArray(), point.Select(c => c.GetValueOrDefault(m.Name)).ToArray()))
            .ToArray()).ToArray();

    private static readonly string[] Columns = ["n", "missing", "mean", "sd", "ciLow", "ciHigh", "p50", "p95", "p99"];

    private static double?[] Values(MetricSummary m) => [m.N, m.Missing, m.Mean, m.Sd, m.CiLow, m.CiHigh, m.P50, m.P95, m.P99];

    public static string Json(StudyDefinition study, IReadOnlyList<(StudyPoint Point, IReadOnlyList<MetricSummary> Metrics)> rows,
        IReadOnlyList<IReadOnlyList<MetricDifference?>>? differences = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(rows);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("schema", "hypervsim.study/v1");
            w.WriteString("study", study.Name);
            w.WriteNumber("seed", study.Seed);
            w.WriteNumber("replications", study.Replications);
            w.WriteNumber("cases", study.Cases);
            w.WriteStartArray("points");
            foreach (var (point, metrics) in rows)
            {
                w.WriteStartObject();
                w.WriteNumber("point", point.Index);
                w.WriteStartObject("parameters");
                foreach (StudySetting s in point.Settings)
                {
                    w.WriteString(s.Path, s.Value);
                }

                w.WriteEndObject();
                w.WriteStartObject("metrics");
                foreach (MetricSummary m in metrics)
                {
                    w.WriteStartObject(m.Metric);
                    double?[] values = Values(m);
                    for (int i = 0; i < Columns.Length; i++)
                    {
                        w.WritePropertyName(Columns[i]);
                        if (values[i] is { } v)
                        {
                            w.WriteRawValue(Number(v));
                        }
                        else
                        {
                            w.WriteNullValue();
                        }
                    }

                    w.WriteEndObject();
                }

                w.WriteEndObject();
                if (differences is not null && point.Index > 0)
                {
                    // Against point 0, the reference alternative: difference of means with its Welch 95% interval.
                    w.WriteStartObject("versusPoint0");
                    foreach (MetricDifference? d in differences[point.Index])
                    {
                        if (d is null)
                        {
                            continue;
                        }

                        w.WriteStartObject(d.Metric);
                        w.WritePropertyName("difference");
                        w.WriteRawValue(Number(d.Difference));
                        w.WritePropertyName("ciLow");
                        w.WriteRawValue(Number(d.CiLow));
                        w.WritePropertyName("ciHigh");
                        w.WriteRawValue(Number(d.CiHigh));
                        w.WriteBoolean("significant", d.Significant);
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static string Csv(StudyDefinition study, IReadOnlyList<(StudyPoint Point, IReadOnlyList<MetricSummary> Metrics)> rows)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(rows);
        var paths = study.Points.SelectMany(p => p.Settings.Select(s => s.Path)).Distinct(StringComparer.Ordinal).ToArray();
        var sb = new StringBuilder();
        sb.Append("point");
        foreach (string p in paths)
        {
            sb.Append(',').Append(Field(p));
        }

        foreach (MetricSpec m in study.Metrics)
        {
            foreach (string c in Columns)
            {
                sb.Append(',').Append(Field($"{m.Name}.{c}"));
            }
        }

        sb.Append('\n');
        foreach (var (point, metrics) in rows)
        {
            sb.Append(point.Index.ToString(CultureInfo.InvariantCulture));
            foreach (string p in paths)
            {
                sb.Append(',').Append(Field(point.Settings.FirstOrDefault(s => s.Path == p)?.Value ?? ""));
            }

            foreach (MetricSummary m in metrics)
            {
                foreach (double? v in Values(m))
                {
                    sb.Append(',').Append(v is { } x ? Number(x) : "");
                }
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Shortest round-trip text of a number (the same on every machine).</summary>
    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Field(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
