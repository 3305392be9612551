using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HyperVSim.Cli.Tests.Import;

/// <summary>
/// A small JSON Schema (draft 2020-12) checker for the keywords docs/inventory.schema.json and
/// docs/migration-events.schema.json use: $ref to #/$defs, type, enum, const, properties, required,
/// additionalProperties (boolean), items, minItems, minimum, maximum, minLength, pattern. An unknown keyword fails
/// the check, so the schema cannot silently use one this checker ignores.
/// </summary>
internal static class MiniSchema
{
    private static readonly HashSet<string> Known =
    [
        "$schema", "$id", "title", "description", "$defs", "$ref", "type", "enum", "const", "properties", "required",
        "additionalProperties", "items", "minItems", "minimum", "maximum", "minLength", "pattern",
    ];

    /// <summary>Every place <paramref name="instance"/> breaks <paramref name="schema"/>, as "path: problem".</summary>
    public static List<string> Validate(JsonElement instance, JsonElement schema)
    {
        var errors = new List<string>();
        Check(instance, schema, schema, "$", errors);
        return errors;
    }

    private static void Check(JsonElement value, JsonElement s, JsonElement root, string path, List<string> errors)
    {
        foreach (JsonProperty k in s.EnumerateObject())
        {
            if (!Known.Contains(k.Name))
            {
                throw new InvalidOperationException($"schema keyword '{k.Name}' at {path} is not supported by MiniSchema");
            }
        }

        if (s.TryGetProperty("$ref", out JsonElement r))
        {
            string name = r.GetString()!.Replace("#/$defs/", "", StringComparison.Ordinal);
            Check(value, root.GetProperty("$defs").GetProperty(name), root, path, errors);
        }

        if (s.TryGetProperty("type", out JsonElement type))
        {
            string[] types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
            if (!types.Any(t => IsType(value, t)))
            {
                errors.Add($"{path}: {value.ValueKind} is not {string.Join(" or ", types)}");
                return;
            }
        }

        if (s.TryGetProperty("enum", out JsonElement en) && !en.EnumerateArray().Any(e => Same(e, value)))
        {
            errors.Add($"{path}: {value.GetRawText()} is not one of {en.GetRawText()}");
        }

        if (s.TryGetProperty("const", out JsonElement c) && !Same(c, value))
        {
            errors.Add($"{path}: {value.GetRawText()} is not {c.GetRawText()}");
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            decimal v = value.GetDecimal();
            if (s.TryGetProperty("minimum", out JsonElement min) && v < min.GetDecimal())
            {
                errors.Add($"{path}: {v} is below {min}");
            }

            if (s.TryGetProperty("maximum", out JsonElement max) && v > max.GetDecimal())
            {
                errors.Add($"{path}: {v} is above {max}");
            }
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            string text = value.GetString()!;
            if (s.TryGetProperty("minLength", out JsonElement ml) && text.Length < ml.GetInt32())
            {
                errors.Add($"{path}: '{text}' is shorter than {ml}");
            }

            if (s.TryGetProperty("pattern", out JsonElement p) && !Regex.IsMatch(text, p.GetString()!))
            {
                errors.Add($"{path}: '{text}' does not match {p}");
            }
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            JsonElement props = s.TryGetProperty("properties", out JsonElement pr) ? pr : default;
            if (s.TryGetProperty("required", out JsonElement req))
            {
                foreach (JsonElement k in req.EnumerateArray())
                {
                    if (!value.TryGetProperty(k.GetString()!, out _))
                    {
                        errors.Add($"{path}: required '{k.GetString()}' is missing");
                    }
                }
            }

            foreach (JsonProperty m in value.EnumerateObject())
            {
                if (props.ValueKind == JsonValueKind.Object && props.TryGetProperty(m.Name, out JsonElement sub))
                {
                    Check(m.Value, sub, root, $"{path}.{m.Name}", errors);
                }
                else if (s.TryGetProperty("additionalProperties", out JsonElement ap) && ap.ValueKind == JsonValueKind.False)
                {
                    errors.Add($"{path}: '{m.Name}' is not allowed");
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            if (s.TryGetProperty("minItems", out JsonElement mi) && value.GetArrayLength() < mi.GetInt32())
            {
                errors.Add($"{path}: fewer than {mi} items");
            }

            if (s.TryGetProperty("items", out JsonElement items))
            {
                int i = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    Check(item, items, root, $"{path}[{i++}]", errors);
                }
            }
        }
    }

    private static bool IsType(JsonElement v, string t) => t switch
    {
        "object" => v.ValueKind == JsonValueKind.Object,
        "array" => v.ValueKind == JsonValueKind.Array,
        "string" => v.ValueKind == JsonValueKind.String,
        "boolean" => v.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => v.ValueKind == JsonValueKind.Null,
        "number" => v.ValueKind == JsonValueKind.Number,
        "integer" => v.ValueKind == JsonValueKind.Number && decimal.TryParse(v.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) && d == decimal.Truncate(d),
        _ => throw new InvalidOperationException($"type '{t}' not supported"),
    };

    private static bool Same(JsonElement a, JsonElement b) =>
        a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number
            ? a.GetDecimal() == b.GetDecimal()
            : a.ValueKind == b.ValueKind && (a.ValueKind is JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False || a.GetRawText() == b.GetRawText());

    /// <summary>The schema docs/NAME parsed.</summary>
    public static JsonElement Load(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Cli.Root, "docs", name))).RootElement;
}
