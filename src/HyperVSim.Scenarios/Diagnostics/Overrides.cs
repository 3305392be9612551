using System.Text.RegularExpressions;
using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios.Diagnostics;

/// <summary>
/// Applies <see cref="ScenarioOverride"/>s to a scenario's YAML tree before it is read, so that a set value goes
/// through exactly the same reading and validation as a written one. A path is keys joined by dots, each optionally
/// followed by selectors: <c>[2]</c> (the third item of a list), <c>[name=hv]</c> (the item whose <c>name</c> is
/// hv, as written, before <c>count</c> expands it) or <c>[*]</c> (every item). A missing key is added; a missing list item is an error. Values
/// are single YAML scalars. The value's position is a marker (line −1 − i for override i) that
/// <see cref="Problems.ToErrors(string, IReadOnlyList{ScenarioOverride})"/> turns back into the override's source.
/// </summary>
internal static partial class Overrides
{
    /// <summary>The index of the override whose marker is <paramref name="at"/>, or null for a position in the text.</summary>
    public static int? Index(Position at) => at.Line < 0 ? -at.Line - 1 : null;

    public static YNode Apply(YNode root, IReadOnlyList<ScenarioOverride> overrides, Problems problems)
    {
        for (int i = 0; i < overrides.Count; i++)
        {
            var marker = new Position(-1 - i, 0);
            ScenarioOverride o = overrides[i];
            List<Step>? steps = Parse(o.Path);
            if (steps is null)
            {
                problems.Add(marker, o.Path, $"'{o.Path}' is not a key path", "write keys joined by dots, with [N], [name=NAME] or [*] to pick list items, e.g. hosts[name=hv].nics[name=lm1].speed");
                continue;
            }

            root = Set(root, steps, 0, new YScalar(marker, o.Value, plain: true), o.Path, marker, problems) ?? root;
        }

        return root;
    }

    private sealed record Step(string Key, string? Selector);

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9]*)((?:\[[^\[\]]+\])*)$")]
    private static partial Regex Segment();

    [GeneratedRegex(@"\[([^\[\]]+)\]")]
    private static partial Regex Selector();

    private static List<Step>? Parse(string path)
    {
        var steps = new List<Step>();
        foreach (string part in path.Split('.'))
        {
            Match m = Segment().Match(part);
            if (!m.Success)
            {
                return null;
            }

            steps.Add(new Step(m.Groups[1].Value, null));
            foreach (Match s in Selector().Matches(m.Groups[2].Value))
            {
                steps.Add(new Step("", s.Groups[1].Value));
            }
        }

        return steps.Count == 0 ? null : steps;
    }

    /// <summary>The node with the value set at <paramref name="steps"/>[<paramref name="at"/>..]; null when the path does not fit (a problem says why).</summary>
    private static YNode? Set(YNode node, List<Step> steps, int at, YScalar value, string path, Position marker, Problems problems)
    {
        if (at == steps.Count)
        {
            return value;
        }

        Step step = steps[at];
        if (step.Selector is null)
        {
            if (node is not YMapping map)
            {
                problems.Add(marker, path, $"'{step.Key}' cannot be set: the value before it is {node.Shape}, not a mapping", "check the path against the scenario");
                return null;
            }

            var entries = map.Entries.ToList();
            int i = entries.FindIndex(e => e.Key.Value == step.Key);
            YNode child = i >= 0 ? entries[i].Value : new YMapping(marker, []);
            YNode? replaced = Set(child, steps, at + 1, value, path, marker, problems);
            if (replaced is null)
            {
                return null;
            }

            if (i >= 0)
            {
                entries[i] = entries[i] with { Value = replaced };
            }
            else
            {
                entries.Add(new YEntry(new YScalar(marker, step.Key, plain: true), replaced));
            }

            return new YMapping(map.Start, entries);
        }

        if (node is not YSequence seq)
        {
            problems.Add(marker, path, $"[{step.Selector}] picks a list item, but the value there is {node.Shape}", "check the path against the scenario");
            return null;
        }

        if (step.Selector == "*")
        {
            // Every item of the list gets the rest of the path.
            var all = new List<YNode>();
            foreach (YNode each in seq.Items)
            {
                if (Set(each, steps, at + 1, value, path, marker, problems) is not { } set)
                {
                    return null;
                }

                all.Add(set);
            }

            return new YSequence(seq.Start, all);
        }

        int index = Pick(seq, step.Selector, out string? why);
        if (index < 0)
        {
            problems.Add(marker, path, why!, "name an item that is in the list, as written in the scenario");
            return null;
        }

        YNode? item = Set(seq.Items[index], steps, at + 1, value, path, marker, problems);
        if (item is null)
        {
            return null;
        }

        var items = seq.Items.ToList();
        items[index] = item;
        return new YSequence(seq.Start, items);
    }

    private static int Pick(YSequence seq, string selector, out string? why)
    {
        why = null;
        if (int.TryParse(selector, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n))
        {
            if (n < seq.Items.Count)
            {
                return n;
            }

            why = $"[{n}] is past the end of a list of {seq.Items.Count}";
            return -1;
        }

        int eq = selector.IndexOf('=', StringComparison.Ordinal);
        string key = eq > 0 ? selector[..eq].Trim() : "name";
        string wanted = eq > 0 ? selector[(eq + 1)..].Trim() : selector.Trim();
        var names = new List<string>();
        for (int i = 0; i < seq.Items.Count; i++)
        {
            if (seq.Items[i] is YMapping m && m.Entries.FirstOrDefault(e => e.Key.Value == key)?.Value is YScalar s)
            {
                if (s.Value == wanted)
                {
                    return i;
                }

                names.Add(s.Value);
            }
        }

        why = $"no item with {key} '{wanted}' (the list has: {(names.Count == 0 ? "none" : string.Join(", ", names))})";
        return -1;
    }
}
