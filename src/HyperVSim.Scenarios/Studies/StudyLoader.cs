using System.Globalization;
using HyperVSim.Scenarios.Diagnostics;
using HyperVSim.Scenarios.Reading;
using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios.Studies;

/// <summary>
/// Reads a study file, with the same rules as scenarios: unknown keys are errors with a suggestion, and every error
/// names file, line, column and the fix (thrown together as a <see cref="ScenarioException"/>).
/// </summary>
public static class StudyLoader
{
    private static readonly string[] TopKeys = ["name", "scenario", "seed", "replications", "design", "samples", "parameters", "metrics"];
    private static readonly string[] Aggregates = ["mean", "max", "min", "sum", "count", "p50", "p95", "p99"];

    public static StudyFile LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var problems = new Problems();
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            throw new ScenarioException([new ScenarioError(path, 0, 0, "", $"cannot read the study: {ex.Message}", "check the path")]);
        }

        YNode? root = YamlTreeReader.Read(text, problems);
        StudyFile? study = root is null ? null : Read(root, path, problems);
        if (study is null || problems.Count > 0)
        {
            throw new ScenarioException(problems.ToErrors(path));
        }

        return study;
    }

    private static StudyFile? Read(YNode root, string path, Problems problems)
    {
        if (root is not YMapping map)
        {
            problems.Add(root.Start, "", $"a study is a mapping of keys, not {root.Shape}", "start with 'name:', 'scenario:' and 'parameters:'");
            return null;
        }

        foreach (YEntry e in map.Entries.Where(e => !TopKeys.Contains(e.Key.Value)))
        {
            string? near = Suggestions.Closest(e.Key.Value, TopKeys);
            problems.Add(e.Key.Start, e.Key.Value, $"'{e.Key.Value}' is not a study key", near is null ? $"use one of: {string.Join(", ", TopKeys)}" : $"did you mean '{near}'?");
        }

        YScalar? Scalar(string key, bool required)
        {
            YEntry? e = map.Entries.FirstOrDefault(x => x.Key.Value == key);
            if (e is null)
            {
                if (required)
                {
                    problems.Add(map.Start, key, $"a study needs '{key}'", key == "scenario" ? "add 'scenario: ../drain-16-hosts.yaml' (relative to the study file)" : $"add '{key}:'");
                }

                return null;
            }

            if (e.Value is YScalar s && !s.IsNull)
            {
                return s;
            }

            problems.Add(e.Value.Start, key, $"'{key}' needs a single value, not {e.Value.Shape}", $"write e.g. '{key}: 1'");
            return null;
        }

        long Whole(string key, long fallback, long min, long max)
        {
            if (Scalar(key, false) is not { } s)
            {
                return fallback;
            }

            if (long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v) && v >= min && v <= max)
            {
                return v;
            }

            problems.Add(s.Start, key, $"'{s.Value}' is not a whole number from {min} to {max}", $"write e.g. '{key}: {Math.Max(min, 1)}'");
            return fallback;
        }

        string name = Scalar("name", true)?.Value ?? "";
        string scenario = Scalar("scenario", true)?.Value ?? "";
        string full = scenario.Length == 0 ? "" : System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".", scenario));
        if (scenario.Length > 0 && !File.Exists(full))
        {
            YScalar s = Scalar("scenario", false)!;
            problems.Add(s.Start, "scenario", $"there is no scenario file '{full}'", "give the base scenario's path relative to the study file");
        }

        string design = Scalar("design", false)?.Value ?? "grid";
        if (design is not ("grid" or "latinHypercube"))
        {
            YScalar s = Scalar("design", false)!;
            problems.Add(s.Start, "design", $"'{design}' is not a design", "write 'design: grid' (every combination) or 'design: latinHypercube' with 'samples: N'");
        }

        var parameters = ReadParameters(map, design, problems);
        var metrics = ReadMetrics(map, problems);
        return new StudyFile
        {
            Name = name,
            Scenario = full,
            Seed = Whole("seed", 1, long.MinValue, long.MaxValue),
            Replications = (int)Whole("replications", 1, 1, 100_000),
            Design = design,
            Samples = (int)Whole("samples", design == "latinHypercube" ? 10 : 0, 0, 100_000),
            Parameters = parameters,
            Metrics = metrics,
            Path = path,
        };
    }

    private static List<StudyParameter> ReadParameters(YMapping map, string design, Problems problems)
    {
        var list = new List<StudyParameter>();
        YEntry? entry = map.Entries.FirstOrDefault(e => e.Key.Value == "parameters");
        if (entry is null)
        {
            return list;
        }

        if (entry.Value is not YMapping parameters)
        {
            problems.Add(entry.Value.Start, "parameters", $"'parameters' is a mapping of key paths, not {entry.Value.Shape}", "write e.g. 'cluster.liveMigration.option: [tcpip, smb]'");
            return list;
        }

        foreach (YEntry p in parameters.Entries)
        {
            string at = $"parameters.{p.Key.Value}";
            switch (p.Value)
            {
                case YSequence seq when seq.Items.All(i => i is YScalar { IsNull: false }) && seq.Items.Count > 0:
                    list.Add(new StudyParameter(p.Key.Value, seq.Items.Cast<YScalar>().Select(s => s.Value).ToArray(), null, null, p.Key.Start.Line, p.Key.Start.Column));
                    break;
                case YScalar { IsNull: false } one:
                    list.Add(new StudyParameter(p.Key.Value, [one.Value], null, null, p.Key.Start.Line, p.Key.Start.Column));
                    break;
                case YMapping range when range.Entries.Count == 2 && range.Entries.All(e => e.Key.Value is "from" or "to" && e.Value is YScalar):
                    if (design != "latinHypercube")
                    {
                        problems.Add(range.Start, at, "a range is sampled by a Latin hypercube, not a grid", "add 'design: latinHypercube' and 'samples: N', or list the values");
                    }

                    string from = ((YScalar)range.Entries.First(e => e.Key.Value == "from").Value).Value;
                    string to = ((YScalar)range.Entries.First(e => e.Key.Value == "to").Value).Value;
                    if (RangeValue.Parse(from) is not { } a || RangeValue.Parse(to) is not { } b || a.Unit != b.Unit)
                    {
                        problems.Add(range.Start, at, $"'{from}' to '{to}' is not a range of numbers with the same unit", "write e.g. '{ from: 10Gbps, to: 40Gbps }'");
                    }

                    list.Add(new StudyParameter(p.Key.Value, [], from, to, p.Key.Start.Line, p.Key.Start.Column));
                    break;
                default:
                    problems.Add(p.Value.Start, at, $"a parameter takes a list of values or a range, not {p.Value.Shape}", "write e.g. '[10Gbps, 40Gbps]' or '{ from: 10Gbps, to: 40Gbps }'");
                    break;
            }
        }

        return list;
    }

    private static List<StudyMetric> ReadMetrics(YMapping map, Problems problems)
    {
        var list = new List<StudyMetric>();
        YEntry? entry = map.Entries.FirstOrDefault(e => e.Key.Value == "metrics");
        if (entry is null)
        {
            problems.Add(map.Start, "metrics", "a study needs at least one metric", "add 'metrics: [ { name: drainSeconds, field: drains[0].totalSeconds, aggregate: mean } ]'");
            return list;
        }

        if (entry.Value is not YSequence seq)
        {
            problems.Add(entry.Value.Start, "metrics", $"'metrics' is a list, not {entry.Value.Shape}", "write '- { name: ..., field: ..., aggregate: mean }' items");
            return list;
        }

        for (int i = 0; i < seq.Items.Count; i++)
        {
            string at = $"metrics[{i}]";
            if (seq.Items[i] is not YMapping m)
            {
                problems.Add(seq.Items[i].Start, at, $"a metric is a mapping, not {seq.Items[i].Shape}", "write '{ name: ..., field: ..., aggregate: mean }'");
                continue;
            }

            string? Get(string key) => m.Entries.FirstOrDefault(e => e.Key.Value == key)?.Value is YScalar { IsNull: false } s ? s.Value : null;
            foreach (YEntry e in m.Entries.Where(e => e.Key.Value is not ("name" or "field" or "aggregate")))
            {
                problems.Add(e.Key.Start, $"{at}.{e.Key.Value}", $"'{e.Key.Value}' is not a metric key", "a metric has name, field and aggregate");
            }

            string? name = Get("name"), field = Get("field"), aggregate = Get("aggregate") ?? "mean";
            if (name is null || field is null)
            {
                problems.Add(m.Start, at, "a metric needs a name and a field", "write e.g. '{ name: drainSeconds, field: drains[0].totalSeconds }'");
                continue;
            }

            bool percentile = aggregate.Length > 1 && aggregate[0] == 'p' && double.TryParse(aggregate[1..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double q) && q >= 0 && q <= 100;
            if (!Aggregates.Contains(aggregate) && !percentile)
            {
                string? near = Suggestions.Closest(aggregate, Aggregates);
                problems.Add(m.Start, $"{at}.aggregate", $"'{aggregate}' is not an aggregate", near is null ? "use mean, max, min, sum, count or pNN (e.g. p95)" : $"did you mean '{near}'?");
            }

            if (list.Any(x => x.Name == name))
            {
                problems.Add(m.Start, $"{at}.name", $"a metric named '{name}' is already listed", "give each metric its own name");
            }

            list.Add(new StudyMetric(name, field, aggregate, m.Start.Line, m.Start.Column));
        }

        return list;
    }
}

/// <summary>A number with a unit suffix as scenarios write quantities ("10Gbps", "0.3", "16GiB").</summary>
public readonly record struct RangeValue(double Number, string Unit)
{
    public static RangeValue? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int i = 0;
        while (i < text.Length && (char.IsDigit(text[i]) || text[i] is '.' or '-' or '+'))
        {
            i++;
        }

        return i > 0 && double.TryParse(text[..i], NumberStyles.Float, CultureInfo.InvariantCulture, out double n) ? new RangeValue(n, text[i..].Trim()) : null;
    }

    public override string ToString() => Number.ToString("0.######", CultureInfo.InvariantCulture) + Unit;
}
