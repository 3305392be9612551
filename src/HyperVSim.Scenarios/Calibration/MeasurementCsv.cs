using System.Globalization;
using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Scenarios.Calibration;

/// <summary>
/// One row of a calibration CSV as read (docs/calibrate.md "The CSV"): its line, VM memory in bytes, option, link speed
/// in bits/s, concurrency, measured total seconds, and the optional blackout (seconds), bytes and count of VMs.
/// </summary>
public sealed record MeasurementRow(int Line, long VmMemoryBytes, string Option, double LinkBitsPerSecond, int Concurrency, double TotalSeconds, double? BlackoutSeconds, double? Bytes, int? Count);

/// <summary>
/// Reads a CSV of measured live migrations: a header naming the columns (any order; columns it does not know, such as
/// <c>vm</c> or <c>started</c> from <c>import-events</c>, are ignored), then one row per measurement. Lines starting
/// with <c>#</c> and blank lines are skipped; fields may be double-quoted. Every problem names file, line, column and
/// the fix (thrown together as a <see cref="ScenarioException"/>).
/// </summary>
public static class MeasurementCsv
{
    /// <summary>The columns every row needs.</summary>
    public static readonly IReadOnlyList<string> Required = ["vm_memory", "option", "link_speed", "concurrency", "total_s"];

    /// <summary>The columns a row may leave empty or the file may leave out.</summary>
    public static readonly IReadOnlyList<string> Optional = ["blackout_ms", "bytes", "count"];

    private static readonly string[] Options = ["tcpip", "compression", "smb"];

    public static IReadOnlyList<MeasurementRow> LoadFile(string path)
    {
        string text = InputText.Read(path, "the measurements");
        return LoadText(text, path);
    }

    public static IReadOnlyList<MeasurementRow> LoadText(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<ScenarioError>();
        void Error(int line, int column, string path, string message, string fix) => errors.Add(new ScenarioError(fileName, line, column, path, message, fix));

        string[] lines = text.TrimStart('\uFEFF').Split('\n');
        Dictionary<string, int>? header = null;
        var rows = new List<MeasurementRow>();
        for (int i = 0; i < lines.Length && errors.Count < 100; i++)
        {
            int line = i + 1;
            string raw = lines[i].TrimEnd('\r');
            if (raw.Trim().Length == 0 || raw.TrimStart().StartsWith('#'))
            {
                continue;
            }

            List<(string Value, int Column)>? fields = Split(raw, out int badColumn);
            if (fields is null)
            {
                Error(line, badColumn, "", "a quoted field is not closed", "close the field with a double quote (write \"\" for a quote inside it)");
                continue;
            }

            if (header is null)
            {
                header = ReadHeader(fields, line, Error);
                if (header is null)
                {
                    break;
                }

                continue;
            }

            MeasurementRow? row = ReadRow(fields, header, line, Error);
            if (row is not null)
            {
                rows.Add(row);
            }
        }

        if (errors.Count == 0 && rows.Count == 0)
        {
            Error(header is null ? 1 : lines.Length, 1, "", header is null ? "the file has no header" : "the file has no measurements", header is null
                ? $"start with the header {string.Join(",", Required)}[,{string.Join(",", Optional)}]"
                : "add one row per measured migration under the header");
        }

        return errors.Count > 0 ? throw new ScenarioException(errors) : rows;
    }

    private delegate void Report(int line, int column, string path, string message, string fix);

    private static Dictionary<string, int>? ReadHeader(List<(string Value, int Column)> fields, int line, Report error)
    {
        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < fields.Count; c++)
        {
            string name = fields[c].Value.Trim().ToLowerInvariant();
            if (!header.TryAdd(name, c) && (Required.Contains(name) || Optional.Contains(name)))
            {
                error(line, fields[c].Column, name, $"the column '{name}' appears twice", "keep one of them");
            }
        }

        bool ok = true;
        foreach (string need in Required.Where(n => !header.ContainsKey(n)))
        {
            string? near = Suggestions.Closest(need, header.Keys.ToArray());
            error(line, 1, need, $"the header has no column '{need}'", near is null ? $"add it: the header needs {string.Join(", ", Required)}" : $"did you mean '{near}'? Rename it to '{need}'");
            ok = false;
        }

