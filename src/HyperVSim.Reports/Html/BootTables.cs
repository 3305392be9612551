using System.Globalization;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Text;

namespace HyperVSim.Reports.Html;

/// <summary>The boot section (only for runs with boots or console sessions): each generation's storm, each boot, each session.</summary>
internal static class BootTables
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Boots beyond this many are summarised by the storm table only, so a 500-VM storm's page stays readable.</summary>
    public const int MaxRows = 100;

    public static void Write(TextWriter w, SimulationResult r)
    {
        if (r.Boots.Count > 0)
        {
            SummaryTables.OpenTable(w, "boot-storms-table", compact: false,
                ("Generation", false), ("Boots", true), ("Running", true), ("First request", true), ("Last running", true), ("Storm", true), ("Mean boot", true), ("Longest boot", true), ("Mean wait", true));
            foreach (BootStormRecord s in BootStormRecord.Of(r.Boots))
            {
                w.Write("<tr>");
                SummaryTables.Cell(w, s.Generation.ToString(Inv));
                SummaryTables.Cell(w, s.Boots.ToString(Inv), num: true);
                SummaryTables.Cell(w, s.Running.ToString(Inv), num: true);
                SummaryTables.Cell(w, HumanUnits.Seconds(s.FirstRequestedAt), num: true);
                SummaryTables.Cell(w, Seconds(s.LastRunningAt), num: true);
                SummaryTables.Cell(w, Seconds(s.Seconds), num: true);
                SummaryTables.Cell(w, Seconds(s.MeanBootSeconds), num: true);
                SummaryTables.Cell(w, Seconds(s.MaxBootSeconds), num: true);
                SummaryTables.Cell(w, HumanUnits.Seconds(s.MeanWaitSeconds), num: true);
                w.WriteLine("</tr>");
            }

            SummaryTables.CloseTable(w);
            SummaryTables.OpenTable(w, "boots-table", compact: true,
                ("VM", false), ("Gen", true), ("Host", false), ("Requested", true), ("Started", true), ("Online", true), ("Running", true), ("Device", false), ("Result", false));
            foreach (BootRecord b in r.Boots.Take(MaxRows))
            {
                w.Write("<tr>");
                SummaryTables.Cell(w, b.Vm);
                SummaryTables.Cell(w, b.Generation.ToString(Inv), num: true);
                SummaryTables.Cell(w, b.Host);
                SummaryTables.Cell(w, HumanUnits.Seconds(b.RequestedAt), num: true);
                SummaryTables.Cell(w, HumanUnits.Seconds(b.StartedAt), num: true);
                SummaryTables.Cell(w, Seconds(b.OnlineAt), num: true);
                SummaryTables.Cell(w, Seconds(b.RunningAt), num: true);
                SummaryTables.Cell(w, b.Device ?? "-");
                SummaryTables.Cell(w, b.Reason is null ? b.Result : $"{b.Result}: {b.Reason}", wrap: true);
                w.WriteLine("</tr>");
            }

            SummaryTables.CloseTable(w);
            if (r.Boots.Count > MaxRows)
            {
                w.WriteLine($"<p class=\"note\">The first {MaxRows.ToString(Inv)} of {r.Boots.Count.ToString(Inv)} boots; the JSON and CSV reports list them all.</p>");
            }
        }

        if (r.Sessions.Count > 0)
        {
            SummaryTables.OpenTable(w, "sessions-table", compact: false, ("At", true), ("VM", false), ("Host", false), ("Asked", false), ("Got", false), ("USB", false), ("Outcome", false), ("Why", false));
            foreach (SessionRecord s in r.Sessions)
            {
                w.Write("<tr>");
                SummaryTables.Cell(w, HumanUnits.Seconds(s.At), num: true);
                SummaryTables.Cell(w, s.Vm);
                SummaryTables.Cell(w, s.Host ?? "-");
                SummaryTables.Cell(w, s.Requested);
                SummaryTables.Cell(w, s.Mode);
                SummaryTables.Cell(w, s.Usb ? "yes" : "no");
                SummaryTables.Cell(w, s.Outcome);
                SummaryTables.Cell(w, s.Reason, wrap: true);
                w.WriteLine("</tr>");
            }

            SummaryTables.CloseTable(w);
        }
    }

    private static string Seconds(double? s) => s is { } v ? HumanUnits.Seconds(v) : "-";
}
