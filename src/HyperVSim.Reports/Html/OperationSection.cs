using HyperVSim.Model.Results;
using HyperVSim.Reports.Text;

namespace HyperVSim.Reports.Html;

/// <summary>The section of saves and restores, host upgrades and VHDX resizes; written only for runs that had any.</summary>
internal static class OperationSection
{
    public const string Id = "operations";

    public const string Title = "Saved states, upgrades and resizes";

    public static bool Has(SimulationResult r) => r.SavedStates.Count > 0 || r.Upgrades.Count > 0 || r.Resizes.Count > 0;

    public static void Write(TextWriter w, SimulationResult r)
    {
        w.WriteLine($"<section id=\"{Id}\">");
        w.WriteLine($"<h2>{HtmlText.Escape(Title)}</h2>");
        foreach (OperationTable table in OperationTables.Of(r))
        {
            w.WriteLine($"<h3>{HtmlText.Escape(table.Title)}</h3>");
            SummaryTables.OpenTable(w, table.Id, compact: false, table.Columns);
            foreach (string[] row in table.Rows)
            {
                w.Write("<tr>");
                for (int i = 0; i < row.Length; i++)
                {
                    SummaryTables.Cell(w, row[i], num: table.Columns[i].Numeric, wrap: i == row.Length - 1);
                }

                w.WriteLine("</tr>");
            }

            SummaryTables.CloseTable(w);
        }

        w.WriteLine("</section>");
    }
}
