using System.Globalization;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Text;

namespace HyperVSim.Reports.Html;

/// <summary>The storage section (only for runs with disk I/O): each disk's I/O and latency, each volume's utilisation, the Storage QoS events.</summary>
internal static class StorageTables
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(TextWriter w, SimulationResult r)
    {
        SummaryTables.OpenTable(w, "disks-table", compact: false,
            ("VM", false), ("Disk", false), ("Volume", false), ("IOPS", true), ("Normalized IOPS", true), ("Latency", true), ("p95", true), ("Read", true), ("Written", true));
        foreach (DiskRecord d in r.Disks)
        {
            w.Write("<tr>");
            SummaryTables.Cell(w, d.Vm);
            SummaryTables.Cell(w, d.Disk);
            SummaryTables.Cell(w, d.Volume ?? "-");
            SummaryTables.Cell(w, d.Iops.ToString("N0", Inv), num: true);
            SummaryTables.Cell(w, d.NormalizedIops.ToString("N0", Inv), num: true);
            SummaryTables.Cell(w, d.LatencyMs.ToString("0.00", Inv) + " ms", num: true);
            SummaryTables.Cell(w, d.LatencyP95Ms.ToString("0.00", Inv) + " ms", num: true);
            SummaryTables.Cell(w, HumanUnits.Bytes(d.BytesRead), num: true);
            SummaryTables.Cell(w, HumanUnits.Bytes(d.BytesWritten), num: true);
            w.WriteLine("</tr>");
        }

        SummaryTables.CloseTable(w);
        SummaryTables.OpenTable(w, "volumes-table", compact: false, ("Volume", false), ("Kind", false), ("Utilisation", true), ("Peak", true), ("IOPS", true));
        foreach (VolumeRecord v in r.Volumes)
        {
            w.Write("<tr>");
            SummaryTables.Cell(w, v.Name);
            SummaryTables.Cell(w, v.Kind);
            SummaryTables.Cell(w, HumanUnits.Percent(v.UtilisationMean), num: true);
            SummaryTables.Cell(w, HumanUnits.Percent(v.UtilisationPeak), num: true);
            SummaryTables.Cell(w, v.Iops.ToString("N0", Inv), num: true);
            w.WriteLine("</tr>");
        }

        SummaryTables.CloseTable(w);
        if (r.QosEvents.Count == 0)
        {
            w.WriteLine("<p class=\"note\">No Storage QoS events in this run.</p>");
            return;
        }

        SummaryTables.OpenTable(w, "qos-table", compact: false, ("At", true), ("Event", true), ("VM", false), ("Disk", false), ("Why", false));
        foreach (QosEventRecord q in r.QosEvents)
        {
            w.Write("<tr>");
            SummaryTables.Cell(w, HumanUnits.Seconds(q.At), num: true);
            SummaryTables.Cell(w, q.Id.ToString(Inv), num: true);
            SummaryTables.Cell(w, q.Vm);
            SummaryTables.Cell(w, q.Disk);
            SummaryTables.Cell(w, q.Reason, wrap: true);
            w.WriteLine("</tr>");
        }

        SummaryTables.CloseTable(w);
    }
}
