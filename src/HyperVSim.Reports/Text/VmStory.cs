using System.Globalization;
using HyperVSim.Model.Results;

namespace HyperVSim.Reports.Text;

/// <summary>
/// A VM's story for <c>hypervsim explain</c>: its timeline merged with the failovers that affected it (the fault, its
/// detection with what the detector saw, where and when the VM ran again or why it did not), one plain sentence a line,
/// each led by its time (<see cref="HumanUnits.Clock"/>), in time order; then a one-line summary.
/// </summary>
public static class VmStory
{
    /// <summary>The lines of <paramref name="vm"/>'s story; null when the report has no VM of that name.</summary>
    public static IReadOnlyList<string>? Tell(StoryReport report, string vm)
    {
        ArgumentNullException.ThrowIfNull(report);
        VmRecord? v = report.Vms.FirstOrDefault(x => x.Name == vm);
        if (v is null)
        {
            return null;
        }

        // (time, rank, text): at one instant the fault comes first, then its detection, then what the VM did.
        var events = new List<(double At, int Rank, string Text)>();
        foreach (VmTimelineEntry e in v.Timeline)
        {
            events.Add((e.At, 2, State(e)));
        }

        foreach (FailoverRecord f in report.Failovers)
        {
            FailoverVm? affected = f.Vms.FirstOrDefault(x => x.Vm == vm);
            NotRecovered? lost = f.NotRecovered.FirstOrDefault(x => x.Vm == vm);
            if (affected is null && lost is null)
            {
                continue;
            }

            string fault = $"{f.Fault} {f.Target}";
            events.Add((f.At, 0, $"{fault} failed"));
            if (f.DetectedAt is { } detected)
            {
                string how = f.Detail ?? $"{fault} failure detected";
                events.Add((detected, 1, f.Detector is { } d ? $"{how} ({d})" : how));
            }

            if (affected?.RunningAt is { } back)
            {
                string after = $"{HumanUnits.Seconds(affected.DowntimeSeconds ?? back - f.At)} after {fault} failed";
                bool told = v.Timeline.Any(e => e.At == back && e.State == "running");
                events.Add((back, 3, told ? $"recovered {after}" : $"running again on {affected.Host ?? "no host"}, {after}"));
            }
            else
            {
                events.Add((report.SimulatedSeconds, 4, $"not running again after {fault} failed: {lost?.Reason ?? "the run ended first"}"));
            }
        }

        var lines = events.Select((e, i) => (e, i)).OrderBy(x => x.e.At).ThenBy(x => x.e.Rank).ThenBy(x => x.i)
            .Select(x => $"{HumanUnits.Clock(x.e.At)} {x.e.Text}").ToList();
        lines.Add(Summary(v));
        return lines;
    }

    /// <summary>One line: availability, downtime and outages over the run, and how it ended.</summary>
    public static string Summary(VmRecord v)
    {
        ArgumentNullException.ThrowIfNull(v);
        string outages = v.Outages == 1 ? "1 outage" : $"{v.Outages.ToString(CultureInfo.InvariantCulture)} outages";
        string end = v.Host is { } h ? $"{v.State} on {h}" : $"{v.State}, on no host";
        return $"{v.Name}: availability {HumanUnits.Percent(v.Availability)}, downtime {HumanUnits.Seconds(v.DowntimeSeconds)} in {outages}; ended {end}";
    }

    private static string State(VmTimelineEntry e)
    {
        string where = e.Host is { } h ? $"{e.State} on {h}" : $"{e.State}, on no host";
        return string.IsNullOrEmpty(e.Reason) ? where : $"{where} ({e.Reason})";
    }
}
