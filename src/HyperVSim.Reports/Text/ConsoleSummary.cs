using System.Globalization;
using HyperVSim.Model.Results;
using HyperVSim.Model.Transports;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HyperVSim.Reports.Text;

/// <summary>
/// The run's summary for a terminal, as Spectre.Console tables: each migration's timings and what limited it (with
/// a sentence on why), node drains, each VM's end state, and when the run had faults, each failover and the VMs that
/// did not run again with why (a run without faults prints nothing of them). Colour only on an interactive terminal; elsewhere plain
/// text at a fixed width, so redirected output and golden files are identical on every machine.
/// </summary>
public static partial class ConsoleSummary
{
    /// <summary>Width used when the output is not a terminal.</summary>
    public const int PlainWidth = 160;

    /// <summary>Writes the summary; <paramref name="colour"/> only for an interactive terminal.</summary>
    public static void Write(SimulationResult r, TextWriter w, bool colour = false)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(w);

        // Plain output goes through a buffer so that the padding Spectre adds at line ends can be trimmed.
        using var plain = new StringWriter(CultureInfo.InvariantCulture);
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = colour ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(colour ? w : plain),
        });
        if (!colour)
        {
            console.Profile.Width = PlainWidth;
        }

        console.MarkupLine($"[bold]Scenario {Markup.Escape(r.Scenario)}[/] (seed {r.Seed}): simulated {HumanUnits.Seconds(r.SimulatedSeconds)}, {r.EventsProcessed.ToString("N0", CultureInfo.InvariantCulture)} events");
        console.WriteLine();
        Migrations(console, r);
        Drains(console, r);
        Vms(console, r);
        Failovers(console, r);
        GuestClusters(console, r);
        Storage(console, r);
        Operations(console, r);
        Boots(console, r);
        if (!colour)
        {
            string[] lines = plain.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            int count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
            for (int i = 0; i < count; i++)
            {
                w.Write(lines[i].TrimEnd());
                w.Write('\n');
            }
        }
    }

    /// <summary>One sentence on why a migration took as long as it did, or why it failed; plus how compression fared.</summary>
    public static string? Explain(MigrationRecord m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.Result != MigrationResult.Completed)
        {
            return $"{WireNames.Of(m.Result)}: {m.Reason}";
        }

        string? why = m.StopReason == "maxPasses" ? NotConverged(m) : Bound(m);
        string? compression = Compression(m);
        string?[] parts = [Strategy(m), why, compression];
        return parts.Any(p => p is not null) ? string.Join("; ", parts.Where(p => p is not null)) : null;
    }

    /// <summary>What the non-pre-copy strategies cost: a storage move's copy and mirror, quick migration's outage, post-copy's degraded guest.</summary>
    private static string? Strategy(MigrationRecord m)
    {
        string Phase(PhaseKind kind) => HumanUnits.Seconds(m.Phases.Where(p => p.Kind == kind).Sum(p => p.Seconds));
        string? copied = m.Kind is "storage" or "sharedNothing" && m.CopyBytes > 0
            ? $"copied {HumanUnits.Bytes(m.CopyBytes)} of disk in {Phase(PhaseKind.Copy)}, mirrored {HumanUnits.Bytes(m.MirrorBytes)} of writes in {Phase(PhaseKind.Mirror)}"
            : null;
        string? strategy = m.Strategy switch
        {
            "quick" => $"{(m.Fallback is { } fellBack ? fellBack + "; " : string.Empty)}outage: saved in {Phase(PhaseKind.Save)}, moved, restored in {Phase(PhaseKind.Restore)}",
            "postcopy" => $"guest degraded {HumanUnits.Seconds(m.DegradedSeconds)} while its memory was pulled, stalled {HumanUnits.Seconds(m.StallSeconds)} of it",
            _ => null,
        };
        return copied is null ? strategy : strategy is null ? copied : $"{copied}; {strategy}";
    }

    /// <summary>
    /// Pre-copy stopped at maxPasses: the guest dirtied memory about as fast as it was sent. The last pass's dirty rate
    /// (dirtiedBytes ÷ seconds) against its send rate (bytes ÷ seconds) says by how much.
    /// </summary>
    private static string NotConverged(MigrationRecord m)
    {
        PhaseRecord? last = m.Phases.LastOrDefault(p => p.Kind == PhaseKind.Pass);
        string rates = last is { Seconds: > 0 }
            ? $": in pass {last.Pass} the guest dirtied {HumanUnits.Bytes((long)(last.DirtiedBytes / last.Seconds))}/s against {HumanUnits.Bytes((long)(last.Bytes / last.Seconds))}/s sent"
            : string.Empty;
        PhaseRecord? blackout = m.Phases.LastOrDefault(p => p.Kind == PhaseKind.Blackout);
        string tail = blackout is null ? string.Empty : $"; after all {m.Rounds} passes the blackout sent {HumanUnits.Bytes(blackout.Bytes)} in {HumanUnits.Seconds(blackout.Seconds)}";
        return $"did not converge{rates}{tail}";
    }

    /// <summary>For the compression option: which payloads went plain, and when a compressed one fell back to TCP/IP.</summary>
    private static string? Compression(MigrationRecord m)
    {
        var parts = new List<string>();
        if (m.Phases.FirstOrDefault(p => p.Encoding == PayloadEncoding.FellBack) is { } fell)
        {
            parts.Add($"compression fell back to TCP/IP at {HumanUnits.Seconds(fell.FellBackAt ?? fell.StartedAt)} in {PhaseName(fell)} (no spare CPU left)");
        }

        string[] plain = m.Option == "compression" ? m.Phases.Where(p => p.Encoding == PayloadEncoding.Plain && p.Bytes > 0).Select(PhaseName).ToArray() : [];
        if (plain.Length > 0)
        {
            parts.Add($"{string.Join(", ", plain)} sent uncompressed (too little spare CPU to gain)");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string PhaseName(PhaseRecord p) => p.Pass is { } n ? $"pass {n}" : WireNames.Of(p.Kind);

    /// <summary>What bound a migration that converged.</summary>
    private static string? Bound(MigrationRecord m)
    {
        string nics = m.Nics.Count > 0 ? $" ({string.Join(", ", m.Nics)})" : string.Empty;
        string detail = m.LimitedByDetail is { } d ? $" {d}" : string.Empty;
        if (m.LimitedBy is not { } factor)
        {
            return null;
        }

        // The built-in factors say where; any other (a plug-in's) explains itself with its own description.
        return factor.Name switch
        {
            "nic" => $"bound by the NIC line rate on {m.Network}{nics}{detail}",
            "link" => $"bound by {factor.Description}{nics}{detail}",
            "streamCeiling" => $"bound by {factor.Description}",
            "queue" => $"waited {HumanUnits.Seconds(m.QueuedSeconds)} behind {factor.Description}",
            _ => $"bound by {factor.Description}{detail}",
        };
    }

    private static void Migrations(IAnsiConsole console, SimulationResult r)
    {
        int completed = r.Migrations.Count(m => m.Result == MigrationResult.Completed);
        console.MarkupLine($"[bold]Live migrations:[/] {r.Migrations.Count} ({completed} completed, {r.Migrations.Count(m => m.Result == MigrationResult.Failed)} failed, {r.Migrations.Count(m => m.Result == MigrationResult.Cancelled)} cancelled)");
        if (r.Migrations.Count == 0)
        {
            console.WriteLine();
            return;
        }

        Table t = NewTable("VM", "From", "To", "Strategy", "Option", "Queued", "Total", "Blackout", "Passes", "Sent", "Limited by", "Result", "Why");
        foreach (string right in new[] { "Queued", "Total", "Blackout", "Passes", "Sent" })
        {
            t.Columns[Array.IndexOf(new[] { "VM", "From", "To", "Strategy", "Option", "Queued", "Total", "Blackout", "Passes", "Sent" }, right)].RightAligned();
        }

        foreach (MigrationRecord m in r.Migrations)
        {
            t.AddRow(
                Cell(m.Vm), Cell(m.From), Cell(m.To ?? "-"), Cell(m.Strategy), Cell(m.Option), Cell(HumanUnits.Seconds(m.QueuedSeconds)),
                Cell(m.TotalSeconds is { } total ? HumanUnits.Seconds(total) : "-"),
                Cell(m.Result == MigrationResult.Completed ? HumanUnits.Seconds(m.BlackoutSeconds) : "-"),
                Cell(m.Rounds.ToString(CultureInfo.InvariantCulture)), Cell(HumanUnits.Bytes(m.BytesOnWire)),
                Cell(m.LimitedBy?.Name ?? "-"), Result(m.Result), Cell(Explain(m) ?? string.Empty));
        }

        console.Write(t);
        console.WriteLine();
    }

    private static void Drains(IAnsiConsole console, SimulationResult r)
    {
        if (r.Drains.Count == 0)
        {
            return;
        }

        console.MarkupLine($"[bold]Node drains:[/] {r.Drains.Count}");
        Table t = NewTable("Host", "Requested", "Took", "VMs", "Moved", "Failed");
        foreach (DrainRecord d in r.Drains)
        {
            t.AddRow(Cell(d.Host), Cell(HumanUnits.Seconds(d.RequestedAt)), Cell(d.TotalSeconds is { } s ? HumanUnits.Seconds(s) : "unfinished"),
                Cell(d.Vms.ToString(CultureInfo.InvariantCulture)), Cell(d.Moved.ToString(CultureInfo.InvariantCulture)),
                d.Failed == 0 ? Cell("0") : new Markup($"[red]{d.Failed}[/]"));
        }

        console.Write(t);
        console.WriteLine();
    }

    private static void Vms(IAnsiConsole console, SimulationResult r)
    {
        console.MarkupLine($"[bold]VMs:[/] {r.Vms.Count}");
        if (r.Vms.Count == 0)
        {
            return;
        }

        Table t = NewTable("VM", "Host", "State", "Outages", "Downtime");
        foreach (VmRecord v in r.Vms)
        {
            t.AddRow(Cell(v.Name), Cell(v.Host ?? "-"), v.State == "running" ? Cell(v.State) : new Markup($"[yellow]{Markup.Escape(v.State)}[/]"),
                Cell(v.Outages.ToString(CultureInfo.InvariantCulture)), Cell(HumanUnits.Seconds(v.DowntimeSeconds)));
        }

        console.Write(t);
    }

    private static void Failovers(IAnsiConsole console, SimulationResult r)
    {
        if (r.Failovers.Count == 0)
        {
            return;
        }

        console.WriteLine();
        int recovered = r.Failovers.Count(f => f.RecoveredAt is not null);
        console.MarkupLine($"[bold]Failovers:[/] {r.Failovers.Count} ({recovered} recovered, {r.Failovers.Count - recovered} not)");
        Table t = NewTable("Fault", "Target", "At", "Detected", "Detector", "VMs", "Recovered in");
        foreach (int right in new[] { 2, 3, 5, 6 })
        {
            t.Columns[right].RightAligned();
        }

        foreach (FailoverRecord f in r.Failovers)
        {
            t.AddRow(Cell(f.Fault), Cell(f.Target), Cell(HumanUnits.Seconds(f.At)),
                Cell(f.DetectedAt is { } d ? "+" + HumanUnits.Seconds(d - f.At) : "never"), Cell(f.Detector ?? "-"),
                Cell(f.Vms.Count.ToString(CultureInfo.InvariantCulture)),
                f.RecoverySeconds is { } s ? Cell(HumanUnits.Seconds(s)) : new Markup("[red]not recovered[/]"));
        }

        console.Write(t);
        var lost = r.Failovers.SelectMany(f => f.NotRecovered.Select(n => (f, n))).ToList();
        if (lost.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine($"[bold]Not recovered:[/] {lost.Count}");
        foreach (var (f, n) in lost)
        {
            console.MarkupLine($"  [red]{Markup.Escape(n.Vm)}[/] after {Markup.Escape(f.Fault)} {Markup.Escape(f.Target)} failed at {HumanUnits.Seconds(f.At)}: {Markup.Escape(n.Reason)}");
        }
    }

    /// <summary>What guest clusters did (evictions, role moves, rejoins), only when something happened.</summary>
    private static void GuestClusters(IAnsiConsole console, SimulationResult r)
    {
        if (r.GuestClusters.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine($"[bold]Guest clusters:[/] {r.GuestClusters.Count} event{(r.GuestClusters.Count == 1 ? "" : "s")}");
        foreach (GuestClusterEvent e in r.GuestClusters)
        {
            console.MarkupLine($"  {HumanUnits.Seconds(e.At)}  {Markup.Escape(e.GuestCluster)}: {Markup.Escape(e.Reason)}");
        }
    }

    /// <summary>Disk I/O, Storage QoS events and volume utilisation; nothing when no disk has an I/O workload.</summary>
    private static void Storage(IAnsiConsole console, SimulationResult r)
    {
        if (r.Disks.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine($"[bold]Disks:[/] {r.Disks.Count} with I/O");
        Table t = NewTable("VM", "Disk", "Volume", "IOPS", "Normalized", "Latency", "p95", "Read", "Written");
        foreach (int right in new[] { 3, 4, 5, 6, 7, 8 })
        {
            t.Columns[right].RightAligned();
        }

        foreach (DiskRecord d in r.Disks)
        {
            t.AddRow(Cell(d.Vm), Cell(d.Disk), Cell(d.Volume ?? "-"), Cell(Number(d.Iops)), Cell(Number(d.NormalizedIops)),
                Cell(Ms(d.LatencyMs)), Cell(Ms(d.LatencyP95Ms)), Cell(HumanUnits.Bytes(d.BytesRead)), Cell(HumanUnits.Bytes(d.BytesWritten)));
        }

        console.Write(t);
        Table v = NewTable("Volume", "Kind", "Utilisation", "Peak", "IOPS");
        foreach (VolumeRecord x in r.Volumes)
        {
            v.AddRow(Cell(x.Name), Cell(x.Kind), Cell(HumanUnits.Percent(x.UtilisationMean)), Cell(HumanUnits.Percent(x.UtilisationPeak)), Cell(Number(x.Iops)));
        }

        console.Write(v);
        if (r.QosEvents.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine($"[bold]Storage QoS events:[/] {r.QosEvents.Count}");
        foreach (QosEventRecord q in r.QosEvents)
        {
            string colour = q.Id == 32930 ? "yellow" : "green";
            console.MarkupLine($"  {HumanUnits.Seconds(q.At)}  [{colour}]{q.Id}[/]  {Markup.Escape(q.Vm)}/{Markup.Escape(q.Disk)}: {Markup.Escape(q.Reason)}");
        }
    }

    /// <summary>Saves and restores, host upgrades and VHDX resizes, each kind only when the run had some.</summary>
    private static void Operations(IAnsiConsole console, SimulationResult r)
    {
        foreach (OperationTable table in OperationTables.Of(r))
        {
            console.WriteLine();
            console.MarkupLine($"[bold]{Markup.Escape(table.Title)}:[/] {table.Rows.Count}");
            Table t = NewTable(table.Columns.Select(c => c.Header).ToArray());
            for (int i = 0; i < table.Columns.Length; i++)
            {
                if (table.Columns[i].Numeric)
                {
                    t.Columns[i].RightAligned();
                }
            }

            foreach (string[] row in table.Rows)
            {
                t.AddRow(row.Select(Cell).ToArray());
            }

            console.Write(t);
        }
    }

    private static string Number(double x) => x.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double ms) => ms.ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    private static Table NewTable(params string[] headers)
    {
        var t = new Table().Border(TableBorder.Simple);
        foreach (string h in headers)
        {
            t.AddColumn(new TableColumn(new Markup($"[bold]{Markup.Escape(h)}[/]")));
        }

        return t;
    }

    private static IRenderable Cell(string text) => new Spectre.Console.Text(text);

    private static IRenderable Result(MigrationResult result) => result switch
    {
        MigrationResult.Completed => new Markup("[green]completed[/]"),
        MigrationResult.Failed => new Markup("[red]failed[/]"),
        _ => new Markup($"[yellow]{Markup.Escape(WireNames.Of(result))}[/]"),
    };
}
