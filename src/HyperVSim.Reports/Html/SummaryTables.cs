using System.Globalization;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Text;

namespace HyperVSim.Reports.Html;

/// <summary>The report's tables: migrations, node drains and VMs, every string escaped, sizes and durations in human units.</summary>
internal static class SummaryTables
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void WriteMigrations(TextWriter w, SimulationResult r)
    {
        if (r.Migrations.Count == 0)
        {
            w.WriteLine("<p class=\"note\">No live migrations in this run.</p>");
            return;
        }

        OpenTable(w, "migrations-table", compact: false,
            ("VM", false), ("From", false), ("To", false), ("Strategy", false), ("Option", false), ("Queued", true), ("Total", true), ("Blackout", true),
            ("Passes", true), ("Sent", true), ("Limited by", false), ("Result", false), ("Reason", false));
        foreach (MigrationRecord m in r.Migrations)
        {
            string? why = ConsoleSummary.Explain(m);
            w.Write("<tr>");
            Cell(w, m.Vm);
            Cell(w, m.From);
            Cell(w, m.To ?? "-");
            Cell(w, m.Strategy);
            Cell(w, m.Option);
            Cell(w, HumanUnits.Seconds(m.QueuedSeconds), num: true);
            Cell(w, m.TotalSeconds is { } total ? HumanUnits.Seconds(total) : "-", num: true);
            Cell(w, m.Result == MigrationResult.Completed ? HumanUnits.Seconds(m.BlackoutSeconds) : "-", num: true);
            Cell(w, m.Rounds.ToString(Inv), num: true);
            Cell(w, HumanUnits.Bytes(m.BytesOnWire), num: true);
            Cell(w, m.LimitedBy?.Name ?? "-");
            w.Write($"<td class=\"{ResultClass(m.Result)}\">{HtmlText.Escape(WireNames.Of(m.Result))}</td>");
            Cell(w, Reason(m, why), wrap: true);
            w.WriteLine("</tr>");
        }

        CloseTable(w);
    }

    public static void WriteDrains(TextWriter w, SimulationResult r)
    {
        if (r.Drains.Count == 0)
        {
            w.WriteLine("<p class=\"note\">No node drains in this run.</p>");
            return;
        }

        OpenTable(w, "drains-table", compact: true, ("Host", false), ("Requested at", true), ("Took", true), ("VMs", true), ("Moved", true), ("Failed", true));
        foreach (DrainRecord d in r.Drains)
        {
            w.Write("<tr>");
            Cell(w, d.Host);
            Cell(w, HumanUnits.Seconds(d.RequestedAt), num: true);
            Cell(w, d.TotalSeconds is { } s ? HumanUnits.Seconds(s) : "unfinished", num: true);
            Cell(w, d.Vms.ToString(Inv), num: true);
            Cell(w, d.Moved.ToString(Inv), num: true);
            Cell(w, d.Failed.ToString(Inv), num: true);
            w.WriteLine("</tr>");
        }

        CloseTable(w);
    }

    public static void WriteVms(TextWriter w, SimulationResult r)
    {
        if (r.Vms.Count == 0)
        {
            w.WriteLine("<p class=\"note\">No VMs in this run.</p>");
            return;
        }

        OpenTable(w, "vms-table", compact: true, ("VM", false), ("Host at end", false), ("State", false), ("Outages", true), ("Downtime", true), ("Availability", true));
        foreach (VmRecord v in r.Vms)
        {
            w.Write("<tr>");
            Cell(w, v.Name);
            Cell(w, v.Host ?? "-");
            Cell(w, v.State);
            Cell(w, v.Outages.ToString(Inv), num: true);
            Cell(w, HumanUnits.Seconds(v.DowntimeSeconds), num: true);
            Cell(w, HumanUnits.Percent(v.Availability), num: true);
            w.WriteLine("</tr>");
        }

        CloseTable(w);
    }

    /// <summary>Why it failed or was cancelled; for a completed move, what bound it and the rule that ended pre-copy.</summary>
    private static string Reason(MigrationRecord m, string? why)
    {
        if (m.Result != MigrationResult.Completed)
        {
            return m.Reason ?? "-";
        }

        string stop = m.StopReason is { } s ? $"pre-copy stopped on {s}" : string.Empty;
        return (why, stop) switch
        {
            (null, "") => "-",
            (null, _) => stop,
            (_, "") => why,
            _ => $"{why}; {stop}",
        };
    }

    private static string ResultClass(MigrationResult result) => $"result-{WireNames.Of(result)}";

    /// <summary>Opens a table with its header row; a compact table is as wide as its content, not the page.</summary>
    internal static void OpenTable(TextWriter w, string id, bool compact, params (string Header, bool Numeric)[] columns)
    {
        w.WriteLine(compact ? $"<div class=\"table-wrap\"><table id=\"{id}\" class=\"compact\">" : $"<div class=\"table-wrap\"><table id=\"{id}\">");
        w.Write("<thead><tr>");
        foreach (var (header, numeric) in columns)
        {
            w.Write(numeric ? $"<th scope=\"col\" class=\"num\">{HtmlText.Escape(header)}</th>" : $"<th scope=\"col\">{HtmlText.Escape(header)}</th>");
        }

        w.WriteLine("</tr></thead>");
        w.WriteLine("<tbody>");
    }

    internal static void CloseTable(TextWriter w) => w.WriteLine("</tbody>\n</table></div>");

    internal static void Cell(TextWriter w, string text, bool num = false, bool wrap = false)
    {
        string cls = num ? " class=\"num\"" : wrap ? " class=\"wrap\"" : string.Empty;
        w.Write($"<td{cls}>{HtmlText.Escape(text)}</td>");
    }
}
