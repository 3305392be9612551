using System.Globalization;
using System.Text;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Text;

namespace HyperVSim.Reports.Markdown;

/// <summary>Boot storms, boots (with a Mermaid Gantt chart of the first ones) and console sessions; nothing when the run had none.</summary>
public static partial class MarkdownReport
{
    /// <summary>Boots drawn in the Gantt chart and listed in the table at most.</summary>
    private const int BootRows = 20;

    private static void Boots(StringBuilder md, SimulationResult r)
    {
        if (r.Boots.Count > 0)
        {
            md.Append("\n### Boot storms\n\n| Generation | Boots | Running | First request | Last running | Storm | Mean boot | Longest boot | Mean wait |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            foreach (BootStormRecord s in BootStormRecord.Of(r.Boots))
            {
                md.Append(CultureInfo.InvariantCulture,
                    $"| {s.Generation} | {s.Boots} | {s.Running} | {HumanUnits.Seconds(s.FirstRequestedAt)} | {Opt(s.LastRunningAt)} | {Opt(s.Seconds)} | {Opt(s.MeanBootSeconds)} | {Opt(s.MaxBootSeconds)} | {HumanUnits.Seconds(s.MeanWaitSeconds)} |\n");
            }

            BootRecord[] shown = r.Boots.Take(BootRows).ToArray();
            md.Append(CultureInfo.InvariantCulture, $"\n### Boots{(r.Boots.Count > BootRows ? $" (first {BootRows} of {r.Boots.Count})" : string.Empty)}\n\n");
            md.Append("| VM | Gen | Host | Requested | Started | Online | Running | Device | Result |\n| --- | ---: | --- | ---: | ---: | ---: | ---: | --- | --- |\n");
            foreach (BootRecord b in shown)
            {
                md.Append(CultureInfo.InvariantCulture,
                    $"| {Cell(b.Vm)} | {b.Generation} | {Cell(b.Host)} | {HumanUnits.Seconds(b.RequestedAt)} | {HumanUnits.Seconds(b.StartedAt)} | {Opt(b.OnlineAt)} | {Opt(b.RunningAt)} | {b.Device ?? "-"} | {Cell(b.Reason is null ? b.Result : $"{b.Result}: {b.Reason}")} |\n");
            }

            // A Mermaid Gantt chart (GitHub renders it): one section per boot, a task per phase, times in milliseconds.
            md.Append("\n```mermaid\ngantt\n    dateFormat x\n    axisFormat %M:%S\n");
            for (int k = 0; k < shown.Length; k++)
            {
                md.Append(CultureInfo.InvariantCulture, $"    section {Mermaid(shown[k].Vm)}\n");
                int i = 0;
                foreach (BootPhaseRecord p in shown[k].Phases.Where(p => p.End > p.Start))
                {
                    md.Append(CultureInfo.InvariantCulture, $"    {p.Kind} :b{k}p{i++}, {Ms(p.Start)}, {Ms(p.End)}\n");
                }
            }

            md.Append("```\n");
        }

        if (r.Sessions.Count > 0)
        {
            md.Append("\n### Console sessions\n\n| At | VM | Host | Asked | Got | USB | Outcome | Why |\n| ---: | --- | --- | --- | --- | --- | --- | --- |\n");
            foreach (SessionRecord s in r.Sessions)
            {
                md.Append(CultureInfo.InvariantCulture,
                    $"| {HumanUnits.Seconds(s.At)} | {Cell(s.Vm)} | {Cell(s.Host ?? "-")} | {s.Requested} | {s.Mode} | {(s.Usb ? "yes" : "no")} | {s.Outcome} | {Cell(s.Reason)} |\n");
            }
        }
    }

    private static string Opt(double? seconds) => seconds is { } v ? HumanUnits.Seconds(v) : "-";

    private static string Ms(double seconds) => Math.Round(seconds * 1000).ToString("0", CultureInfo.InvariantCulture);

    private static string Mermaid(string text) => text.Replace(":", " ", StringComparison.Ordinal).Replace("#", " ", StringComparison.Ordinal);
}
