using HyperVSim.Model.Results;

namespace HyperVSim.Reports.Csv;

/// <summary>
/// Tidy CSV: one row per record, one file per record kind (migrations.csv, phases.csv, drains.csv, vms.csv,
/// series.csv, timeline.csv, failovers.csv, failover-vms.csv, quorum.csv, guest-clusters.csv, disks.csv, qos-events.csv, volumes.csv,
/// saved-states.csv, upgrades.csv, resizes.csv), with the JSON report's
/// field names as columns. Every file is written, a header alone when there are no records, so the set is stable.
/// Phase, series, timeline and failover-VM rows carry the keys of their parent.
/// </summary>
public static partial class CsvReport
{
    /// <summary>The files <see cref="Tables"/> returns, in its order.</summary>
    public static readonly IReadOnlyList<string> FileNames =
    [
        "migrations.csv", "phases.csv", "drains.csv", "vms.csv", "series.csv", "timeline.csv", "failovers.csv", "failover-vms.csv", "quorum.csv", "guest-clusters.csv",
        "disks.csv", "qos-events.csv", "volumes.csv", "saved-states.csv", "upgrades.csv", "resizes.csv", .. BootFileNames,
    ];

    /// <summary>The files and their contents, in a fixed order.</summary>
    public static IReadOnlyList<(string File, string Text)> Tables(SimulationResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var migrations = new CsvTable("vm", "from", "to", "kind", "strategy", "fallback", "option", "requestedBy", "requestedAt", "startedAt", "completedAt", "totalSeconds",
            "queuedSeconds", "blackoutSeconds", "rounds", "memoryBytes", "bytesOnWire", "cpuSeconds", "network", "nics", "limitedBy", "stopReason", "copyBytes", "mirrorBytes", "degradedSeconds", "stallSeconds", "result", "reason");
        var phases = new CsvTable("vm", "requestedAt", "kind", "pass", "startedAt", "completedAt", "seconds", "bytes", "bytesOnWire", "dirtiedBytes", "limitedBy", "guestThrottle");
        foreach (MigrationRecord m in r.Migrations)
        {
            migrations.Row(m.Vm, m.From, m.To, m.Kind, m.Strategy, m.Fallback, m.Option, m.RequestedBy, m.RequestedAt, m.StartedAt, m.CompletedAt, m.TotalSeconds,
                m.QueuedSeconds, m.BlackoutSeconds, m.Rounds, m.MemoryBytes, m.BytesOnWire, m.CpuSeconds, m.Network, string.Join(' ', m.Nics), m.LimitedBy?.Name, m.StopReason, m.CopyBytes, m.MirrorBytes, m.DegradedSeconds, m.StallSeconds, WireNames.Of(m.Result), m.Reason);
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

        var vms = new CsvTable("name", "host", "state", "outages", "downtimeSeconds", "availability");
        var timeline = new CsvTable("vm", "at", "state", "host", "reason");
        foreach (VmRecord v in r.Vms)
        {
            vms.Row(v.Name, v.Host, v.State, v.Outages, v.DowntimeSeconds, v.Availability);
            foreach (VmTimelineEntry e in v.Timeline)
            {
                timeline.Row(v.Name, e.At, e.State, e.Host, e.Reason);
            }
        }

        var series = new CsvTable("series", "unit", "time", "value");
        foreach (TimeSeries s in r.Series)
        {
            foreach (TimePoint p in s.Points)
            {
                series.Row(s.Name, s.Unit, p.Time, p.Value);
            }
        }

        var (failovers, failoverVms) = Failovers(r);
        var quorum = new CsvTable("at", "votes", "has", "nodes", "witnessVote", "reason");
        foreach (QuorumRecord q in r.Quorum)
        {
            quorum.Row(q.At, q.Votes, Bool(q.Has), q.Nodes, Bool(q.WitnessVote), q.Reason);
        }

        var guests = new CsvTable("guestCluster", "at", "kind", "member", "reason");
        foreach (GuestClusterEvent g in r.GuestClusters)
        {
            guests.Row(g.GuestCluster, g.At, g.Kind, g.Member, g.Reason);
        }

        var disks = new CsvTable("vm", "disk", "volume", "iops", "normalizedIops", "latencyMsMean", "latencyMsP95", "bytesRead", "bytesWritten");
        foreach (DiskRecord d in r.Disks)
        {
            disks.Row(d.Vm, d.Disk, d.Volume, d.Iops, d.NormalizedIops, d.LatencyMs, d.LatencyP95Ms, d.BytesRead, d.BytesWritten);
        }

        var qos = new CsvTable("at", "id", "vm", "disk", "reason");
        foreach (QosEventRecord q in r.QosEvents)
        {
            qos.Row(q.At, q.Id, q.Vm, q.Disk, q.Reason);
        }

        var volumes = new CsvTable("name", "kind", "utilisationMean", "utilisationPeak", "iops");
        foreach (VolumeRecord v in r.Volumes)
        {
            volumes.Row(v.Name, v.Kind, v.UtilisationMean, v.UtilisationPeak, v.Iops);
        }

        var (savedStates, upgrades, resizes) = Operations(r);
        string[] texts =
        [
            migrations.ToString(), phases.ToString(), drains.ToString(), vms.ToString(), series.ToString(), timeline.ToString(),
            failovers.ToString(), failoverVms.ToString(), quorum.ToString(), guests.ToString(), disks.ToString(), qos.ToString(), volumes.ToString(),
            savedStates.ToString(), upgrades.ToString(), resizes.ToString(),
        ];
        return FileNames.Zip([.. texts, .. BootTables(r)]).ToArray();
    }

    /// <summary>
    /// failovers.csv (one row per fault, counts of its VMs) and failover-vms.csv (one row per affected VM, keyed by the
    /// fault's index in failovers.csv, with the reason when it did not run again).
    /// </summary>
    private static (CsvTable Failovers, CsvTable Vms) Failovers(SimulationResult r)
    {
        var failovers = new CsvTable("fault", "target", "at", "detectedAt", "detector", "detail", "vms", "recoveredAt", "recoverySeconds", "notRecovered");
        var vms = new CsvTable("failover", "vm", "host", "runningAt", "downtimeSeconds", "reason");
        for (int i = 0; i < r.Failovers.Count; i++)
        {
            FailoverRecord f = r.Failovers[i];
            failovers.Row(f.Fault, f.Target, f.At, f.DetectedAt, f.Detector, f.Detail, f.Vms.Count, f.RecoveredAt, f.RecoverySeconds, f.NotRecovered.Count);
            foreach (FailoverVm v in f.Vms)
            {
                vms.Row(i, v.Vm, v.Host, v.RunningAt, v.DowntimeSeconds, f.NotRecovered.FirstOrDefault(n => n.Vm == v.Vm)?.Reason);
            }

            foreach (NotRecovered n in f.NotRecovered.Where(n => !f.Vms.Any(v => v.Vm == n.Vm)))
            {
                vms.Row(i, n.Vm, null, null, null, n.Reason);
            }
        }

        return (failovers, vms);
    }

    /// <summary>saved-states.csv, upgrades.csv and resizes.csv: the JSON report's savedStates[], upgrades[] and resizes[] field for field.</summary>
    private static (CsvTable SavedStates, CsvTable Upgrades, CsvTable Resizes) Operations(SimulationResult r)
    {
        var saved = new CsvTable("vm", "kind", "host", "volume", "requestedAt", "completedAt", "seconds", "bytes", "configurationVersion", "requestedBy", "result", "reason");
        foreach (SavedStateRecord s in r.SavedStates)
        {
            saved.Row(s.Vm, s.Kind, s.Host, s.Volume, s.RequestedAt, s.CompletedAt, s.Seconds, s.Bytes, s.ConfigurationVersion, s.RequestedBy, s.Result, s.Reason);
        }

        var upgrades = new CsvTable("host", "from", "to", "requestedAt", "downAt", "upAt", "completedAt", "vms", "restored", "reason");
        foreach (UpgradeRecord u in r.Upgrades)
        {
            upgrades.Row(u.Host, u.From, u.To, u.RequestedAt, u.DownAt, u.UpAt, u.CompletedAt, u.Vms, u.Restored, u.Reason);
        }

        var resizes = new CsvTable("vm", "disk", "fromBytes", "toBytes", "requestedAt", "completedAt", "seconds", "zeroedBytes", "result", "reason");
        foreach (ResizeRecord z in r.Resizes)
        {
            resizes.Row(z.Vm, z.Disk, z.FromBytes, z.ToBytes, z.RequestedAt, z.CompletedAt, z.Seconds, z.ZeroedBytes, z.Result, z.Reason);
        }

        return (saved, upgrades, resizes);
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
