using System.Text.Json;

namespace HyperVSim.Experiments.Comparison;

/// <summary>
/// Strict reading of a JSON report's fields for the tools that read reports back (compare, explain): every problem is
/// a <see cref="ReportFormatException"/> naming the file and the line and column, or the field's JSON path.
/// </summary>
public static class ReportFields
{
    /// <summary>Parses <paramref name="json"/> and checks that it is a <c>hypervsim.report/v1</c> document.</summary>
    public static JsonDocument Open(string json, string source)
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

        JsonElement root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema", out JsonElement schema) || schema.ValueKind != JsonValueKind.String || schema.GetString() != ReportParser.Schema)
        {
            doc.Dispose();
            throw new ReportFormatException(source, 1, 1, $"not a HyperVSim report: expected \"schema\": \"{ReportParser.Schema}\" (write one with 'hypervsim run S --json FILE')");
        }

        return doc;
    }

    /// <summary>The elements of a top-level array, each with its JSON path (<c>migrations[3]</c>).</summary>
    public static IEnumerable<(JsonElement Element, string Path)> Records(JsonElement root, string name, string source)
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

    /// <summary>A required string field.</summary>
    public static string String(JsonElement e, string name, string at, string source) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new ReportFormatException(source, $"{at}.{name}", e.TryGetProperty(name, out _) ? $"must be a string, not {Shown(v)}" : "missing: the record needs this string");

    /// <summary>A time, count or byte figure: a finite number, not negative.</summary>
    public static double Number(JsonElement e, string name, string at, string source)
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
    public static string Shown(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString()!.Length <= 40 ? $"the string \"{v.GetString()}\"" : "a string",
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => v.ValueKind.ToString().ToLowerInvariant(),
    };

    /// <summary>A required array of objects inside a record, each with its JSON path (<c>vms[2].timeline[0]</c>).</summary>
    public static IEnumerable<(JsonElement Element, string Path)> Objects(JsonElement e, string name, string at, string source)
    {
        string path = $"{at}.{name}";
        if (!e.TryGetProperty(name, out JsonElement a))
        {
            throw new ReportFormatException(source, path, "missing: the record needs this array");
        }

        if (a.ValueKind != JsonValueKind.Array)
        {
            throw new ReportFormatException(source, path, $"must be an array, not {Shown(a)}");
        }

        return a.EnumerateArray().Select((x, i) => x.ValueKind == JsonValueKind.Object
            ? (x, $"{path}[{i}]")
            : throw new ReportFormatException(source, $"{path}[{i}]", $"must be an object, not {Shown(x)}")).ToArray();
    }

    /// <summary>A number field that may be null (none); otherwise as <see cref="Number"/>.</summary>
    public static double? NumberOrNull(JsonElement e, string name, string at, string source) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Null ? null : Number(e, name, at, source);

    /// <summary>A string field that may be null (none).</summary>
    public static string? StringOrNull(JsonElement e, string name, string at, string source) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Null ? null : String(e, name, at, source);

    private static string FirstSentence(string message)
    {
        int i = message.IndexOf(" Path:", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }
}
