namespace HyperVSim.Experiments.Comparison;

/// <summary>
/// A report file that is not a hypervsim.report/v1 JSON document, or holds a value comparison cannot use; names the
/// file and the line and column (JSON syntax) or the field's JSON path (<c>migrations[3].totalSeconds</c>).
/// </summary>
public sealed class ReportFormatException : Exception
{
    public ReportFormatException(string file, long line, long column, string message)
        : base($"{file}:{line}:{column}: {message}")
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>A bad value at <paramref name="jsonPath"/>; line and column are 0 (not known).</summary>
    public ReportFormatException(string file, string jsonPath, string message)
        : base($"{file}: {jsonPath}: {message}")
    {
        File = file;
        JsonPath = jsonPath;
    }

    public string File { get; }

    public long Line { get; }

    public long Column { get; }

    /// <summary>The JSON path of the bad value, or null for a syntax or document-level problem.</summary>
    public string? JsonPath { get; }
}
