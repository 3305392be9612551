using System.Globalization;
using System.Text;

namespace HyperVSim.Reports.Csv;

/// <summary>Builds one RFC 4180 CSV table: comma-separated, quoted where needed, LF line ends, invariant numbers.</summary>
internal sealed class CsvTable(params string[] columns)
{
    private readonly StringBuilder _text = new StringBuilder().AppendJoin(',', columns).Append('\n');

    public void Row(params object?[] cells)
    {
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"row has {cells.Length} cells for {columns.Length} columns");
        }

        _text.AppendJoin(',', cells.Select(Format)).Append('\n');
    }

    public override string ToString() => _text.ToString();

    private static string Format(object? cell) => cell switch
    {
        null => string.Empty,
        double d => Math.Round(d, 9, MidpointRounding.AwayFromZero).ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(cell.ToString() ?? string.Empty),
    };

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
