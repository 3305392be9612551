using HyperVSim.Engine;
using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Diagnostics;
using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios.Reading;

/// <summary>
/// Reads the keys of one mapping: refuses unknown keys (with a suggestion), records where each value was written in
/// the element's <see cref="Origin"/>, and converts values through <see cref="Scalars"/>. A typed getter returns null
/// when the key is absent (or written as null) or its value is invalid; a missing required key is a problem.
/// </summary>
internal sealed class MapReader
{
    private readonly Dictionary<string, YEntry> entries = new(StringComparer.Ordinal);
    private readonly Scalars scalars;
    private readonly string prefix;

    private MapReader(YMapping map, Origin origin, string prefix, KeyLevel level, Scalars scalars)
    {
        Origin = origin;
        Start = map.Start;
        this.prefix = prefix;
        this.scalars = scalars;
        foreach (YEntry entry in map.Entries)
        {
            string key = entry.Key.Value;
            if (!level.Contains(key))
            {
                Unknown(entry.Key, level);
                continue;
            }

            entries.Add(key, entry);
            origin.Record(Rel(key), entry.Value.Start);
        }
    }

    public Origin Origin { get; }

    public Position Start { get; }

    /// <summary>Opens <paramref name="node"/> as a mapping of <paramref name="level"/>; null (after a problem) when it is not one.</summary>
    public static MapReader? Open(YNode node, Origin origin, string prefix, KeyLevel level, Scalars scalars)
    {
        if (node is YMapping map)
        {
            return new MapReader(map, origin, prefix, level, scalars);
        }

        Site site = origin.Of(prefix);
        scalars.Add(node, site, $"must be a mapping of keys, not {node.Shape}", $"write it as {level.Example}");
        return null;
    }

    /// <summary>
    /// Reads one list item that is a mapping of <paramref name="level"/> with <paramref name="read"/>; broken when reading
    /// it added a problem; null when it is not a mapping.
    /// </summary>
    public static Sourced<T>? Item<T>(YNode node, Origin origin, KeyLevel level, Scalars scalars, Func<MapReader, T> read)
    {
        int before = scalars.Problems.Count;
        MapReader? map = Open(node, origin, "", level, scalars);
        return map is null ? null : new Sourced<T>(read(map), origin, scalars.Problems.Count > before);
    }

    /// <summary>The site of this mapping itself.</summary>
    public Site Self => Origin.Of(prefix);

    public string Rel(string key) => prefix.Length == 0 ? key : prefix + "." + key;

    public Site SiteOf(string key) => Origin.Of(Rel(key));

    public bool Has(string key) => Value(key) is not null;

    /// <summary>The value node of a key, or null when absent or written as null.</summary>
    public YNode? Value(string key) =>
        entries.TryGetValue(key, out YEntry? entry) && entry.Value is not YScalar { IsNull: true } ? entry.Value : null;

    /// <summary>The value node of a key that must be given; a problem when it is not.</summary>
    public YNode? Required(string key, string example)
    {
        YNode? node = Value(key);
        if (node is not null)
        {
            return node;
        }

        if (entries.TryGetValue(key, out YEntry? entry))
        {
            scalars.Add(entry.Value, SiteOf(key), $"'{key}' has no value", $"write a value, e.g. {key}: {example}");
        }
        else
        {
            scalars.Problems.Add(Start, SiteOf(key).Path, $"'{key}' is missing", $"add {key}: {example}");
        }

        return null;
    }

    /// <summary>Any single value, as written.</summary>
    public string? Text(string key, string? example = null) => Get(key, example, (n, s) => scalars.Text(n, s));

    public string? Name(string key, string? example = null) => Get(key, example, (n, s) => scalars.Name(n, s));

    public string? Choice(string key, IReadOnlyList<string> choices, bool required = false) =>
        Get(key, required ? choices[0] : null, (n, s) => scalars.Choice(n, s, choices));

    public bool? Bool(string key) => Get(key, null, (n, s) => scalars.Bool(n, s));

    public long? Integer(string key, Bound<long> bound, string? example = null) => Get(key, example, (n, s) => scalars.Integer(n, s, bound));

    public double? Number(string key, Bound<double> bound) => Get(key, null, (n, s) => scalars.Number(n, s, bound));

    public long? Size(string key, Bound<long> bound, string? example = null) => Get(key, example, (n, s) => scalars.Size(n, s, bound));

    public double? BitRate(string key, Bound<double> bound, string? example = null) => Get(key, example, (n, s) => scalars.BitRate(n, s, bound));

    public double? ByteRate(string key, Bound<double> bound) => Get(key, null, (n, s) => scalars.ByteRate(n, s, bound));

    public SimTime? Duration(string key, Bound<SimTime> bound, string? example = null) => Get(key, example, (n, s) => scalars.Duration(n, s, bound));

    public double? Fraction(string key, Bound<double> bound) => Get(key, null, (n, s) => scalars.Fraction(n, s, bound));

    public double? Ghz(string key, Bound<double> bound) => Get(key, null, (n, s) => scalars.Ghz(n, s, bound));

    public HyperVVersion? Version(string key) => Get(key, null, (n, s) => scalars.Version(n, s));

    /// <summary>A nested mapping; null when absent or not a mapping.</summary>
    public MapReader? Map(string key, KeyLevel level) =>
        Value(key) is { } node ? Open(node, Origin, Rel(key), level, scalars) : null;

    /// <summary>The items of a list with their paths relative to the origin; null when absent or not a list.</summary>
    public IReadOnlyList<(YNode Node, string Rel)>? List(string key)
    {
        if (Value(key) is not { } node)
        {
            return null;
        }

        if (node is not YSequence list)
        {
            scalars.Add(node, SiteOf(key), $"must be a list, not {node.Shape}", $"write a list: '{key}: [a, b]', or one '- ' item per line");
            return null;
        }

        var items = new List<(YNode, string)>(list.Items.Count);
        for (int i = 0; i < list.Items.Count; i++)
        {
            string rel = Rel(key) + $"[{i}]";
            Origin.Record(rel, list.Items[i].Start);
            items.Add((list.Items[i], rel));
        }

        return items;
    }

    /// <summary>A list of names (networks a NIC is on, switches); empty when absent.</summary>
    public IReadOnlyList<string> Names(string key)
    {
        var names = new List<string>();
        foreach ((YNode node, string rel) in List(key) ?? [])
        {
            names.Add(scalars.Name(node, Origin.Of(rel)) ?? "");
        }

        return names;
    }

    /// <summary><typeparamref name="T"/> is the nullable result type itself, so default is null.</summary>
    private T Get<T>(string key, string? requiredExample, Func<YNode, Site, T> convert)
    {
        YNode? node = requiredExample is null ? Value(key) : Required(key, requiredExample);
        return node is null ? default! : convert(node, SiteOf(key));
    }

    private void Unknown(YScalar key, KeyLevel level)
    {
        string? close = Suggestions.Closest(key.Value, level.Keys);
        string hint = close is null ? "" : $"; did you mean '{close}'?";
        string where = level.Path.Length == 0 ? "at the top level" : $"in {level.Path}";
        scalars.Problems.Add(
            key.Start,
            Origin.Of(Rel(Echo.Cut(key.Value))).Path,
            $"unknown key {Echo.Quoted(key.Value)}{hint}",
            $"keys allowed {where}: {string.Join(", ", level.Keys)}");
    }
}
