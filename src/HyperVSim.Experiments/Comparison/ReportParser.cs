using System.Globalization;
using System.Text.Json;

namespace HyperVSim.Experiments.Comparison;

/// <summary>
/// Reads a JSON report (<c>hypervsim.report/v1</c>) into comparable records. Identities: a migration is its VM,
/// request time and kind (the n-th such when several match); a drain is its host and request time; a VM is its name;
/// a failover is its fault, target and occurrence (<c>host hv3 #1</c>, the n-th fault of that kind on that target), its
/// outcome <c>recovered</c> or <c>not recovered: VM, VM</c>; a disk is VM/disk; a boot is its VM and occurrence
/// (<c>web1 #1</c>), its outcome its result; a boot storm is its generation, its outcome how many ran. A report without
/// <c>failovers</c> (older baselines), <c>disks</c>, <c>boots</c> or <c>bootStorms</c> has none.
/// </summary>
public static class ReportParser
{
    public const string Schema = "hypervsim.report/v1";

    /// <summary>The metrics compared for each record kind; higher is worse for every one of them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> MetricsByKind = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["migration"] = ["totalSeconds", "queuedSeconds", "blackoutSeconds", "bytesOnWire", "rounds", "cpuSeconds", "degradedSeconds", "stallSeconds"],
        ["drain"] = ["totalSeconds"],
        ["vm"] = ["downtimeSeconds", "outages"],
        ["failover"] = ["recoverySeconds"],

        // latencyMs.mean and latencyMs.p95 of disks[]; IOPS are not compared (higher is better there).
        ["disk"] = ["latencyMsMean", "latencyMsP95"],

        // boots[]: time queued for placement and a start slot, and from the slot to a running guest (null when it never ran).
        ["boot"] = ["waitSeconds", "bootSeconds"],

        // bootStorms[]: one per VM generation, from the first start request to the last guest running.
        ["storm"] = ["stormSeconds", "meanBootSeconds", "maxBootSeconds", "meanWaitSeconds"],
    };

    /// <summary>Metrics only some records have (a post-copy migration's degraded and stall times): compared when present.</summary>
    public static readonly IReadOnlySet<string> Optional = new HashSet<string>(StringComparer.Ordinal) { "degradedSeconds", "stallSeconds" };

    public static ReportSnapshot Parse(string json, string source)
    {
        using JsonDocument doc = ReportFields.Open(json, source);
        JsonElement root = doc.RootElement;
        string scenario = root.TryGetProperty("scenario", out JsonElement sc) && sc.ValueKind == JsonValueKind.String ? sc.GetString()! : "?";
        var records = new List<RecordMetrics>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (m, at) in ReportFields.Records(root, "migrations", source))
        {
            string baseId = $"{ReportFields.String(m, "vm", at, source)} requested at {ReportFields.Number(m, "requestedAt", at, source).ToString("0.######", CultureInfo.InvariantCulture)}s ({ReportFields.String(m, "kind", at, source)})";
            int n = seen[baseId] = seen.GetValueOrDefault(baseId) + 1;
            records.Add(Record("migration", n == 1 ? baseId : $"{baseId} #{n}", ReportFields.String(m, "result", at, source), m, at, source));
        }

        foreach (var (d, at) in ReportFields.Records(root, "drains", source))
        {
            records.Add(Record("drain", $"{ReportFields.String(d, "host", at, source)} requested at {ReportFields.Number(d, "requestedAt", at, source).ToString("0.######", CultureInfo.InvariantCulture)}s", null, d, at, source));
        }

        foreach (var (v, at) in ReportFields.Records(root, "vms", source))
        {
            records.Add(Record("vm", ReportFields.String(v, "name", at, source), ReportFields.String(v, "state", at, source), v, at, source));
        }

        var faults = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (f, at) in ReportFields.Records(root, "failovers", source))
        {
            string key = $"{ReportFields.String(f, "fault", at, source)} {ReportFields.String(f, "target", at, source)}";
            _ = ReportFields.Number(f, "at", at, source);
            int n = faults[key] = faults.GetValueOrDefault(key) + 1;
            records.Add(Record("failover", $"{key} #{n}", Recovery(f, at, source), f, at, source));
        }

        foreach (var (d, at) in ReportFields.Records(root, "disks", source))
        {
            records.Add(Disk(d, at, source));
        }

        var boots = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (b, at) in ReportFields.Records(root, "boots", source))
        {
            string vm = ReportFields.String(b, "vm", at, source);
            int n = boots[vm] = boots.GetValueOrDefault(vm) + 1;
            records.Add(Record("boot", $"{vm} #{n}", ReportFields.String(b, "result", at, source), b, at, source));
        }

        foreach (var (s, at) in ReportFields.Records(root, "bootStorms", source))
        {
            string generation = ReportFields.Number(s, "generation", at, source).ToString("0", CultureInfo.InvariantCulture);
            string running = $"{ReportFields.Number(s, "running", at, source).ToString("0", CultureInfo.InvariantCulture)} of {ReportFields.Number(s, "boots", at, source).ToString("0", CultureInfo.InvariantCulture)} running";
            records.Add(Record("storm", $"generation {generation}", running, s, at, source));
        }

        return new ReportSnapshot(source, scenario, records);
    }

    /// <summary>
    /// A record's metrics. Each must be present; null means "none" (a migration that never finished has no
    /// totalSeconds) and is left out; anything else must be a finite number that is not negative.
    /// </summary>
    private static RecordMetrics Record(string kind, string id, string? outcome, JsonElement e, string at, string source)
    {
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (string metric in MetricsByKind[kind])
        {
            if (!e.TryGetProperty(metric, out JsonElement v))
            {
                if (Optional.Contains(metric))
                {
                    continue;
                }

                throw new ReportFormatException(source, $"{at}.{metric}", $"missing: {kind} '{id}' has no \"{metric}\"");
            }

            if (v.ValueKind != JsonValueKind.Null)
            {
                metrics[metric] = ReportFields.Number(e, metric, at, source);
            }
        }

        return new RecordMetrics(kind, id, outcome, metrics);
    }

    /// <summary>A disk (VM/disk) with its latency's mean and 95th percentile in milliseconds.</summary>
    private static RecordMetrics Disk(JsonElement d, string at, string source)
    {
        string id = $"{ReportFields.String(d, "vm", at, source)}/{ReportFields.String(d, "disk", at, source)}";
        if (!d.TryGetProperty("latencyMs", out JsonElement latency) || latency.ValueKind != JsonValueKind.Object)
        {
            throw new ReportFormatException(source, $"{at}.latencyMs", $"missing or not an object: disk '{id}' needs \"latencyMs\": {{ \"mean\", \"p95\" }}");
        }

        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["latencyMsMean"] = ReportFields.Number(latency, "mean", $"{at}.latencyMs", source),
            ["latencyMsP95"] = ReportFields.Number(latency, "p95", $"{at}.latencyMs", source),
        };
        return new RecordMetrics("disk", id, null, metrics);
    }

    /// <summary>A failover's outcome: <c>recovered</c>, or <c>not recovered</c> with the VMs that did not run again.</summary>
    private static string Recovery(JsonElement f, string at, string source)
    {
        string[] vms = ReportFields.Objects(f, "notRecovered", at, source).Select(n => ReportFields.String(n.Element, "vm", n.Path, source)).ToArray();
        bool unfinished = f.TryGetProperty("recoverySeconds", out JsonElement r) && r.ValueKind == JsonValueKind.Null;
        return vms.Length > 0 ? "not recovered: " + string.Join(", ", vms) : unfinished ? "not recovered" : "recovered";
    }
}
