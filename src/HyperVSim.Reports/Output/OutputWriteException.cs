namespace HyperVSim.Reports.Output;

/// <summary>An output file could not be written; names the file and the operating system's reason.</summary>
public sealed class OutputWriteException(string path, Exception inner)
    : IOException($"cannot write {path}: {inner.Message}", inner)
{
    /// <summary>The full path of the file that could not be written.</summary>
    public string OutputPath { get; } = path;
}
