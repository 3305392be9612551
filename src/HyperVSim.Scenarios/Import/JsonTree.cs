using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HyperVSim.Scenarios.Import;

/// <summary>
/// A JSON value with where it was written: its path (<c>vms[3].memory.startupBytes</c>) and 1-based line and column,
/// so an inventory's problems can be reported at the value (System.Text.Json's document model keeps no positions).
/// </summary>
internal sealed class JNode
{
    private JNode(JsonValueKind kind, string path, int line, int column)
    {
        Kind = kind;
        Path = path;
        Line = line;
        Column = column;
    }

    public JsonValueKind Kind { get; }

    public string Path { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>An object's members in file order (empty for other kinds).</summary>
    public List<KeyValuePair<string, JNode>> Members { get; } = [];

    /// <summary>An array's items (empty for other kinds).</summary>
    public List<JNode> Items { get; } = [];

    /// <summary>A string's value, or a number's text as written.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The member <paramref name="name"/>, or null when absent.</summary>
    public JNode? this[string name] => Members.FirstOrDefault(m => m.Key == name).Value;

    public bool IsNull => Kind == JsonValueKind.Null;

    /// <summary>What the value is, in words, for messages.</summary>
    public string Describe() => Kind switch
    {
        JsonValueKind.String => $"the string \"{Shorten(Text)}\"",
        JsonValueKind.Number => $"the number {Shorten(Text)}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";

    /// <summary>Parses <paramref name="bytes"/> of <paramref name="file"/>; a syntax error is an <see cref="ImportException"/> with <paramref name="fix"/>.</summary>
    public static JNode Parse(byte[] bytes, string file, string fix)
    {
        try
        {
            return Parse(bytes);
        }
        catch (JsonTreeException ex)
        {
            throw new ImportException([new ScenarioError(file, ex.Line, ex.Column, "", ex.Message, fix)]);
        }
    }

    /// <summary>Parses <paramref name="bytes"/> (UTF-8); a syntax error throws <see cref="JsonTreeException"/> with its line and column.</summary>
    public static JNode Parse(byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            throw new JsonTreeException(1, 1, "the file is UTF-16 (as Out-File writes in Windows PowerShell), not UTF-8");
        }

        // A UTF-8 byte-order mark (an editor may add one) is skipped; positions stay those of the file.
        int bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var lines = new LineMap(bytes, bom);
        var reader = new Utf8JsonReader(bytes.AsSpan(bom), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        try
        {
            if (!reader.Read())
            {
                throw new JsonTreeException(1, 1, "the file is empty: an inventory is one JSON object");
            }

            JNode root = ReadValue(ref reader, "", lines);
            if (reader.Read())
            {
                (int l, int c) = lines.At(bom + (int)reader.TokenStartIndex);
                throw new JsonTreeException(l, c, "more JSON after the end of the inventory object");
            }

            return root;
        }
        catch (JsonException ex)
        {
            // LineNumber and BytePositionInLine are 0-based, in bytes; a file cut short reports the position of its end.
            (int line, int column) = lines.AtLineByte((int)(ex.LineNumber ?? 0), (int)(ex.BytePositionInLine ?? 0));
            string reason = ex.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
            throw new JsonTreeException(line, column, $"not valid JSON ({reason})");
        }
    }

    private static JNode ReadValue(ref Utf8JsonReader reader, string path, LineMap lines)
    {
        (int line, int column) = lines.At(lines.Bom + (int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var node = new JNode(JsonValueKind.Object, path, line, column);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string name = reader.GetString()!;
                    (int nl, int nc) = lines.At(lines.Bom + (int)reader.TokenStartIndex);
                    if (node.Members.Any(m => m.Key == name))
                    {
                        throw new JsonTreeException(nl, nc, $"{Join(path, name)}: the key \"{name}\" is written twice in one object");
                    }

                    reader.Read();
                    node.Members.Add(new(name, ReadValue(ref reader, Join(path, name), lines)));
                }

                return node;
            }

            case JsonTokenType.StartArray:
            {
                var node = new JNode(JsonValueKind.Array, path, line, column);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    node.Items.Add(ReadValue(ref reader, $"{path}[{node.Items.Count}]", lines));
                }

                return node;
            }

            case JsonTokenType.String:
                return new JNode(JsonValueKind.String, path, line, column) { Text = reader.GetString()! };
            case JsonTokenType.Number:
                return new JNode(JsonValueKind.Number, path, line, column) { Text = Encoding.UTF8.GetString(reader.ValueSpan) };
            case JsonTokenType.True:
                return new JNode(JsonValueKind.True, path, line, column);
            case JsonTokenType.False:
                return new JNode(JsonValueKind.False, path, line, column);
            default:
                return new JNode(JsonValueKind.Null, path, line, column);
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    /// <summary>Byte offsets to 1-based line and column; the column counts characters (UTF-8 sequences), not bytes.</summary>
    private sealed class LineMap(byte[] bytes, int bom)
    {
        private readonly List<int> starts = Starts(bytes);

        /// <summary>Bytes of the byte-order mark the reader was not given.</summary>
        public int Bom => bom;

        public (int Line, int Column) At(int offset)
        {
            int i = starts.BinarySearch(offset);
            int lineIndex = i >= 0 ? i : ~i - 1;
            int column = 1;
            for (int b = Math.Max(starts[lineIndex], lineIndex == 0 ? bom : 0); b < offset && b < bytes.Length; b++)
            {
                if ((bytes[b] & 0xC0) != 0x80)
                {
                    column++;
                }
            }

            return (lineIndex + 1, column);
        }

        /// <summary>The position of byte <paramref name="byteInLine"/> of 0-based line <paramref name="line"/> as the reader counts them (after the mark).</summary>
        public (int Line, int Column) AtLineByte(int line, int byteInLine)
        {
            int start = line < starts.Count ? starts[line] : starts[^1];
            return At(Math.Min(bytes.Length, start + (line == 0 ? bom : 0) + byteInLine));
        }

        private static List<int> Starts(byte[] bytes)
        {
            var s = new List<int> { 0 };
            for (int i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    s.Add(i + 1);
                }
            }

            return s;
        }
    }

    /// <summary>The number as a whole 64-bit integer, or null when it is not one (a fraction, an exponent, too large).</summary>
    public long? AsLong() => Kind == JsonValueKind.Number && long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v) ? v : null;

    /// <summary>The number as a double, or null when this is not a number.</summary>
    public double? AsDouble() => Kind == JsonValueKind.Number && double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;
}

/// <summary>The text is not JSON; <see cref="Line"/> and <see cref="Column"/> are 1-based.</summary>
internal sealed class JsonTreeException(int line, int column, string message) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
