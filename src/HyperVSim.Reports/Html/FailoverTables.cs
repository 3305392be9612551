using System.Globalization;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Text;

namespace HyperVSim.Reports.Html;

/// <summary>The failover section's tables: each fault with its detection and recovery, the VMs that did not run again, and the quorum over time.</summary>
internal static class FailoverTables
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void WriteFailovers(TextWriter w, SimulationResult r)
    {
        if (r.Failovers.Count == 0)
        {
            w.WriteLine("<p class=\"note\">No faults in this run.</p>");
            return;
        }

        SummaryTables.OpenTable(w, "failovers-table", compact: false,
            ("Fault", false), ("Target", false), ("At", true), ("Detected after", true), ("Detector", false), ("What the detector saw", false),
            ("VMs", true), ("Recovered in", true));
        foreach (FailoverRecord f in r.Failovers)
        {
            w.Write("<tr>");
            SummaryTables.Cell(w, f.Fault);
            SummaryTables.Cell(w, f.Target);
            SummaryTables.Cell(w, HumanUnits.Seconds(f.At), num: true);
            SummaryTables.Cell(w, f.DetectedAt is { } d ? HumanUnits.Seconds(d - f.At) : "never", num: true);
            SummaryTables.Cell(w, f.Detector ?? "-");
            SummaryTables.Cell(w, f.Detail ?? "-", wrap: true);
            SummaryTables.Cell(w, f.Vms.Count.ToString(Inv), num: true);
            if (f.RecoverySeconds is { } s)
            {
                SummaryTables.Cell(w, HumanUnits.Seconds(s), num: true);
            }
            else
            {
                w.Write("<td class=\"num result-failed\">not recovered</td>");
            }

            w.WriteLine("</tr>");
        }

        SummaryTables.CloseTable(w);
        var lost = r.Failovers.SelectMany(f => f.NotRecovered.Select(n => (f, n))).ToList();
        if (lost.Count > 0)
        {
            w.WriteLine("<h3>Not recovered</h3>");
            w.WriteLine("<ul class=\"not-recovered\">");
            foreach (var (f, n) in lost)
            {
                w.WriteLine($"<li><strong>{HtmlText.Escape(n.Vm)}</strong> after {HtmlText.Escape(f.Fault)} {HtmlText.Escape(f.Target)} failed at {HtmlText.Escape(HumanUnits.Seconds(f.At))}: {HtmlText.Escape(n.Reason)}</li>");
            }

            w.WriteLine("</ul>");
        }
    }

    public static void WriteQuorum(TextWriter w, SimulationResult r)
    {
        if (r.Quorum.Count == 0)
        {
            return;
        }

        w.WriteLine("<h3>Quorum</h3>");
        SummaryTables.OpenTable(w, "quorum-table", compact: true, ("At", true), ("Votes", true), ("Quorum", false), ("Nodes", true), ("Witness votes", false), ("Why", false));
        foreach (QuorumRecord q in r.Quorum)
        {
            w.Write("<tr>");
            SummaryTables.Cell(w, HumanUnits.Seconds(q.At), num: true);
            SummaryTables.Cell(w, q.Votes.ToString(Inv), num: true);
            w.Write(q.Has ? "<td>yes</td>" : "<td class=\"result-failed\">lost</td>");
            SummaryTables.Cell(w, q.Nodes.ToString(Inv), num: true);
            SummaryTables.Cell(w, q.WitnessVote ? "yes" : "no");
            SummaryTables.Cell(w, q.Reason, wrap: true);
            w.WriteLine("</tr>");
        }

        SummaryTables.CloseTable(w);
    }
}
