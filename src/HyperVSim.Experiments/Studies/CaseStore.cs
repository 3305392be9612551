using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HyperVSim.Experiments.Studies;

/// <summary>
/// The finished cases of a study in a folder: one small JSON file per (point, replication) under <c>cases/</c>,
/// written to a temporary file and moved into place, so a killed run leaves only whole files and a rerun skips them.
/// <c>study.json</c> fingerprints the study, so results of two different studies never mix in one folder.
/// </summary>
public static class CaseStore
{
    public static string CasesDir(string dir) => Path.Combine(dir, "cases");

    public static string FileOf(string dir, int point, int replication) => Path.Combine(CasesDir(dir), FileName(point, replication));

    /// <summary>The name of a case's file in <see cref="CasesDir"/>.</summary>
    public static string FileName(int point, int replication) => $"p{point:00000}-r{replication:00000}.json";

    /// <summary>The names of the files in the folder's <see cref="CasesDir"/>: one directory listing, not a lookup per case.</summary>
    public static HashSet<string> FileNames(string dir) =>
        Directory.Exists(CasesDir(dir))
            ? Directory.EnumerateFiles(CasesDir(dir)).Select(f => Path.GetFileName(f)).ToHashSet(StringComparer.Ordinal)
            : [];

    /// <summary>The study's fingerprint: everything that decides its results (points, replications, seed, metrics).</summary>
    public static string Fingerprint(StudyDefinition d)
    {
        ArgumentNullException.ThrowIfNull(d);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("schema", "hypervsim.study-definition/v1");
            w.WriteString("study", d.Name);
            w.WriteNumber("seed", d.Seed);
            w.WriteNumber("replications", d.Replications);
            w.WriteStartArray("points");
            foreach (StudyPoint p in d.Points)
            {
                w.WriteStartObject();
                foreach (StudySetting s in p.Settings)
                {
                    w.WriteString(s.Path, s.Value);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("metrics");
            foreach (MetricSpec m in d.Metrics)
            {
                w.WriteStartObject();
                w.WriteString("name", m.Name);
                w.WriteString("field", m.Field);
                w.WriteString("aggregate", m.Aggregate);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The study a folder holds, read back from its study.json (for merging shards); throws <see cref="StudyFolderException"/> when it has none.</summary>
    public static StudyDefinition ReadDefinition(string dir)
    {
        string path = Path.Combine(dir, "study.json");
        if (!File.Exists(path))
        {
            throw new StudyFolderException($"{dir} is not a study folder (it has no study.json); give the --out folders of study run");
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement root = doc.RootElement;
            var points = root.GetProperty("points").EnumerateArray()
                .Select((p, i) => new StudyPoint(i, p.EnumerateObject().Select(s => new StudySetting(s.Name, s.Value.GetString() ?? "")).ToArray()))
                .ToArray();
            var metrics = root.GetProperty("metrics").EnumerateArray()
                .Select(m => new MetricSpec(m.GetProperty("name").GetString() ?? "", m.GetProperty("field").GetString() ?? "", m.GetProperty("aggregate").GetString() ?? "mean"))
                .ToArray();
            return new StudyDefinition(root.GetProperty("study").GetString() ?? "", root.GetProperty("seed").GetInt64(), root.GetProperty("replications").GetInt32(), points, metrics);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new StudyFolderException($"{path} is not a study definition: {ex.Message}");
        }
    }

    /// <summary>Writes study.json, or checks that the folder holds the same study; throws <see cref="StudyFolderException"/> when not.</summary>
    public static void Claim(string dir, StudyDefinition d)
    {
        Directory.CreateDirectory(CasesDir(dir));
        string path = Path.Combine(dir, "study.json");
        string mine = Fingerprint(d);
        if (File.Exists(path))
        {
            if (File.ReadAllText(path) != mine)
            {
                throw new StudyFolderException($"{dir} holds the results of a different study (its study.json differs: other points, replications, seed or metrics); use another --out folder, or delete it to start again");
            }

            return;
        }

        AtomicFile.Write(path, mine);
    }

    /// <summary>
    /// Writes a finished case's file and returns the values as <see cref="Read"/> will read them back: each metric's
    /// value when finite, else null (the file holds shortest round-trip numbers, so a finite value reads back equal).
    /// </summary>
    public static IReadOnlyDictionary<string, double?> Write(string dir, int point, int replication, IReadOnlyList<MetricSpec> metrics, IReadOnlyDictionary<string, double?> values)
    {
        var written = new Dictionary<string, double?>(metrics.Count, StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{{\"point\":{point},\"replication\":{replication},\"metrics\":{{");
        for (int i = 0; i < metrics.Count; i++)
        {
            double? v = values.GetValueOrDefault(metrics[i].Name);
            double? kept = v is { } x && double.IsFinite(x) ? x : null;
            written[metrics[i].Name] = kept;
            sb.Append(i > 0 ? "," : "").Append(JsonSerializer.Serialize(metrics[i].Name)).Append(':')
              .Append(kept is { } k ? k.ToString("R", CultureInfo.InvariantCulture) : "null");
        }

        sb.Append("}}\n");
        AtomicFile.Write(FileOf(dir, point, replication), sb.ToString());
        return written;
    }

    /// <summary>The metric values of a finished case, or null when it is not there (or is not whole).</summary>
    public static IReadOnlyDictionary<string, double?>? Read(string dir, int point, int replication)
    {
        string path = FileOf(dir, point, replication);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
            var result = new Dictionary<string, double?>(StringComparer.Ordinal);
            foreach (JsonProperty p in doc.RootElement.GetProperty("metrics").EnumerateObject())
            {
                result[p.Name] = p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDouble() : null;
            }

            return result;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A study folder that cannot be used as asked (another study's results in it, cases missing for a summary).</summary>
public sealed class StudyFolderException(string message) : Exception(message);

/// <summary>Writes a file whole or not at all: a temporary file beside it, then a move into place.</summary>
internal static class AtomicFile
{
    public static void Write(string path, string text)
    {
        string temp = path + $".{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }
}
