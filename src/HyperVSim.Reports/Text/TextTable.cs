namespace HyperVSim.Reports.Text;

/// <summary>A plain fixed-width table: a header row and left-aligned columns separated by two spaces.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void WriteTo(TextWriter w, string indent = "  ")
    {
        int[] widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        WriteRow(w, indent, headers, widths);
        foreach (string[] row in _rows)
        {
            WriteRow(w, indent, row, widths);
        }
    }

    private static void WriteRow(TextWriter w, string indent, string[] cells, int[] widths)
    {
        string line = string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i])));
        w.WriteLine(indent + line.TrimEnd());
    }
}
