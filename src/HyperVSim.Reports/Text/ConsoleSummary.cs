using System.Globalization;
using HyperVSim.Model.Results;

namespace HyperVSim.Reports.Text;

/// <summary>The run's summary for a terminal: what ran, each migration's timings and what limited it, each VM's end state.</summary>
public static class ConsoleSummary
{
    public static void Write(SimulationResult r, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine($"Scenario {r.Scenario} (seed {r.Seed}): simulated {HumanUnits.Seconds(r.SimulatedSeconds)}, {r.EventsProcessed.ToString("N0", CultureInfo.InvariantCulture)} events");
        w.WriteLine();
        w.WriteLine($"Live migrations: {r.Migrations.Count} ({r.Migrations.Count(m => m.Result == "completed")} completed, {r.Migrations.Count(m => m.Result == "failed")} failed)");
        if (r.Migrations.Count > 0)
        {
            var t = new TextTable("VM", "From", "To", "Option", "Queued", "Total", "Blackout", "Passes", "Sent", "Limited by", "Result");
            foreach (MigrationRecord m in r.Migrations)
            {
                t.Add(m.Vm, m.From, m.To ?? "-", m.Option, HumanUnits.Seconds(m.QueuedSeconds),
                    m.TotalSeconds is { } total ? HumanUnits.Seconds(total) : "-",
                    m.Result == "completed" ? HumanUnits.Seconds(m.BlackoutSeconds) : "-",
                    m.Rounds.ToString(CultureInfo.InvariantCulture), HumanUnits.Bytes(m.BytesOnWire),
                    m.LimitedBy ?? "-", m.Result);
            }

            t.WriteTo(w);
            foreach (MigrationRecord m in r.Migrations)
            {
                string? why = Explain(m);
                if (why is not null)
                {
                    w.WriteLine($"  {m.Vm}: {why}");
                }
            }
        }

        if (r.Drains.Count > 0)
        {
            w.WriteLine();
            w.WriteLine($"Node drains: {r.Drains.Count}");
            var t = new TextTable("Host", "Requested", "Took", "VMs", "Moved", "Failed");
            foreach (DrainRecord d in r.Drains)
            {
                t.Add(d.Host, HumanUnits.Seconds(d.RequestedAt), d.TotalSeconds is { } s ? HumanUnits.Seconds(s) : "unfinished",
                    d.Vms.ToString(CultureInfo.InvariantCulture), d.Moved.ToString(CultureInfo.InvariantCulture), d.Failed.ToString(CultureInfo.InvariantCulture));
            }

            t.WriteTo(w);
        }

        w.WriteLine();
        w.WriteLine($"VMs: {r.Vms.Count}");
        if (r.Vms.Count > 0)
        {
            var t = new TextTable("VM", "Host", "State", "Outages", "Downtime");
            foreach (VmRecord v in r.Vms)
            {
                t.Add(v.Name, v.Host ?? "-", v.State, v.Outages.ToString(CultureInfo.InvariantCulture), HumanUnits.Seconds(v.DowntimeSeconds));
            }

            t.WriteTo(w);
        }
    }

    /// <summary>One sentence on why a migration took as long as it did, or why it failed.</summary>
    public static string? Explain(MigrationRecord m)
    {
        if (m.Result != "completed")
        {
            return $"{m.Result}: {m.Reason}";
        }

        string nics = m.Nics.Count > 0 ? $" ({string.Join(", ", m.Nics)})" : string.Empty;
        string detail = m.LimitedByDetail is { } d ? $" {d}" : string.Empty;
        return m.LimitedBy switch
        {
            "nic" => $"bound by the NIC line rate on {m.Network}{nics}{detail}",
            "link" => $"bound by its share of a link used by other migrations{nics}{detail}",
            "compressionCpu" => $"bound by compression CPU{detail}",
            "streamCeiling" => "bound by the per-stream TCP ceiling",
            "dirtyRate" => $"dirtying outpaced the transfer: pre-copy ran all {m.Rounds} passes and the blackout sent what was left",
            "queue" => $"waited {HumanUnits.Seconds(m.QueuedSeconds)} behind the simultaneous-migration limit",
            null => null,
            var other => $"bound by {other}{detail}",
        };
    }
}
