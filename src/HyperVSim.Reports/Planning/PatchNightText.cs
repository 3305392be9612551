using System.Globalization;
using HyperVSim.Experiments.Planning;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Text;

namespace HyperVSim.Reports.Planning;

/// <summary>
/// The console report of <c>plan patch-night</c> (docs/patch-night.md): the plan's facts and total, a table of node
/// windows, a text Gantt, the slowest node and why, each VM's downtime and the suggested CAU time-outs.
/// </summary>
public static class PatchNightText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Gantt width in characters.</summary>
    public const int GanttWidth = 72;

    /// <summary>The phases a Gantt shows, in order, with their letter.</summary>
    public static readonly IReadOnlyList<(string Phase, char Letter)> Phases =
        [("drain", 'D'), ("install", 'I'), ("reboot", 'R'), ("rejoin", 'J'), ("failback", 'F')];

    public static void Write(PatchNightPlan plan, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(w);
        PatchNightOptions o = plan.Options;
        string parallel = o.MaxParallel == 1 ? "one at a time" : $"at most {o.MaxParallel} at a time";
        w.WriteLine($"Patch night of {plan.Scenario}: {plan.Nodes.Count} nodes {parallel}, order {string.Join(", ", plan.Order)}; "
            + $"install {HumanUnits.Seconds(o.Install.Seconds)}, reboot {HumanUnits.Seconds(o.Reboot.Seconds)}, failback {o.Failback.ToString().ToLowerInvariant()}");
        w.WriteLine($"Total: {HumanUnits.Seconds(plan.TotalSeconds)} ({plan.TotalSeconds.ToString("0.###", Inv)} s), from the first drain at "
            + $"{HumanUnits.Clock(o.Start.Seconds)} to the last node done");
        w.WriteLine();
        WriteNodes(plan, w);
        w.WriteLine();
        WriteGantt(plan, w);
        w.WriteLine();
        w.WriteLine(SlowestText(plan.Slowest));
        w.WriteLine();
        WriteVms(plan, w);
        if (plan.Timeouts is { } t)
        {
            w.WriteLine();
            WriteTimeouts(plan, t, w);
        }
    }

    /// <summary>The slowest node and why, in one paragraph.</summary>
    public static string SlowestText(SlowestNode s)
    {
        ArgumentNullException.ThrowIfNull(s);
        string head = s.Host == s.FastestHost
            ? $"Slowest node: {s.Host}, {HumanUnits.Seconds(s.TotalSeconds)} (every node took as long); its {s.Phase} took {HumanUnits.Seconds(s.PhaseSeconds)}"
            : $"Slowest node: {s.Host}, {HumanUnits.Seconds(s.TotalSeconds)} against {HumanUnits.Seconds(s.FastestSeconds)} for {s.FastestHost}, "
              + $"mostly in its {s.Phase}: {HumanUnits.Seconds(s.PhaseSeconds)} against {HumanUnits.Seconds(s.FastestPhaseSeconds)}";
        if (s.LastMigration is not { } m)
        {
            return head + ".";
        }

        string? why = m.LimitedByDetail ?? m.LimitedBy?.Description;
        string limited = why is null ? string.Empty : $", limited by {why}";
        return head + $". The {s.Phase} waited for {m.Vm} ({HumanUnits.Bytes(m.MemoryBytes)}, {m.From}\u2192{m.To}), the migration that ended last: "
            + $"queued {HumanUnits.Seconds(m.QueuedSeconds)}, then {HumanUnits.Seconds(m.TotalSeconds ?? 0)} in {m.Rounds} passes, "
            + $"{HumanUnits.Bytes(m.BytesOnWire)} on the wire{limited}.";
    }

    private static void WriteNodes(PatchNightPlan plan, TextWriter w)
    {
        var table = new TextTable("Node", "Start", "Drain", "VMs", "Install", "Reboot", "Rejoin", "Failback", "Done", "Total");
        foreach (NodeWindow n in plan.Nodes)
        {
            table.Add(n.Host, HumanUnits.Clock(n.Start), HumanUnits.Seconds(n.DrainSeconds), n.DrainMigrations.Count.ToString(Inv),
                HumanUnits.Seconds(n.InstallSeconds), HumanUnits.Seconds(n.RebootSeconds), HumanUnits.Seconds(n.RejoinSeconds),
                HumanUnits.Seconds(n.FailbackSeconds), HumanUnits.Clock(n.DoneAt), HumanUnits.Seconds(n.TotalSeconds));
        }

        table.WriteTo(w);
    }

    /// <summary>
    /// One row per node; a column shows the drain, rejoin or failback when any of it falls in the column (they are
    /// short, and they are what differs between nodes), else the phase at the column's middle, else nothing.
    /// </summary>
    private static void WriteGantt(PatchNightPlan plan, TextWriter w)
    {
        double start = plan.Options.Start.Seconds, span = Math.Max(plan.TotalSeconds, 1e-9), col = span / GanttWidth;
        w.WriteLine($"Gantt: one column = {HumanUnits.Seconds(col)}; " + string.Join(", ", Phases.Select(p => $"{p.Letter} {p.Phase}"))
            + " (drain, rejoin and failback show in every column they touch)");
        int width = plan.Nodes.Max(n => n.Host.Length);
        foreach (NodeWindow n in plan.Nodes)
        {
            var line = new char[GanttWidth];
            for (int i = 0; i < GanttWidth; i++)
            {
                line[i] = Letter(n, start + (i * col), start + ((i + 1) * col));
            }

            w.WriteLine($"  {n.Host.PadRight(width)} |{new string(line)}|");
        }
    }

    private static char Letter(NodeWindow n, double from, double to)
    {
        (string Phase, double From, double To)[] shortPhases = [("drain", n.Start, n.DrainEnd), ("failback", n.ResumedAt, n.DoneAt), ("rejoin", n.UpAt, n.ResumedAt)];
        string? phase = shortPhases.FirstOrDefault(p => p.To > p.From && p.From < to && p.To > from).Phase ?? PhaseAt(n, (from + to) / 2);
        return phase is null ? ' ' : Phases.First(x => x.Phase == phase).Letter;
    }

    /// <summary>The phase <paramref name="n"/> is in at <paramref name="t"/>, null outside its window.</summary>
    public static string? PhaseAt(NodeWindow n, double t)
    {
        ArgumentNullException.ThrowIfNull(n);
        return t < n.Start || t >= n.DoneAt ? null
            : t < n.DrainEnd ? "drain"
            : t < n.InstallEnd ? "install"
            : t < n.UpAt ? "reboot"
            : t < n.ResumedAt ? "rejoin"
            : "failback";
    }

    private static void WriteVms(PatchNightPlan plan, TextWriter w)
    {
        w.WriteLine("VM downtime (time not running, live-migration blackouts included), most first:");
        var table = new TextTable("VM", "Before", "After", "State", "Downtime", "Outages", "Migrations", "Blackouts");
        foreach (VmDowntime v in plan.Vms)
        {
            table.Add(v.Vm, v.HostBefore ?? "-", v.HostAfter ?? "-", v.State, HumanUnits.Seconds(v.DowntimeSeconds), v.Outages.ToString(Inv),
                v.Migrations.ToString(Inv), HumanUnits.Seconds(v.BlackoutSeconds));
        }

        table.WriteTo(w);
        IReadOnlyList<VmDowntime> off = plan.NotRunning;
        w.WriteLine(off.Count == 0
            ? $"All {plan.Vms.Count} VMs that ran at the start run at the end."
            : $"{off.Count} VMs that ran at the start do not run at the end: {string.Join(", ", off.Select(v => $"{v.Vm} ({v.State})"))}.");
    }

    private static void WriteTimeouts(PatchNightPlan plan, CauTimeouts t, TextWriter w)
    {
        PatchNightOptions o = plan.Options;
        double lo = o.Install.Seconds * (1 - o.InstallSpread), hi = o.Install.Seconds * (1 + o.InstallSpread);
        w.WriteLine($"Suggested CAU time-outs, from {t.Replications} runs with each node's install time uniform in "
            + $"{HumanUnits.Seconds(lo)}..{HumanUnits.Seconds(hi)}: p50 {HumanUnits.Seconds(t.P50Seconds)}, p95 {HumanUnits.Seconds(t.P95Seconds)}, longest {HumanUnits.Seconds(t.MaxSeconds)}");
        w.WriteLine($"  WarnAfter {Minutes(t.WarnAfterMinutes)}  (p95 \u00d7 {(1 + o.WarnMargin).ToString("0.##", Inv)}, whole minutes up)");
        w.WriteLine($"  StopAfter {Minutes(t.StopAfterMinutes)}  (longest \u00d7 {(1 + o.StopMargin).ToString("0.##", Inv)}, whole minutes up)");
        w.WriteLine($"  Invoke-CauRun ... -WarnAfter {Minutes(t.WarnAfterMinutes)} -StopAfter {Minutes(t.StopAfterMinutes)}");
    }

    /// <summary>Whole minutes as a TimeSpan literal PowerShell accepts: 1:05:00 → "01:05:00".</summary>
    public static string Minutes(int minutes) => TimeSpan.FromMinutes(minutes).ToString(minutes >= 24 * 60 ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss", Inv);
}
