using HyperVSim.Scenarios.Diagnostics;

namespace HyperVSim.Scenarios.Yaml;

/// <summary>A list or mapping being built by <see cref="YamlTreeReader"/>.</summary>
internal sealed class TreeFrame(Position start, bool mapping)
{
    private readonly List<YNode> items = [];
    private readonly List<YEntry> entries = [];
    private Dictionary<string, YEntry>? index;
    private YScalar? pendingKey;
    private bool skipValue;

    /// <summary>Adds an item, or a key or value of a mapping; false when the tree cannot be built on.</summary>
    public bool Add(YNode node, Problems problems)
    {
        if (!mapping)
        {
            items.Add(node);
            return true;
        }

        if (pendingKey is null && !skipValue)
        {
            return AddKey(node, problems);
        }

        if (!skipValue)
        {
            var entry = new YEntry(pendingKey!, node);
            entries.Add(entry);
            index?.TryAdd(entry.Key.Value, entry);
        }

        pendingKey = null;
        skipValue = false;
        return true;
    }

    private bool AddKey(YNode node, Problems problems)
    {
        if (node is not YScalar key || key.IsNull)
        {
            problems.Add(node.Start, "", "a key must be a plain name", "write keys as names followed by a colon, e.g. 'memory: 16GiB'");
            return false;
        }

        YEntry? first = Find(key.Value);
        if (first is not null)
        {
            problems.Add(key.Start, "", $"key {Echo.Quoted(key.Value)} is given twice (first at line {first.Key.Start.Line})", "remove one of them");
            skipValue = true;
            return true;
        }

        pendingKey = key;
        return true;
    }

    /// <summary>Scenario mappings have a handful of keys: search them, and index only a large mapping.</summary>
    private YEntry? Find(string key)
    {
        const int IndexFrom = 16;
        if (index is null && entries.Count >= IndexFrom)
        {
            index = new Dictionary<string, YEntry>(StringComparer.Ordinal);
            foreach (YEntry e in entries)
            {
                index.TryAdd(e.Key.Value, e);
            }
        }

        if (index is not null)
        {
            if (index.TryGetValue(key, out YEntry? hit))
            {
                return hit;
            }

            return null;
        }

        return entries.Find(e => e.Key.Value == key);
    }

    public YNode Build() => mapping ? new YMapping(start, entries) : new YSequence(start, items);
}
