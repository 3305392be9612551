using System.Text.Json;
using System.Text.RegularExpressions;

namespace HyperVSim.Reports.Tests.Formats;

/// <summary>
/// Walks a JSON document and a JSON Schema together, with just the keywords docs/report.schema.json uses
/// (<c>type</c>, <c>const</c>, <c>enum</c>, <c>minimum</c>, <c>maximum</c>, <c>properties</c>, <c>required</c>,
/// <c>additionalProperties: false</c>, <c>items</c>, <c>$ref</c> into the same document, <c>allOf</c>,
/// <c>if</c>/<c>then</c>/<c>else</c> and the <c>false</c> schema), and stricter than a validator in two ways:
/// an object whose schema closes it (<c>additionalProperties: false</c>) must hold every declared key unless an
/// applicable schema rules the key out (<c>false</c>), and its keys must come in the declared order.
/// A keyword it does not know fails loudly, so the schema cannot grow past what is checked here.
/// </summary>
internal sealed partial class SchemaWalker(JsonElement root)
{
    private static readonly HashSet<string> Known =
    [
        "$schema", "$id", "$ref", "$defs", "title", "description", "unit",
        "type", "const", "enum", "minimum", "maximum",
        "properties", "required", "additionalProperties", "items", "allOf", "if", "then", "else",
    ];

    public JsonElement Root => root;

    /// <summary>Every (path, JSON kind) met in documents walked so far; paths use <c>[]</c> for any array index.</summary>
    public HashSet<(string Path, string Kind)> Seen { get; } = [];

    /// <summary>The problems found in <paramref name="document"/>, each naming its path; empty when it conforms.</summary>
    public List<string> Check(JsonElement document)
    {
        var errors = new List<string>();
        Check(document, root, "$", errors, record: true);
        return errors;
    }

    /// <summary>Every property the schema declares on closed objects, as (path, types of its own schema), reached through refs and items.</summary>
    public IReadOnlyList<(string Path, IReadOnlyList<string> Types)> DeclaredProperties()
    {
        var list = new List<(string, IReadOnlyList<string>)>();
        Declared(root, "$", list);
        return list;
    }

