using HyperVSim.Model.Results;
using HyperVSim.Reports.Csv;
using HyperVSim.Reports.Html;
using HyperVSim.Reports.Json;
using HyperVSim.Reports.Markdown;
using HyperVSim.Reports.Output;
using HyperVSim.Reports.Trace;

namespace HyperVSim.Cli;

/// <summary>Writes the requested report files, each atomically (temporary name, then moved into place).</summary>
internal static class ReportFiles
{
    public static void Write(SimulationResult result, OutputPaths paths, CliContext ctx)
    {
        if (paths.Json is { } json)
        {
            AtomicFile.Write(json, s => JsonReport.Write(result, s));
            ctx.Log.Information("Wrote {Path}", json);
        }

        if (paths.CsvDirectory is { } dir)
        {
            CsvReport.Write(result, dir);
            ctx.Log.Information("Wrote CSV tables into {Path}", dir);
        }

        if (paths.Markdown is { } md)
        {
            AtomicFile.WriteText(md, MarkdownReport.ToMarkdown(result));
            ctx.Log.Information("Wrote {Path}", md);
        }

        if (paths.Html is { } html)
        {
            AtomicFile.Write(html, s => HtmlReport.Write(result, s));
            ctx.Log.Information("Wrote {Path}", html);
        }

        if (paths.Trace is { } trace)
        {
            AtomicFile.Write(trace, s => ChromeTrace.Write(result, s));
            ctx.Log.Information("Wrote {Path}", trace);
        }
    }
}