        return ok ? header : null;
    }

    private static MeasurementRow? ReadRow(List<(string Value, int Column)> fields, Dictionary<string, int> header, int line, Report error)
    {
        bool ok = true;
        (string Text, int Column) Cell(string name)
        {
            if (!header.TryGetValue(name, out int c))
            {
                return ("", 0);
            }

            if (c >= fields.Count)
            {
                int end = fields[^1].Column + fields[^1].Value.Length;
                return ("", -end);
            }

            return (fields[c].Value.Trim(), fields[c].Column);
        }

        T? Read<T>(string name, bool required, Func<string, T?> parse, string what, string example)
            where T : struct
        {
            (string text, int column) = Cell(name);
            if (text.Length == 0)
            {
                if (required)
                {
                    error(line, Math.Abs(column) is var at && at > 0 ? at : 1, name, column < 0 ? $"the row has no '{name}' field (too few commas)" : $"'{name}' is empty", $"write {what}, e.g. {example}");
                    ok = false;
                }

                return null;
            }

            T? value = parse(text);
            if (value is null)
            {
                error(line, column, name, $"'{text}' is not {what}", $"write {what}, e.g. {example}");
                ok = false;
            }

            return value;
        }

        long? memory = Read<long>("vm_memory", true, t => Units.TryParseSize(t, out long b) && b > 0 ? b : long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0 ? n : null, "a memory size", "4GiB, 4444MB or 4294967296 (bytes)");
        (string optionText, int optionColumn) = Cell("option");
        string option = optionText.ToLowerInvariant();
        if (!Options.Contains(option))
        {
            error(line, Math.Max(1, Math.Abs(optionColumn)), "option", optionText.Length == 0 ? "'option' is empty" : $"'{optionText}' is not a live-migration option", $"write one of: {string.Join(", ", Options)}");
            ok = false;
        }

        double? link = Read<double>("link_speed", true, t => Units.TryParseBitRate(t, out double b) && b > 0 ? b : Positive(t), "a link speed", "10Gbps or 1e10 (bits/s)");
        int? concurrency = Read<int>("concurrency", true, t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 64 ? n : null, "a whole number of migrations at once from 1 to 64", "2");
        double? total = Read("total_s", true, Positive, "a time in seconds greater than 0", "65 or 7.25");
        double? blackout = Read("blackout_ms", false, Positive, "a blackout in milliseconds greater than 0", "180 (or leave it empty)");
        double? bytes = Read<double>("bytes", false, t => Units.TryParseSize(t, out long b) && b > 0 ? b : Positive(t), "a byte count greater than 0", "4613734400 or 4.3GiB (or leave it empty)");
        int? count = Read<int>("count", false, t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 10_000 ? n : null, "a whole number of VMs from 1 to 10000", "18 (or leave it empty)");
        return ok
            ? new MeasurementRow(line, memory!.Value, option, link!.Value, concurrency!.Value, total!.Value, blackout / 1000.0, bytes, count)
            : null;
    }

    private static double? Positive(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) && v > 0 ? v : null;

    /// <summary>The fields of a line with the 1-based column each starts at; null (and the column of the opening quote) when a quote is not closed.</summary>
    private static List<(string Value, int Column)>? Split(string line, out int badColumn)
    {
        badColumn = 0;
        var fields = new List<(string, int)>();
        int i = 0;
        while (true)
        {
            int start = i;
            var value = new System.Text.StringBuilder();
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }

            if (i < line.Length && line[i] == '"')
            {
                int quote = i++;
                bool closed = false;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            value.Append('"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    value.Append(line[i++]);
                }

                if (!closed)
                {
                    badColumn = quote + 1;
                    return null;
                }

                while (i < line.Length && line[i] != ',')
                {
                    i++;
                }
            }
            else
            {
                i = start;
                while (i < line.Length && line[i] != ',')
                {
                    value.Append(line[i++]);
                }
            }

            fields.Add((value.ToString(), start + 1));
            if (i >= line.Length)
            {
                return fields;
            }

            i++;
        }
    }
}
