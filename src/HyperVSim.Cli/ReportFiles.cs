using HyperVSim.Model.Results;
using HyperVSim.Reports.Csv;
using HyperVSim.Reports.Html;
using HyperVSim.Reports.Json;
using HyperVSim.Reports.Markdown;
using HyperVSim.Reports.Output;
using HyperVSim.Reports.Trace;

namespace HyperVSim.Cli;

/// <summary>
/// Writes the requested report files as one <see cref="OutputSet"/>: all are rendered to temporary names first and
/// moved into place only when every one succeeded, so a failure leaves none of them half-written or new.
/// </summary>
internal static class ReportFiles
{
    /// <summary>The outputs of <paramref name="paths"/> for <see cref="OutputCheck"/>.</summary>
    public static IEnumerable<OutputTarget?> Targets(OutputPaths paths) =>
    [
        OutputTarget.For("--json", paths.Json),
        OutputTarget.For("--csv", paths.CsvDirectory),
        OutputTarget.For("--markdown", paths.Markdown),
        OutputTarget.For("--html", paths.Html),
        OutputTarget.For("--trace", paths.Trace),
    ];

    /// <exception cref="OutputWriteException">A file could not be written; none of the outputs was changed.</exception>
    public static void Write(SimulationResult result, OutputPaths paths, CliContext ctx)
    {
        using var set = new OutputSet();
        if (paths.Json is { } json)
        {
            set.Add(json, s => JsonReport.Write(result, s));
        }

        if (paths.CsvDirectory is { } dir)
        {
            set.CreateFolder(dir);
            foreach (var (file, text) in CsvReport.Tables(result))
            {
                set.AddText(Path.Combine(dir, file), text);
            }
        }

        if (paths.Markdown is { } md)
        {
            set.AddText(md, MarkdownReport.ToMarkdown(result));
        }

        if (paths.Html is { } html)
        {
            set.Add(html, s => HtmlReport.Write(result, s));
        }

        if (paths.Trace is { } trace)
        {
            set.Add(trace, s => ChromeTrace.Write(result, s));
        }

        string[] written = set.Destinations.ToArray();
        set.Commit();
        foreach (string path in written)
        {
            ctx.Log.Information("Wrote {Path}", path);
        }
    }
}
