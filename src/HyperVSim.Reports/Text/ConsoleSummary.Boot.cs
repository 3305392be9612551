using System.Globalization;
using HyperVSim.Model.Results;
using Spectre.Console;

namespace HyperVSim.Reports.Text;

/// <summary>Boot storms, the slowest boots and console sessions; nothing when the run had none.</summary>
public static partial class ConsoleSummary
{
    /// <summary>Boots listed one by one at most; the storm table sums up the rest.</summary>
    private const int BootRows = 10;

    private static void Boots(IAnsiConsole console, SimulationResult r)
    {
        if (r.Boots.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine($"[bold]Boots:[/] {r.Boots.Count}, {r.Boots.Count(b => b.RunningAt is not null)} running");
            Table s = NewTable("Generation", "Boots", "Running", "First request", "Last running", "Storm", "Mean boot", "Longest", "Mean wait");
            foreach (BootStormRecord x in BootStormRecord.Of(r.Boots))
            {
                s.AddRow(Cell(x.Generation.ToString(CultureInfo.InvariantCulture)), Cell(x.Boots.ToString(CultureInfo.InvariantCulture)), Cell(x.Running.ToString(CultureInfo.InvariantCulture)),
                    Cell(HumanUnits.Seconds(x.FirstRequestedAt)), Cell(Maybe(x.LastRunningAt)), Cell(Maybe(x.Seconds)), Cell(Maybe(x.MeanBootSeconds)), Cell(Maybe(x.MaxBootSeconds)), Cell(HumanUnits.Seconds(x.MeanWaitSeconds)));
            }

            console.Write(s);
            string which = r.Boots.Count > BootRows ? $"the {BootRows} slowest" : "each boot";
            console.MarkupLine($"  {which}:");
            Table t = NewTable("VM", "Gen", "Host", "Requested", "Started", "Running", "Device", "Phases", "Result");
            foreach (BootRecord b in r.Boots.OrderByDescending(b => (b.RunningAt ?? double.MaxValue) - b.RequestedAt).ThenBy(b => b.StartedAt).Take(BootRows).OrderBy(b => b.StartedAt))
            {
                string phases = string.Join(" ", b.Phases.GroupBy(p => p.Kind).Select(g => $"{g.Key} {HumanUnits.Seconds(g.Sum(p => p.Seconds))}"));
                t.AddRow(Cell(b.Vm), Cell(b.Generation.ToString(CultureInfo.InvariantCulture)), Cell(b.Host), Cell(HumanUnits.Seconds(b.RequestedAt)), Cell(HumanUnits.Seconds(b.StartedAt)),
                    Cell(Maybe(b.RunningAt)), Cell(b.Device ?? "-"), Cell(phases), Cell(b.Reason is null ? b.Result : $"{b.Result}: {b.Reason}"));
            }

            console.Write(t);
        }

        if (r.Sessions.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine($"[bold]Console sessions:[/] {r.Sessions.Count}");
            foreach (SessionRecord x in r.Sessions)
            {
                console.MarkupLine($"  {HumanUnits.Seconds(x.At)}  {Markup.Escape(x.Vm)}: asked {x.Requested}, got {x.Mode} ({x.Outcome}): {Markup.Escape(x.Reason)}");
            }
        }
    }

    private static string Maybe(double? seconds) => seconds is { } v ? HumanUnits.Seconds(v) : "-";
}
