using System.Globalization;
using System.Text;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Text;

namespace HyperVSim.Reports.Markdown;

/// <summary>A Markdown summary for pull-request comments and wikis: GitHub-flavoured tables of migrations, drains and VMs.</summary>
public static class MarkdownReport
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
            md.Append("| VM | From | To | Option | Queued | Total | Blackout | Passes | Sent | Limited by | Result |\n");
            md.Append("| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
            foreach (MigrationRecord m in r.Migrations)
            {
                md.Append(CultureInfo.InvariantCulture,
                    $"| {Cell(m.Vm)} | {Cell(m.From)} | {Cell(m.To ?? "-")} | {m.Option} | {HumanUnits.Seconds(m.QueuedSeconds)} | {(m.TotalSeconds is { } t ? HumanUnits.Seconds(t) : "-")} | {(m.Result == MigrationResult.Completed ? HumanUnits.Seconds(m.BlackoutSeconds) : "-")} | {m.Rounds} | {HumanUnits.Bytes(m.BytesOnWire)} | {Cell(m.LimitedBy?.Name ?? "-")} | {Cell(WireNames.Of(m.Result) + (m.Reason is null ? string.Empty : ": " + m.Reason))} |\n");
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

        md.Append("### VMs\n\n| VM | Host | State | Outages | Downtime |\n| --- | --- | --- | ---: | ---: |\n");
        foreach (VmRecord v in r.Vms)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(v.Name)} | {Cell(v.Host ?? "-")} | {v.State} | {v.Outages} | {HumanUnits.Seconds(v.DowntimeSeconds)} |\n");
        }

        return md.ToString();
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
