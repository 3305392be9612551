using System.Globalization;
using System.Text;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Text;

namespace HyperVSim.Reports.Markdown;

/// <summary>
/// A Markdown summary for pull-request comments and wikis: GitHub-flavoured tables of migrations, drains and VMs, and
/// when the run had faults, the failovers, the VMs that did not run again, and the quorum's changes.
/// </summary>
public static partial class MarkdownReport
{
    public static string ToMarkdown(SimulationResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"## HyperVSim: {Cell(r.Scenario)}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Seed {r.Seed}, simulated {HumanUnits.Seconds(r.SimulatedSeconds)}; {r.Migrations.Count} migrations, {r.Migrations.Count(m => m.Result == MigrationResult.Completed)} completed, {r.Migrations.Count(m => m.Result == MigrationResult.Failed)} failed.\n\n");
        if (r.Migrations.Count > 0)
        {
            md.Append("### Live migrations\n\n");
            md.Append("| VM | From | To | Strategy | Option | Queued | Total | Blackout | Passes | Sent | Limited by | Result |\n");
            md.Append("| --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
            foreach (MigrationRecord m in r.Migrations)
            {
                md.Append(CultureInfo.InvariantCulture,
                    $"| {Cell(m.Vm)} | {Cell(m.From)} | {Cell(m.To ?? "-")} | {m.Strategy}{(m.Fallback is { } fellBack ? $" ({Cell(fellBack)})" : string.Empty)} | {m.Option} | {HumanUnits.Seconds(m.QueuedSeconds)} | {(m.TotalSeconds is { } t ? HumanUnits.Seconds(t) : "-")} | {(m.Result == MigrationResult.Completed ? HumanUnits.Seconds(m.BlackoutSeconds) : "-")} | {m.Rounds} | {HumanUnits.Bytes(m.BytesOnWire)} | {Cell(m.LimitedBy?.Name ?? "-")} | {Cell(WireNames.Of(m.Result) + (m.Reason is null ? string.Empty : ": " + m.Reason))} |\n");
            }

            md.Append('\n');
        }

        if (r.Drains.Count > 0)
        {
            md.Append("### Node drains\n\n| Host | Requested | Took | VMs | Moved | Failed |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
            foreach (DrainRecord d in r.Drains)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {Cell(d.Host)} | {HumanUnits.Seconds(d.RequestedAt)} | {(d.TotalSeconds is { } s ? HumanUnits.Seconds(s) : "unfinished")} | {d.Vms} | {d.Moved} | {d.Failed} |\n");
            }

            md.Append('\n');
        }

        md.Append("### VMs\n\n| VM | Host | State | Outages | Downtime | Availability |\n| --- | --- | --- | ---: | ---: | ---: |\n");
        foreach (VmRecord v in r.Vms)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(v.Name)} | {Cell(v.Host ?? "-")} | {v.State} | {v.Outages} | {HumanUnits.Seconds(v.DowntimeSeconds)} | {HumanUnits.Percent(v.Availability)} |\n");
        }

        Failovers(md, r);
        Quorum(md, r);
        Storage(md, r);
        Operations(md, r);
        Boots(md, r);
        return md.ToString();
    }

    private static void Failovers(StringBuilder md, SimulationResult r)
    {
        if (r.Failovers.Count == 0)
        {
            return;
        }

        md.Append("\n### Failovers\n\n| Fault | Target | At | Detected | Detector | VMs | Recovered in |\n| --- | --- | ---: | ---: | --- | ---: | ---: |\n");
        foreach (FailoverRecord f in r.Failovers)
        {
            string detected = f.DetectedAt is { } d ? "+" + HumanUnits.Seconds(d - f.At) : "not detected";
            string recovered = f.RecoverySeconds is { } s ? HumanUnits.Seconds(s) : $"not recovered ({f.NotRecovered.Count})";
            md.Append(CultureInfo.InvariantCulture,
                $"| {Cell(f.Fault)} | {Cell(f.Target)} | {HumanUnits.Seconds(f.At)} | {detected} | {Cell(f.Detector ?? "-")} | {f.Vms.Count} | {recovered} |\n");
        }

        var lost = r.Failovers.SelectMany(f => f.NotRecovered.Select(n => (f, n))).ToList();
        if (lost.Count > 0)
        {
            md.Append("\n#### Not recovered\n\n");
            foreach (var (f, n) in lost)
            {
                md.Append(CultureInfo.InvariantCulture, $"- **{Cell(n.Vm)}** after {Cell(f.Fault)} {Cell(f.Target)} failed at {HumanUnits.Seconds(f.At)}: {Cell(n.Reason)}\n");
            }
        }
    }

    private static void Quorum(StringBuilder md, SimulationResult r)
    {
        if (r.Quorum.Count == 0)
        {
            return;
        }

        md.Append("\n### Quorum\n\n| At | Votes | Quorum | Nodes | Witness votes | Why |\n| ---: | ---: | --- | ---: | --- | --- |\n");
        foreach (QuorumRecord q in r.Quorum)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {HumanUnits.Seconds(q.At)} | {q.Votes} | {(q.Has ? "yes" : "**lost**")} | {q.Nodes} | {(q.WitnessVote ? "yes" : "no")} | {Cell(q.Reason)} |\n");
        }
    }

    /// <summary>Disk I/O, volumes and Storage QoS events; nothing when no disk has an I/O workload.</summary>
    private static void Storage(StringBuilder md, SimulationResult r)
    {
        if (r.Disks.Count == 0)
        {
            return;
        }

        md.Append("\n### Disks\n\n| VM | Disk | Volume | IOPS | Normalized IOPS | Latency | p95 | Read | Written |\n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (DiskRecord d in r.Disks)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {Cell(d.Vm)} | {Cell(d.Disk)} | {Cell(d.Volume ?? "-")} | {d.Iops:N0} | {d.NormalizedIops:N0} | {d.LatencyMs:0.00} ms | {d.LatencyP95Ms:0.00} ms | {HumanUnits.Bytes(d.BytesRead)} | {HumanUnits.Bytes(d.BytesWritten)} |\n");
        }

        md.Append("\n### Volumes\n\n| Volume | Kind | Utilisation | Peak | IOPS |\n| --- | --- | ---: | ---: | ---: |\n");
        foreach (VolumeRecord v in r.Volumes)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(v.Name)} | {v.Kind} | {HumanUnits.Percent(v.UtilisationMean)} | {HumanUnits.Percent(v.UtilisationPeak)} | {v.Iops:N0} |\n");
        }

        if (r.QosEvents.Count > 0)
        {
            md.Append("\n### Storage QoS events\n\n| At | Event | VM | Disk | Why |\n| ---: | ---: | --- | --- | --- |\n");
            foreach (QosEventRecord q in r.QosEvents)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {HumanUnits.Seconds(q.At)} | {q.Id} | {Cell(q.Vm)} | {Cell(q.Disk)} | {Cell(q.Reason)} |\n");
            }
        }
    }

    /// <summary>Saves and restores, host upgrades and VHDX resizes, each kind only when the run had some.</summary>
    private static void Operations(StringBuilder md, SimulationResult r)
    {
        foreach (OperationTable table in OperationTables.Of(r))
        {
            md.Append(CultureInfo.InvariantCulture, $"\n### {table.Title}\n\n| {string.Join(" | ", table.Columns.Select(c => c.Header))} |\n");
            md.Append(CultureInfo.InvariantCulture, $"| {string.Join(" | ", table.Columns.Select(c => c.Numeric ? "---:" : "---"))} |\n");
            foreach (string[] row in table.Rows)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {string.Join(" | ", row.Select(Cell))} |\n");
            }
        }
    }

    /// <summary>Escapes what would break a table cell or render as markup.</summary>
    internal static string Cell(string s) => s
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace("\r", " ", StringComparison.Ordinal)
        .Replace("\n", " ", StringComparison.Ordinal);
}
