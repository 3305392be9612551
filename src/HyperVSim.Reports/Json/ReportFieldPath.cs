using System.Text.Json;

namespace HyperVSim.Reports.Json;

/// <summary>
/// The numbers at a field path of a JSON report, for study metrics: keys joined by dots, <c>[N]</c> for one list item,
/// <c>[]</c> for every item, <c>[name=X]</c> (or another key) for the item whose field is X:
/// <c>drains[0].totalSeconds</c>, <c>migrations[].blackoutSeconds</c>, <c>vms[name=sql1].downtimeSeconds</c>.
/// Nulls and missing items give no value.
/// </summary>
public static class ReportFieldPath
{
    public static IReadOnlyList<double> Values(string reportJson, string path)
    {
        ArgumentNullException.ThrowIfNull(reportJson);
        using JsonDocument doc = JsonDocument.Parse(reportJson);
        return Values(doc.RootElement, path);
    }

    /// <summary>The numbers at <paramref name="path"/> of a report already parsed (a study reads all its metrics from one parse).</summary>
    public static IReadOnlyList<double> Values(JsonElement report, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var found = new List<double>();
        Walk(report, Steps(path), 0, found, countAny: false);
        return found;
    }

    /// <summary>How many non-null values of any kind sit at <paramref name="path"/> (for the <c>count</c> aggregate: VM names, reasons...).</summary>
    public static int Count(string reportJson, string path)
    {
        ArgumentNullException.ThrowIfNull(reportJson);
        using JsonDocument doc = JsonDocument.Parse(reportJson);
        return Count(doc.RootElement, path);
    }

    /// <summary><see cref="Count(string, string)"/> on a report already parsed.</summary>
    public static int Count(JsonElement report, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var found = new List<double>();
        Walk(report, Steps(path), 0, found, countAny: true);
        return found.Count;
    }

    /// <summary>The report's top-level field a path starts in (<c>drains</c> for <c>drains[0].totalSeconds</c>): what <see cref="JsonReport.Read{T}(HyperVSim.Model.Results.SimulationResult, IReadOnlySet{string}?, Func{JsonElement, T})"/> must write for it.</summary>
    public static string Section(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Steps(path)[0];
    }

    private static List<string> Steps(string path)
    {
        var steps = new List<string>();
        foreach (string part in path.Split('.'))
        {
            int b = part.IndexOf('[', StringComparison.Ordinal);
            steps.Add(b < 0 ? part : part[..b]);
            while (b >= 0)
            {
                int e = part.IndexOf(']', b);
                if (e < 0)
                {
                    throw new FormatException($"'{path}': '[' without ']'");
                }

                steps.Add(part[b..(e + 1)]);
                b = part.IndexOf('[', e);
            }
        }

        return steps;
    }

    private static void Walk(JsonElement node, List<string> steps, int at, List<double> found, bool countAny)
    {
        if (at == steps.Count)
        {
            if (node.ValueKind == JsonValueKind.Number)
            {
                found.Add(node.GetDouble());
            }
            else if (countAny && node.ValueKind != JsonValueKind.Null)
            {
                found.Add(0);
            }

            return;
        }

        string step = steps[at];
        if (!step.StartsWith('['))
        {
            if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(step, out JsonElement child))
            {
                Walk(child, steps, at + 1, found, countAny);
            }

            return;
        }

        if (node.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        string selector = step[1..^1];
        int i = 0;
        foreach (JsonElement item in node.EnumerateArray())
        {
            if (Matches(item, i++, selector))
            {
                Walk(item, steps, at + 1, found, countAny);
            }
        }
    }

    private static bool Matches(JsonElement item, int index, string selector)
    {
        if (selector is "" or "*")
        {
            return true;
        }

        if (int.TryParse(selector, out int n))
        {
            return n == index;
        }

        int eq = selector.IndexOf('=', StringComparison.Ordinal);
        string key = eq > 0 ? selector[..eq] : "name", value = eq > 0 ? selector[(eq + 1)..] : selector;
        return item.ValueKind == JsonValueKind.Object && item.TryGetProperty(key, out JsonElement v) && v.ToString() == value;
    }
}
