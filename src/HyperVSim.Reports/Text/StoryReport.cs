using System.Text.Json;
using HyperVSim.Experiments.Comparison;
using HyperVSim.Model.Results;

namespace HyperVSim.Reports.Text;

/// <summary>
/// What <see cref="VmStory"/> needs from a JSON report, read back strictly: the run's length, every VM with its
/// availability and timeline, and the failovers. A field of the wrong kind, or missing, is a
/// <see cref="ReportFormatException"/> with its JSON path; a report written before failover clustering (no
/// <c>availability</c>) is refused the same way, with the path of the missing field.
/// </summary>
public sealed record StoryReport(string Scenario, double SimulatedSeconds, IReadOnlyList<VmRecord> Vms, IReadOnlyList<FailoverRecord> Failovers)
{
    /// <summary>The report's parts that tell a story, from a result in memory.</summary>
    public static StoryReport Of(SimulationResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new StoryReport(r.Scenario, r.SimulatedSeconds, r.Vms, r.Failovers);
    }

    /// <summary>Reads a <c>hypervsim.report/v1</c> JSON text; <paramref name="source"/> names it in errors.</summary>
    public static StoryReport Parse(string json, string source)
    {
        using JsonDocument doc = ReportFields.Open(json, source);
        JsonElement root = doc.RootElement;
        string scenario = root.TryGetProperty("scenario", out JsonElement sc) && sc.ValueKind == JsonValueKind.String ? sc.GetString()! : "?";
        double end = ReportFields.Number(root, "simulatedSeconds", "$", source);
        VmRecord[] vms = ReportFields.Records(root, "vms", source).Select(v => Vm(v.Element, v.Path, source)).ToArray();
        FailoverRecord[] failovers = ReportFields.Records(root, "failovers", source).Select(f => Failover(f.Element, f.Path, source)).ToArray();
        return new StoryReport(scenario, end, vms, failovers);
    }

    private static VmRecord Vm(JsonElement v, string at, string source) =>
        new(ReportFields.String(v, "name", at, source), ReportFields.StringOrNull(v, "host", at, source), ReportFields.String(v, "state", at, source),
            (int)ReportFields.Number(v, "outages", at, source), ReportFields.Number(v, "downtimeSeconds", at, source))
        {
            Availability = ReportFields.Number(v, "availability", at, source),
            Timeline = Items(v, "timeline", at, source, (e, path) => new VmTimelineEntry(
                ReportFields.Number(e, "at", path, source), ReportFields.String(e, "state", path, source),
                ReportFields.StringOrNull(e, "host", path, source), ReportFields.String(e, "reason", path, source))),
        };

    private static FailoverRecord Failover(JsonElement f, string at, string source) => new()
    {
        Fault = ReportFields.String(f, "fault", at, source),
        Target = ReportFields.String(f, "target", at, source),
        At = ReportFields.Number(f, "at", at, source),
        DetectedAt = ReportFields.NumberOrNull(f, "detectedAt", at, source),
        Detector = ReportFields.StringOrNull(f, "detector", at, source),
        Detail = ReportFields.StringOrNull(f, "detail", at, source),
        Vms = Items(f, "vms", at, source, (e, path) => new FailoverVm(
            ReportFields.String(e, "vm", path, source), ReportFields.StringOrNull(e, "host", path, source), ReportFields.NumberOrNull(e, "runningAt", path, source))
        {
            DowntimeSeconds = ReportFields.NumberOrNull(e, "downtimeSeconds", path, source),
        }),
        RecoveredAt = ReportFields.NumberOrNull(f, "recoveredAt", at, source),
        NotRecovered = Items(f, "notRecovered", at, source, (e, path) => new NotRecovered(ReportFields.String(e, "vm", path, source), ReportFields.String(e, "reason", path, source))),
    };

    private static T[] Items<T>(JsonElement e, string name, string at, string source, Func<JsonElement, string, T> read) =>
        ReportFields.Objects(e, name, at, source).Select(x => read(x.Element, x.Path)).ToArray();
}
