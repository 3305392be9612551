using System.Globalization;
using System.Text.Json;

namespace HyperVSim.Scenarios.Import;

/// <summary>
/// Reads typed values out of a <see cref="JNode"/> tree, collecting each problem with the JSON path, line and column
/// of the value (or of the object a required key is missing from).
/// </summary>
internal abstract class JsonFields(string file)
{
    /// <summary>The problems found so far.</summary>
    public List<ScenarioError> Errors { get; } = [];

    protected static string List(IEnumerable<string> names)
    {
        string[] all = names.ToArray();
        return all.Length == 0 ? "(there are none)" : string.Join(", ", all.Take(8)) + (all.Length > 8 ? $", … ({all.Length} in all)" : "");
    }

    protected List<T> Array<T>(JNode owner, string key, Func<JNode, T> read)
    {
        JNode? at = Get(owner, key);
        if (at is null)
        {
            return [];
        }

        if (at.Kind != JsonValueKind.Array)
        {
            Error(at, $"{key} is {at.Describe()}, not an array", $"write {key} as a JSON array, [] when there are none");
            return [];
        }

        var list = new List<T>();
        foreach (JNode item in at.Items)
        {
            if (item.Kind != JsonValueKind.Object)
            {
                Error(item, $"an element of {key} is {item.Describe()}, not an object", "see docs/inventory.schema.json");
                continue;
            }

            list.Add(read(item));
        }

        return list;
    }

    protected JNode? Get(JNode owner, string key)
    {
        JNode? at = owner[key];
        if (at is null)
        {
            Error(owner, $"the key \"{key}\" is missing", "see docs/inventory.schema.json for what each object holds");
        }

        return at;
    }

    protected string Str(JNode owner, string key)
    {
        JNode? at = Get(owner, key);
        if (at is null)
        {
            return "";
        }

        if (at.Kind != JsonValueKind.String)
        {
            Error(at, $"{key} is {at.Describe()}, not a string", "write it as a JSON string");
            return "";
        }

        return at.Text;
    }

    protected string? OptStr(JNode owner, string key)
    {
        JNode? at = owner[key];
        if (at is null || at.IsNull)
        {
            return null;
        }

        return Str(owner, key);
    }

    protected string OneOf(JNode owner, string key, string[] allowed, string what)
    {
        string value = Str(owner, key);
        if (owner[key] is { Kind: JsonValueKind.String } at && !allowed.Contains(value, StringComparer.Ordinal))
        {
            Error(at, $"\"{value}\" is not one of {string.Join(", ", allowed)}", $"give {what}");
        }

        return value;
    }

    protected bool Bool(JNode owner, string key)
    {
        JNode? at = Get(owner, key);
        if (at is null)
        {
            return false;
        }

        if (at.Kind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Error(at, $"{key} is {at.Describe()}, not true or false", "write true or false");
        }

        return at.Kind == JsonValueKind.True;
    }

    protected long Long(JNode owner, string key, long min, long max, string rule)
    {
        JNode? at = Get(owner, key);
        if (at is null)
        {
            return min;
        }

        long? value = at.AsLong();
        if (value is null)
        {
            Error(at, $"{key} is {at.Describe()}, not a whole number", "write a whole number without quotes");
            return min;
        }

        if (value < min || value > max)
        {
            string sign = value < 0 ? " (negative)" : "";
            Error(at, $"{key} is {value}{sign}, out of range: {rule}", $"give a value from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        }

        return value.Value;
    }

    protected long? OptLong(JNode owner, string key) => owner[key] is { IsNull: false } ? Long(owner, key, 0, long.MaxValue, "a size in bytes is not negative") : null;

    protected List<string> StrList(JNode owner, string key)
    {
        JNode? at = Get(owner, key);
        if (at is null)
        {
            return [];
        }

        if (at.Kind != JsonValueKind.Array || at.Items.Any(i => i.Kind != JsonValueKind.String))
        {
            Error(at, $"{key} is {at.Describe()}, not an array of strings", "write a JSON array of names, [] when there are none");
            return [];
        }

        return at.Items.Select(i => i.Text).ToList();
    }

    protected void Error(JNode at, string message, string fix) => Errors.Add(new ScenarioError(file, at.Line, at.Column, at.Path, message, fix));
}
