using HyperVSim.Model.Results;

namespace HyperVSim.Reports.Csv;

/// <summary>
/// Tidy CSV: one row per record, one file per record kind (migrations.csv, phases.csv, drains.csv, vms.csv,
/// series.csv), with the JSON report's field names as columns. Phases and series rows carry the keys of their parent.
/// </summary>
public static class CsvReport
{
    /// <summary>The files <see cref="Tables"/> returns, in its order.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["migrations.csv", "phases.csv", "drains.csv", "vms.csv", "series.csv"];

    /// <summary>The files and their contents, in a fixed order.</summary>
    public static IReadOnlyList<(string File, string Text)> Tables(SimulationResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var migrations = new CsvTable("vm", "from", "to", "kind", "option", "requestedBy", "requestedAt", "startedAt", "completedAt", "totalSeconds",
            "queuedSeconds", "blackoutSeconds", "rounds", "memoryBytes", "bytesOnWire", "cpuSeconds", "network", "nics", "limitedBy", "stopReason", "result", "reason");
        var phases = new CsvTable("vm", "requestedAt", "kind", "pass", "startedAt", "completedAt", "seconds", "bytes", "bytesOnWire", "dirtiedBytes", "limitedBy", "guestThrottle");
        foreach (MigrationRecord m in r.Migrations)
        {
            migrations.Row(m.Vm, m.From, m.To, m.Kind, m.Option, m.RequestedBy, m.RequestedAt, m.StartedAt, m.CompletedAt, m.TotalSeconds,
                m.QueuedSeconds, m.BlackoutSeconds, m.Rounds, m.MemoryBytes, m.BytesOnWire, m.CpuSeconds, m.Network, string.Join(' ', m.Nics), m.LimitedBy?.Name, m.StopReason, WireNames.Of(m.Result), m.Reason);
            foreach (PhaseRecord p in m.Phases)
            {
                phases.Row(m.Vm, m.RequestedAt, WireNames.Of(p.Kind), p.Pass, p.StartedAt, p.CompletedAt, p.Seconds, p.Bytes, p.BytesOnWire, p.DirtiedBytes, p.LimitedBy?.Name, p.GuestThrottle);
            }
        }

        var drains = new CsvTable("host", "requestedAt", "completedAt", "totalSeconds", "vms", "moved", "failed");
        foreach (DrainRecord d in r.Drains)
        {
            drains.Row(d.Host, d.RequestedAt, d.CompletedAt, d.TotalSeconds, d.Vms, d.Moved, d.Failed);
        }

        var vms = new CsvTable("name", "host", "state", "outages", "downtimeSeconds");
        foreach (VmRecord v in r.Vms)
        {
            vms.Row(v.Name, v.Host, v.State, v.Outages, v.DowntimeSeconds);
        }

        var series = new CsvTable("series", "unit", "time", "value");
        foreach (TimeSeries s in r.Series)
        {
            foreach (TimePoint p in s.Points)
            {
                series.Row(s.Name, s.Unit, p.Time, p.Value);
            }
        }

        string[] texts = [migrations.ToString(), phases.ToString(), drains.ToString(), vms.ToString(), series.ToString()];
        return FileNames.Zip(texts).ToArray();
    }
}
