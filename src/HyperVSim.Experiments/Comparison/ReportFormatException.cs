namespace HyperVSim.Experiments.Comparison;

/// <summary>A report file that is not a hypervsim.report/v1 JSON document; names the file, line and column.</summary>
public sealed class ReportFormatException(string file, long line, long column, string message)
    : Exception($"{file}:{line}:{column}: {message}")
{
    public string File { get; } = file;

    public long Line { get; } = line;

    public long Column { get; } = column;
}
