using HyperVSim.Reports.Json;
using HyperVSim.Reports.Csv;
using HyperVSim.Reports.Markdown;
using HyperVSim.Reports.Trace;

namespace HyperVSim.Reports.Tests.Formats;

public sealed class ScratchDump
{
    [Fact]
    public void Dump()
    {
        foreach (var n in ReportRuns.Names)
        {
            var r = ReportRuns.Named(n.Data);
            string dir = Path.Combine("/tmp/hvsdump", n.Data);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "report.json"), JsonReport.ToJson(r));
            CsvReport.Write(r, Path.Combine(dir, "csv"));
            File.WriteAllText(Path.Combine(dir, "report.md"), MarkdownReport.ToMarkdown(r));
            using var fs = File.Create(Path.Combine(dir, "trace.json"));
            ChromeTrace.Write(r, fs);
        }
    }
}
