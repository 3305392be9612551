using System.Globalization;
using HyperVSim.Model.Results;

namespace HyperVSim.Reports.Text;

/// <summary>One table of the saved-state, upgrade or resize sections, already in human units, for every text format to lay out its own way.</summary>
/// <param name="Id">An identifier (the HTML table's id).</param>
/// <param name="Title">The section's heading.</param>
/// <param name="Columns">Header and whether the column is numeric (right-aligned).</param>
/// <param name="Rows">One row of cells per record, in the JSON report's order.</param>
internal sealed record OperationTable(string Id, string Title, (string Header, bool Numeric)[] Columns, IReadOnlyList<string[]> Rows);

/// <summary>
/// The report's storage operations (<c>savedStates[]</c>, <c>upgrades[]</c>, <c>resizes[]</c>) as tables for the console,
/// Markdown and HTML writers; only the kinds the run had, so runs without them print nothing new.
/// </summary>
internal static class OperationTables
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The non-empty tables, in the JSON report's order.</summary>
    public static IReadOnlyList<OperationTable> Of(SimulationResult r)
    {
        var tables = new List<OperationTable>();
        if (r.SavedStates.Count > 0)
        {
            tables.Add(new OperationTable("saved-states-table", "Saved states",
                [("VM", false), ("Kind", false), ("By", false), ("Host", false), ("Volume", false), ("Requested", true), ("Took", true), ("Memory", true), ("Config", true), ("Result", false)],
                r.SavedStates.Select(s => new[]
                {
                    s.Vm, s.Kind, s.RequestedBy, s.Host ?? "-", s.Volume ?? "-", HumanUnits.Seconds(s.RequestedAt), Took(s.Seconds),
                    HumanUnits.Bytes(s.Bytes), s.ConfigurationVersion.ToString(Inv), Result(s.Result, s.Reason),
                }).ToArray()));
        }

        if (r.Upgrades.Count > 0)
        {
            tables.Add(new OperationTable("upgrades-table", "Host upgrades",
                [("Host", false), ("Upgrade", false), ("Requested", true), ("Down at", true), ("Up at", true), ("Done at", true), ("VMs saved", true), ("Restored", true), ("Result", false)],
                r.Upgrades.Select(u => new[]
                {
                    u.Host, $"{u.From} \u2192 {u.To}", HumanUnits.Seconds(u.RequestedAt), At(u.DownAt), At(u.UpAt), At(u.CompletedAt),
                    u.Vms.ToString(Inv), u.Restored.ToString(Inv),
                    u.Reason is { } why ? "not done: " + why : u.CompletedAt is null ? "unfinished" : "completed",
                }).ToArray()));
        }

        if (r.Resizes.Count > 0)
        {
            tables.Add(new OperationTable("resizes-table", "VHDX resizes",
                [("VM", false), ("Disk", false), ("From", true), ("To", true), ("Requested", true), ("Took", true), ("Zeroed", true), ("Result", false)],
                r.Resizes.Select(z => new[]
                {
                    z.Vm, z.Disk, HumanUnits.Bytes(z.FromBytes), HumanUnits.Bytes(z.ToBytes), HumanUnits.Seconds(z.RequestedAt), Took(z.Seconds),
                    HumanUnits.Bytes(z.ZeroedBytes), Result(z.Result, z.Reason),
                }).ToArray()));
        }

        return tables;
    }

    private static string Took(double? seconds) => seconds is { } s ? HumanUnits.Seconds(s) : "-";

    private static string At(double? at) => at is { } t ? HumanUnits.Seconds(t) : "-";

    private static string Result(string result, string? reason) => reason is null ? result : $"{result}: {reason}";
}
