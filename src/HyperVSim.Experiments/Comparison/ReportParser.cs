using System.Globalization;
using System.Text.Json;

namespace HyperVSim.Experiments.Comparison;

/// <summary>
/// Reads a JSON report (<c>hypervsim.report/v1</c>) into comparable records. Identities: a migration is its VM,
/// request time and kind (the n-th such when several match); a drain is its host and request time; a VM is its name.
/// </summary>
public static class ReportParser
{
    public const string Schema = "hypervsim.report/v1";

    /// <summary>The metrics compared for each record kind; higher is worse for every one of them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> MetricsByKind = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["migration"] = ["totalSeconds", "queuedSeconds", "blackoutSeconds", "bytesOnWire", "rounds", "cpuSeconds"],
        ["drain"] = ["totalSeconds"],
        ["vm"] = ["downtimeSeconds", "outages"],
    };

    public static ReportSnapshot Parse(string json, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            throw new ReportFormatException(source, (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1, $"not valid JSON: {FirstSentence(ex.Message)}");
        }

        using (doc)
        {
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema", out JsonElement schema) || schema.ValueKind != JsonValueKind.String || schema.GetString() != Schema)
            {
                throw new ReportFormatException(source, 1, 1, $"not a HyperVSim report: expected \"schema\": \"{Schema}\" (write one with 'hypervsim run S --json FILE')");
            }

            string scenario = root.TryGetProperty("scenario", out JsonElement sc) && sc.ValueKind == JsonValueKind.String ? sc.GetString()! : "?";
            var records = new List<RecordMetrics>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (m, at) in Array(root, "migrations", source))
            {
                string baseId = $"{Str(m, "vm", at, source)} requested at {Time(m, "requestedAt", at, source).ToString("0.######", CultureInfo.InvariantCulture)}s ({Str(m, "kind", at, source)})";
                int n = seen[baseId] = seen.GetValueOrDefault(baseId) + 1;
                records.Add(Record("migration", n == 1 ? baseId : $"{baseId} #{n}", Str(m, "result", at, source), m, at, source));
            }

            foreach (var (d, at) in Array(root, "drains", source))
            {
                records.Add(Record("drain", $"{Str(d, "host", at, source)} requested at {Time(d, "requestedAt", at, source).ToString("0.######", CultureInfo.InvariantCulture)}s", null, d, at, source));
            }

            foreach (var (v, at) in Array(root, "vms", source))
            {
                records.Add(Record("vm", Str(v, "name", at, source), Str(v, "state", at, source), v, at, source));
            }

            return new ReportSnapshot(source, scenario, records);
        }
    }

    /// <summary>
    /// A record's metrics. Each must be present; null means "none" (a migration that never finished has no
    /// totalSeconds) and is left out; anything else must be a finite number that is not negative.
    /// </summary>
    private static RecordMetrics Record(string kind, string id, string? outcome, JsonElement e, string at, string source)
    {
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (string metric in MetricsByKind[kind])
        {
            if (!e.TryGetProperty(metric, out JsonElement v))
            {
                throw new ReportFormatException(source, $"{at}.{metric}", $"missing: {kind} '{id}' has no \"{metric}\"");
            }

            if (v.ValueKind != JsonValueKind.Null)
            {
                metrics[metric] = Time(e, metric, at, source);
            }
        }

        return new RecordMetrics(kind, id, outcome, metrics);
    }

    /// <summary>The elements of a top-level array, each with its JSON path (<c>migrations[3]</c>).</summary>
    private static IEnumerable<(JsonElement Element, string Path)> Array(JsonElement root, string name, string source)
    {
        if (!root.TryGetProperty(name, out JsonElement a))
        {
            return [];
        }

        if (a.ValueKind != JsonValueKind.Array)
        {
            throw new ReportFormatException(source, name, "must be an array");
        }

        (JsonElement Element, string Path)[] records = a.EnumerateArray().Select((e, i) => (e, $"{name}[{i}]")).ToArray();
        foreach (var (element, path) in records)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new ReportFormatException(source, path, $"is {element.ValueKind.ToString().ToLowerInvariant()}: every record in \"{name}\" must be an object");
            }
        }

        return records;
    }

    private static string Str(JsonElement e, string name, string at, string source) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new ReportFormatException(source, $"{at}.{name}", e.TryGetProperty(name, out _) ? $"must be a string, not {Shown(v)}" : "missing: the record needs this string");

    /// <summary>A time, count or byte figure: a finite number, not negative.</summary>
    private static double Time(JsonElement e, string name, string at, string source)
    {
        string path = $"{at}.{name}";
        if (!e.TryGetProperty(name, out JsonElement v))
        {
            throw new ReportFormatException(source, path, "missing: the record needs this number");
        }

        if (v.ValueKind != JsonValueKind.Number)
        {
            throw new ReportFormatException(source, path, $"must be a number, not {Shown(v)}");
        }

        if (!v.TryGetDouble(out double value) || !double.IsFinite(value))
        {
            throw new ReportFormatException(source, path, $"{v.GetRawText()} is too large a number");
        }

        return value >= 0 ? value : throw new ReportFormatException(source, path, $"{v.GetRawText()} is negative; times, bytes and counts in a report never are");
    }

    /// <summary>A JSON value as a message shows it: its kind, and a short string's text.</summary>
    private static string Shown(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString()!.Length <= 40 ? $"the string \"{v.GetString()}\"" : "a string",
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => v.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string FirstSentence(string message)
    {
        int i = message.IndexOf(" Path:", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }
}