    /// <summary>The JSON kind of a value in schema words; a number written without fraction or exponent is an integer.</summary>
    public static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => IntegerToken().IsMatch(value.GetRawText()) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => throw new ArgumentException($"no JSON kind for {value.ValueKind}", nameof(value)),
    };

    /// <summary>Whether a value of JSON kind <paramref name="kind"/> satisfies schema type <paramref name="type"/>.</summary>
    public static bool Satisfies(string kind, string type) => kind == type || (type == "number" && kind == "integer");

    public static IReadOnlyList<string> TypesOf(JsonElement schema) =>
        !schema.TryGetProperty("type", out JsonElement t) ? []
        : t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(e => e.GetString()!).ToArray()
        : [t.GetString()!];

    /// <summary>The schema a <c>$ref</c> points to (only <c>#/...</c> pointers into this document).</summary>
    public JsonElement Pointer(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"only local references are supported, not '{reference}'");
        }

        JsonElement node = root;
        foreach (string part in reference[2..].Split('/'))
        {
            node = node.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return node;
    }

    private void Check(JsonElement value, JsonElement schema, string path, List<string> errors, bool record)
    {
        List<JsonElement> schemas = Applicable(schema, value).ToList();
        foreach (JsonElement s in schemas)
        {
            if (s.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{path}: present where the schema rules it out");
                continue;
            }

            if (s.ValueKind == JsonValueKind.True)
            {
                continue;
            }

            foreach (JsonProperty keyword in s.EnumerateObject())
            {
                if (!Known.Contains(keyword.Name))
                {
                    throw new NotSupportedException($"schema keyword '{keyword.Name}' (at {path}) is not checked by this walker");
                }
            }

            IReadOnlyList<string> types = TypesOf(s);
            string kind = KindOf(value);
            if (types.Count > 0 && !types.Any(t => Satisfies(kind, t)))
            {
                errors.Add($"{path}: is {kind}, schema wants {string.Join(" or ", types)}");
            }

            if (s.TryGetProperty("const", out JsonElement c) && !JsonElement.DeepEquals(c, value))
            {
                errors.Add($"{path}: is {value.GetRawText()}, schema wants {c.GetRawText()}");
            }

            if (s.TryGetProperty("enum", out JsonElement e) && !e.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value)))
            {
                errors.Add($"{path}: {value.GetRawText()} is not one of {e.GetRawText()}");
            }

            if (value.ValueKind == JsonValueKind.Number)
            {
                if (s.TryGetProperty("minimum", out JsonElement min) && value.GetDouble() < min.GetDouble())
                {
                    errors.Add($"{path}: {value.GetRawText()} is below the minimum {min.GetRawText()}");
                }

                if (s.TryGetProperty("maximum", out JsonElement max) && value.GetDouble() > max.GetDouble())
                {
                    errors.Add($"{path}: {value.GetRawText()} is above the maximum {max.GetRawText()}");
                }
            }

            if (value.ValueKind == JsonValueKind.Array && s.TryGetProperty("items", out JsonElement items))
            {
                int i = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    Check(item, items, $"{path}[{i++}]", errors, record);
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(value, schemas.Where(s => s.ValueKind == JsonValueKind.Object).ToList(), path, errors, record);
        }
    }

    private void CheckObject(JsonElement value, List<JsonElement> schemas, string path, List<string> errors, bool record)
    {
        List<string> written = value.EnumerateObject().Select(p => p.Name).ToList();
        foreach (string twice in written.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add($"{path}: key '{twice}' is written twice");
        }

        var propertySchemas = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        var ruledOut = new HashSet<string>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement s in schemas)
        {
            if (s.TryGetProperty("properties", out JsonElement props))
            {
                foreach (JsonProperty p in props.EnumerateObject())
                {
                    if (!propertySchemas.TryGetValue(p.Name, out List<JsonElement>? list))
                    {
                        propertySchemas[p.Name] = list = [];
                    }

                    list.Add(p.Value);
                    if (p.Value.ValueKind == JsonValueKind.False)
                    {
                        ruledOut.Add(p.Name);
                    }
                }
            }

            if (s.TryGetProperty("required", out JsonElement req))
            {
                required.UnionWith(req.EnumerateArray().Select(r => r.GetString()!));
            }
        }

        foreach (JsonElement closed in schemas.Where(s => s.TryGetProperty("additionalProperties", out JsonElement a) && a.ValueKind == JsonValueKind.False))
        {
            List<string> declared = closed.TryGetProperty("properties", out JsonElement props) ? props.EnumerateObject().Select(p => p.Name).ToList() : [];
            foreach (string extra in written.Where(k => !declared.Contains(k)))
            {
                errors.Add($"{path}: key '{extra}' is written but the schema does not declare it");
            }

            foreach (string missing in declared.Where(k => !written.Contains(k) && !ruledOut.Contains(k)))
            {
                errors.Add($"{path}: key '{missing}' is declared but not written, and no rule of the schema says it may be absent");
            }

            List<string> writtenOrder = written.Where(declared.Contains).ToList();
            List<string> declaredOrder = declared.Where(written.Contains).ToList();
            if (!writtenOrder.SequenceEqual(declaredOrder))
            {
                errors.Add($"{path}: keys are written as [{string.Join(", ", writtenOrder)}], the schema lists [{string.Join(", ", declaredOrder)}]");
            }
        }

        foreach (string absent in required.Where(k => !written.Contains(k)))
        {
            errors.Add($"{path}: required key '{absent}' is missing");
        }

        foreach (JsonProperty p in value.EnumerateObject())
        {
            string at = $"{path}.{p.Name}";
            if (record)
            {
                Seen.Add((Normalize(at), KindOf(p.Value)));
            }

            foreach (JsonElement s in propertySchemas.GetValueOrDefault(p.Name) ?? [])
            {
                Check(p.Value, s, at, errors, record);
            }
        }
    }

    /// <summary>The schema itself, what its <c>$ref</c> points to, its <c>allOf</c> members, and the branch its <c>if</c> selects, recursively.</summary>
    private IEnumerable<JsonElement> Applicable(JsonElement schema, JsonElement value)
    {
        yield return schema;
        if (schema.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (schema.TryGetProperty("$ref", out JsonElement r))
        {
            foreach (JsonElement s in Applicable(Pointer(r.GetString()!), value))
            {
                yield return s;
            }
        }

        if (schema.TryGetProperty("allOf", out JsonElement all))
        {
            foreach (JsonElement member in all.EnumerateArray())
            {
                foreach (JsonElement s in Applicable(member, value))
                {
                    yield return s;
                }
            }
        }

        if (schema.TryGetProperty("if", out JsonElement condition))
        {
            var scratch = new List<string>();
            Check(value, condition, "(if)", scratch, record: false);
            if (schema.TryGetProperty(scratch.Count == 0 ? "then" : "else", out JsonElement branch))
            {
                foreach (JsonElement s in Applicable(branch, value))
                {
                    yield return s;
                }
            }
        }
    }

    private void Declared(JsonElement schema, string path, List<(string, IReadOnlyList<string>)> list)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("$ref", out JsonElement r))
        {
            Declared(Pointer(r.GetString()!), path, list);
        }

        if (schema.TryGetProperty("items", out JsonElement items))
        {
            Declared(items, path + "[]", list);
        }

        if (schema.TryGetProperty("additionalProperties", out JsonElement a) && a.ValueKind == JsonValueKind.False)
        {
            foreach (JsonProperty p in schema.GetProperty("properties").EnumerateObject())
            {
                IReadOnlyList<string> types = TypesOf(p.Value);
                if (types.Count == 0 && p.Value.TryGetProperty("$ref", out JsonElement target))
                {
                    types = TypesOf(Pointer(target.GetString()!));
                }

                list.Add(($"{path}.{p.Name}", types));
                Declared(p.Value, $"{path}.{p.Name}", list);
            }
        }
    }

    private static string Normalize(string path) => ArrayIndex().Replace(path, "[]");

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)$")]
    private static partial Regex IntegerToken();

    [GeneratedRegex(@"\[[0-9]+\]")]
    private static partial Regex ArrayIndex();
}
