namespace HyperVSim.Cli;

/// <summary>The report files a run was asked to write (null: not wanted).</summary>
internal sealed record OutputPaths(string? Json, string? CsvDirectory, string? Markdown, string? Html, string? Trace);
