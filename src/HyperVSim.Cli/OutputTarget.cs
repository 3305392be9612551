using HyperVSim.Reports.Csv;

namespace HyperVSim.Cli;

/// <summary>
/// One output a command was asked to write: the option that named it, the path, and for a folder output
/// (<c>--csv DIR</c>, <c>baseline update --out DIR</c>) the names of the files written inside it. ExampleName is the
/// name suggested when a folder is given where a file belongs, or a file where a folder belongs.
/// </summary>
internal sealed record OutputTarget(string Option, string Path, string ExampleName, IReadOnlyList<string>? FilesInside = null)
{
    /// <summary>Options of any command that name a file or folder to write.</summary>
    public static readonly IReadOnlyList<string> Options = ["--json", "--csv", "--markdown", "--html", "--trace", "--junit", "--out", "--log-file", "--overlay"];

    public bool IsFolder => FilesInside is not null;

    /// <summary>Every file this output writes.</summary>
    public IEnumerable<string> Files => IsFolder ? FilesInside!.Select(f => System.IO.Path.Combine(Path, f)) : [Path];

    /// <summary>
    /// The output of <paramref name="option"/> (one of <see cref="Options"/>) at <paramref name="path"/>; null when the
    /// option was not given. <paramref name="filesInside"/>: for <c>--out</c>, the files it will hold.
    /// </summary>
    public static OutputTarget? For(string option, string? path, IReadOnlyList<string>? filesInside = null) => path is null ? null : option switch
    {
        "--csv" => new OutputTarget(option, path, "csv", CsvReport.FileNames),
        "--out" => new OutputTarget(option, path, "baselines", filesInside ?? []),
        "--json" => new OutputTarget(option, path, "report.json"),
        "--markdown" => new OutputTarget(option, path, "report.md"),
        "--html" => new OutputTarget(option, path, "report.html"),
        "--trace" => new OutputTarget(option, path, "trace.json"),
        "--junit" => new OutputTarget(option, path, "junit.xml"),
        "--log-file" => new OutputTarget(option, path, "hypervsim.log"),
        "--overlay" => new OutputTarget(option, path, "fitted.yaml"),
        _ => throw new ArgumentOutOfRangeException(nameof(option), option, "not an output option"),
    };
}
