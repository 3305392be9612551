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
            foreach (JsonElement m in Array(root, "migrations", source))
            {
                string baseId = $"{Str(m, "vm", source)} requested at {Num(m, "requestedAt", source).ToString("0.######", CultureInfo.InvariantCulture)}s ({Str(m, "kind", source)})";
                int n = seen[baseId] = seen.GetValueOrDefault(baseId) + 1;
                records.Add(Record("migration", n == 1 ? baseId : $"{baseId} #{n}", Str(m, "result", source), m, source));
            }

            foreach (JsonElement d in Array(root, "drains", source))
            {
                records.Add(Record("drain", $"{Str(d, "host", source)} requested at {Num(d, "requestedAt", source).ToString("0.######", CultureInfo.InvariantCulture)}s", null, d, source));
            }

            foreach (JsonElement v in Array(root, "vms", source))
            {
                records.Add(Record("vm", Str(v, "name", source), Str(v, "state", source), v, source));
            }

            return new ReportSnapshot(source, scenario, records);
        }
    }

    private static RecordMetrics Record(string kind, string id, string? outcome, JsonElement e, string source)
    {
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (string metric in MetricsByKind[kind])
        {
            if (e.TryGetProperty(metric, out JsonElement v) && v.ValueKind == JsonValueKind.Number)
            {
                metrics[metric] = v.GetDouble();
            }
            else if (!e.TryGetProperty(metric, out _))
            {
                throw new ReportFormatException(source, 1, 1, $"{kind} '{id}' has no \"{metric}\"");
            }
        }

        return new RecordMetrics(kind, id, outcome, metrics);
    }

    private static IEnumerable<JsonElement> Array(JsonElement root, string name, string source)
    {
        if (!root.TryGetProperty(name, out JsonElement a))
        {
            return [];
        }

        if (a.ValueKind != JsonValueKind.Array)
        {
            throw new ReportFormatException(source, 1, 1, $"\"{name}\" must be an array");
        }

        JsonElement[] records = a.EnumerateArray().ToArray();
        for (int i = 0; i < records.Length; i++)
        {
            if (records[i].ValueKind != JsonValueKind.Object)
            {
                throw new ReportFormatException(source, 1, 1, $"{name}[{i}] is {records[i].ValueKind.ToString().ToLowerInvariant()}: every record in \"{name}\" must be an object");
            }
        }

        return records;
    }

    private static string Str(JsonElement e, string name, string source) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new ReportFormatException(source, 1, 1, $"a record lacks the string \"{name}\"");

    private static double Num(JsonElement e, string name, string source) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number
            ? v.GetDouble()
            : throw new ReportFormatException(source, 1, 1, $"a record lacks the number \"{name}\"");

    private static string FirstSentence(string message)
    {
        int i = message.IndexOf(" Path:", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }
}
