using System.Text.Json;
using HyperVSim.Model.Results;

namespace HyperVSim.Reports.Json;

/// <summary>
/// The contract's JSON report (<c>hypervsim.report/v1</c>): times in seconds, sizes in bytes, fields in a
/// fixed order, so the same result always gives the same bytes.
/// </summary>
public static partial class JsonReport
{
    public const string Schema = "hypervsim.report/v1";

    /// <summary>A buffer per thread for <see cref="Read{T}(SimulationResult, IReadOnlySet{string}?, Func{JsonElement, T})"/>, taken out of the slot while in use.</summary>
    [ThreadStatic]
    private static MemoryStream? t_readBuffer;

    /// <summary>A read buffer larger than this is let go after use rather than kept by its thread.</summary>
    private const int KeptReadBufferBytes = 4 << 20;

    /// <summary>Writes the report as indented UTF-8 JSON with a final newline.</summary>
    public static void Write(SimulationResult result, Stream stream) => Write(result, stream, indented: true, Sections.All);

    /// <summary>
    /// Reads fields of the report (study metrics) through <paramref name="read"/>, which sees the document only during
    /// the call: the report is written compact (the same values as <see cref="Write(SimulationResult, Stream)"/>,
    /// without the indentation) as UTF-8 into a buffer kept per thread, and parsed from there, with no string in between.
    /// A study reads thousands of reports, one per case, on every core.
    /// </summary>
    public static T Read<T>(SimulationResult result, Func<JsonElement, T> read) => Read(result, sections: null, read);

    /// <summary>
    /// <see cref="Read{T}(SimulationResult, Func{JsonElement, T})"/> with only the report's top-level fields named in
    /// <paramref name="sections"/> written (all when null): a study whose metrics read <c>drains[0].totalSeconds</c>
    /// neither writes nor parses the migrations' phases or the VMs' timelines. A field that is written has the same value
    /// as in the full report; a section the report does not have stays absent.
    /// </summary>
    public static T Read<T>(SimulationResult result, IReadOnlySet<string>? sections, Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        MemoryStream buffer = t_readBuffer ?? new MemoryStream();
        t_readBuffer = null; // a read inside read gets a buffer of its own
        try
        {
            buffer.SetLength(0);
            Write(result, buffer, indented: false, new Sections(sections));
            using JsonDocument doc = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            return read(doc.RootElement);
        }
        finally
        {
            // Kept for the thread's next report unless one grew it past what a study's cases need (a long run's timelines).
            t_readBuffer = buffer.Capacity <= KeptReadBufferBytes ? buffer : null;
        }
    }

    private static void Write(SimulationResult result, Stream stream, bool indented, Sections s)
    {
        ArgumentNullException.ThrowIfNull(result);
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            if (s.Has("scenario"))
            {
                w.WriteString("scenario", result.Scenario);
            }

            if (s.Has("seed"))
            {
                w.WriteNumber("seed", result.Seed);
            }

            if (s.Has("simulatedSeconds"))
            {
                w.WriteNumber("simulatedSeconds", Round(result.SimulatedSeconds));
            }

            if (s.Has("summary"))
            {
                WriteSummary(w, result);
            }

            if (s.Has("migrations"))
            {
                WriteMigrations(w, result.Migrations);
            }

            if (s.Has("drains"))
            {
                WriteDrains(w, result.Drains);
            }

            if (s.Has("vms"))
            {
                WriteVms(w, result.Vms);
            }

            if (s.Has("failovers"))
            {
                WriteFailovers(w, result.Failovers);
            }

            if (s.Has("quorum"))
            {
                WriteQuorum(w, result.Quorum);
            }

            if (s.Has("guestClusters"))
            {
                WriteGuestClusters(w, result.GuestClusters);
            }

            WriteStorageOperations(w, result, s);
            WriteStorage(w, result, s);
            WriteBoots(w, result, s);
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void WriteMigrations(Utf8JsonWriter w, IReadOnlyList<MigrationRecord> migrations)
    {
        w.WriteStartArray("migrations");
        foreach (MigrationRecord m in migrations)
        {
            WriteMigration(w, m);
        }

        w.WriteEndArray();
    }

    private static void WriteDrains(Utf8JsonWriter w, IReadOnlyList<DrainRecord> drains)
    {
        w.WriteStartArray("drains");
        foreach (DrainRecord d in drains)
        {
            w.WriteStartObject();
            w.WriteString("host", d.Host);
            w.WriteNumber("requestedAt", Round(d.RequestedAt));
            WriteNumberOrNull(w, "completedAt", d.CompletedAt);
            WriteNumberOrNull(w, "totalSeconds", d.TotalSeconds);
            w.WriteNumber("vms", d.Vms);
            w.WriteNumber("moved", d.Moved);
            w.WriteNumber("failed", d.Failed);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteVms(Utf8JsonWriter w, IReadOnlyList<VmRecord> vms)
    {
        w.WriteStartArray("vms");
        foreach (VmRecord v in vms)
        {
            w.WriteStartObject();
            w.WriteString("name", v.Name);
            WriteStringOrNull(w, "host", v.Host);
            w.WriteString("state", v.State);
            w.WriteNumber("outages", v.Outages);
            w.WriteNumber("downtimeSeconds", Round(v.DowntimeSeconds));
            w.WriteNumber("availability", Round(v.Availability));
            w.WriteStartArray("timeline");
            foreach (VmTimelineEntry e in v.Timeline)
            {
                w.WriteStartObject();
                w.WriteNumber("at", Round(e.At));
                w.WriteString("state", e.State);
                WriteStringOrNull(w, "host", e.Host);
                w.WriteString("reason", e.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteQuorum(Utf8JsonWriter w, IReadOnlyList<QuorumRecord> quorum)
    {
        w.WriteStartArray("quorum");
        foreach (QuorumRecord q in quorum)
        {
            w.WriteStartObject();
            w.WriteNumber("at", Round(q.At));
            w.WriteNumber("votes", q.Votes);
            w.WriteBoolean("has", q.Has);
            w.WriteNumber("nodes", q.Nodes);
            w.WriteBoolean("witnessVote", q.WitnessVote);
            w.WriteString("reason", q.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteGuestClusters(Utf8JsonWriter w, IReadOnlyList<GuestClusterEvent> guestClusters)
    {
        w.WriteStartArray("guestClusters");
        foreach (GuestClusterEvent g in guestClusters)
        {
            w.WriteStartObject();
            w.WriteString("guestCluster", g.GuestCluster);
            w.WriteNumber("at", Round(g.At));
            w.WriteString("kind", g.Kind);
            w.WriteString("member", g.Member);
            w.WriteString("reason", g.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>
    /// Disk I/O, Storage QoS events and volume utilisation: written only when some disk has an I/O workload, so reports
    /// of scenarios without one stay as they were.
    /// </summary>
    private static void WriteStorage(Utf8JsonWriter w, SimulationResult result, Sections sections)
    {
        if (result.Disks.Count == 0)
        {
            return;
        }

        if (sections.Has("disks"))
        {
            w.WriteStartArray("disks");
            foreach (DiskRecord d in result.Disks)
            {
                w.WriteStartObject();
                w.WriteString("vm", d.Vm);
                w.WriteString("disk", d.Disk);
                WriteStringOrNull(w, "volume", d.Volume);
                w.WriteNumber("iops", Round(d.Iops));
                w.WriteNumber("normalizedIops", Round(d.NormalizedIops));
                w.WriteStartObject("latencyMs");
                w.WriteNumber("mean", Round(d.LatencyMs));
                w.WriteNumber("p95", Round(d.LatencyP95Ms));
                w.WriteEndObject();
                w.WriteNumber("bytesRead", d.BytesRead);
                w.WriteNumber("bytesWritten", d.BytesWritten);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (sections.Has("qosEvents"))
        {
            w.WriteStartArray("qosEvents");
            foreach (QosEventRecord q in result.QosEvents)
            {
                w.WriteStartObject();
                w.WriteNumber("at", Round(q.At));
                w.WriteNumber("id", q.Id);
                w.WriteString("vm", q.Vm);
                w.WriteString("disk", q.Disk);
                w.WriteString("reason", q.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (sections.Has("volumes"))
        {
            w.WriteStartArray("volumes");
            foreach (VolumeRecord v in result.Volumes)
            {
                w.WriteStartObject();
                w.WriteString("name", v.Name);
                w.WriteString("kind", v.Kind);
                w.WriteStartObject("utilisation");
                w.WriteNumber("mean", Round(v.UtilisationMean));
                w.WriteNumber("peak", Round(v.UtilisationPeak));
                w.WriteEndObject();
                w.WriteNumber("iops", Round(v.Iops));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
    }

    /// <summary>The top-level fields of the report to write: all, or a named set (a study's metrics).</summary>
    private readonly struct Sections(IReadOnlySet<string>? names)
    {
        public static Sections All => default;

        public bool Has(string name) => names is null || names.Contains(name);
    }

    /// <summary>The report as a string (tests, golden files).</summary>
    public static string ToJson(SimulationResult result)
    {
        using var ms = new MemoryStream();
        Write(result, ms);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>Saves and restores, upgrades and resizes: always written (empty arrays when there were none), as failovers are.</summary>
    private static void WriteStorageOperations(Utf8JsonWriter w, SimulationResult r, Sections sections)
    {
        if (sections.Has("savedStates"))
        {
            w.WriteStartArray("savedStates");
            foreach (SavedStateRecord s in r.SavedStates)
            {
                w.WriteStartObject();
                w.WriteString("vm", s.Vm);
                w.WriteString("kind", s.Kind);
                WriteStringOrNull(w, "host", s.Host);
                WriteStringOrNull(w, "volume", s.Volume);
                w.WriteNumber("requestedAt", Round(s.RequestedAt));
                WriteNumberOrNull(w, "completedAt", s.CompletedAt);
                WriteNumberOrNull(w, "seconds", s.Seconds);
                w.WriteNumber("bytes", s.Bytes);
                w.WriteNumber("configurationVersion", s.ConfigurationVersion);
                w.WriteString("requestedBy", s.RequestedBy);
                w.WriteString("result", s.Result);
                WriteStringOrNull(w, "reason", s.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (sections.Has("upgrades"))
        {
            w.WriteStartArray("upgrades");
            foreach (UpgradeRecord u in r.Upgrades)
            {
                w.WriteStartObject();
                w.WriteString("host", u.Host);
                w.WriteString("from", u.From);
                w.WriteString("to", u.To);
                w.WriteNumber("requestedAt", Round(u.RequestedAt));
                WriteNumberOrNull(w, "downAt", u.DownAt);
                WriteNumberOrNull(w, "upAt", u.UpAt);
                WriteNumberOrNull(w, "completedAt", u.CompletedAt);
                w.WriteNumber("vms", u.Vms);
                w.WriteNumber("restored", u.Restored);
                WriteStringOrNull(w, "reason", u.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (sections.Has("resizes"))
        {
            w.WriteStartArray("resizes");
            foreach (ResizeRecord z in r.Resizes)
            {
                w.WriteStartObject();
                w.WriteString("vm", z.Vm);
                w.WriteString("disk", z.Disk);
                w.WriteNumber("fromBytes", z.FromBytes);
                w.WriteNumber("toBytes", z.ToBytes);
                w.WriteNumber("requestedAt", Round(z.RequestedAt));
                WriteNumberOrNull(w, "completedAt", z.CompletedAt);
                WriteNumberOrNull(w, "seconds", z.Seconds);
                w.WriteNumber("zeroedBytes", z.ZeroedBytes);
                w.WriteString("result", z.Result);
                WriteStringOrNull(w, "reason", z.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
    }

    private static void WriteSummary(Utf8JsonWriter w, SimulationResult r)
    {
        w.WriteStartObject("summary");
        w.WriteNumber("migrations", r.Migrations.Count);
        w.WriteNumber("completed", r.Migrations.Count(m => m.Result == MigrationResult.Completed));
        w.WriteNumber("failed", r.Migrations.Count(m => m.Result == MigrationResult.Failed));
        w.WriteNumber("cancelled", r.Migrations.Count(m => m.Result == MigrationResult.Cancelled));
        w.WriteNumber("bytesOnWire", r.Migrations.Sum(m => m.BytesOnWire));
        double? last = r.Migrations.Where(m => m.Result == MigrationResult.Completed).Select(m => m.CompletedAt).Max();
        if (last is { } l)
        {
            w.WriteNumber("lastMigrationCompletedAt", Round(l));
        }
        else
        {
            w.WriteNull("lastMigrationCompletedAt");
        }

        w.WriteNumber("eventsProcessed", r.EventsProcessed);
        w.WriteEndObject();
    }

    private static void WriteFailovers(Utf8JsonWriter w, IReadOnlyList<FailoverRecord> failovers)
    {
        w.WriteStartArray("failovers");
        foreach (FailoverRecord f in failovers)
        {
            w.WriteStartObject();
            w.WriteString("fault", f.Fault);
            w.WriteString("target", f.Target);
            w.WriteNumber("at", Round(f.At));
            WriteNumberOrNull(w, "detectedAt", f.DetectedAt);
            WriteStringOrNull(w, "detector", f.Detector);
            WriteStringOrNull(w, "detail", f.Detail);
            w.WriteStartArray("vms");
            foreach (FailoverVm v in f.Vms)
            {
                w.WriteStartObject();
                w.WriteString("vm", v.Vm);
                WriteStringOrNull(w, "host", v.Host);
                WriteNumberOrNull(w, "runningAt", v.RunningAt);
                WriteNumberOrNull(w, "downtimeSeconds", v.DowntimeSeconds);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteNumberOrNull(w, "recoveredAt", f.RecoveredAt);
            WriteNumberOrNull(w, "recoverySeconds", f.RecoverySeconds);
            w.WriteStartArray("notRecovered");
            foreach (NotRecovered n in f.NotRecovered)
            {
                w.WriteStartObject();
                w.WriteString("vm", n.Vm);
                w.WriteString("reason", n.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteMigration(Utf8JsonWriter w, MigrationRecord m)
    {
        w.WriteStartObject();
        w.WriteString("vm", m.Vm);
        w.WriteString("from", m.From);
        WriteStringOrNull(w, "to", m.To);
        w.WriteString("kind", m.Kind);
        w.WriteString("strategy", m.Strategy);
        if (m.Fallback is { } fallback)
        {
            w.WriteString("fallback", fallback);
        }

        w.WriteString("option", m.Option);
        w.WriteString("requestedBy", m.RequestedBy);
        w.WriteNumber("requestedAt", Round(m.RequestedAt));
        WriteNumberOrNull(w, "startedAt", m.StartedAt);
        WriteNumberOrNull(w, "completedAt", m.CompletedAt);
        WriteNumberOrNull(w, "totalSeconds", m.TotalSeconds);
        w.WriteNumber("queuedSeconds", Round(m.QueuedSeconds));
        w.WriteNumber("blackoutSeconds", Round(m.BlackoutSeconds));
        w.WriteNumber("rounds", m.Rounds);
        w.WriteNumber("memoryBytes", m.MemoryBytes);
        w.WriteNumber("bytesOnWire", m.BytesOnWire);
        w.WriteNumber("cpuSeconds", Round(m.CpuSeconds));
        WriteStringOrNull(w, "network", m.Network);
        w.WriteStartArray("nics");
        foreach (string nic in m.Nics)
        {
            w.WriteStringValue(nic);
        }

        w.WriteEndArray();
        WriteStringOrNull(w, "limitedBy", m.LimitedBy?.Name);
        WriteStringOrNull(w, "limitedByDetail", m.LimitedByDetail);
        WriteStringOrNull(w, "stopReason", m.StopReason);
        w.WriteNumber("copyBytes", m.CopyBytes);
        w.WriteNumber("mirrorBytes", m.MirrorBytes);
        w.WriteNumber("degradedSeconds", Round(m.DegradedSeconds));
        w.WriteNumber("stallSeconds", Round(m.StallSeconds));
        w.WriteString("result", WireNames.Of(m.Result));
        if (m.Reason is not null)
        {
            w.WriteString("reason", m.Reason);
        }

        w.WriteStartArray("phases");
        foreach (PhaseRecord p in m.Phases)
        {
            w.WriteStartObject();
            w.WriteString("kind", WireNames.Of(p.Kind));
            if (p.Pass is { } pass)
            {
                w.WriteNumber("pass", pass);
            }

            w.WriteNumber("startedAt", Round(p.StartedAt));
            w.WriteNumber("completedAt", Round(p.CompletedAt));
            w.WriteNumber("seconds", Round(p.Seconds));
            w.WriteNumber("bytes", p.Bytes);
            w.WriteNumber("bytesOnWire", p.BytesOnWire);
            w.WriteNumber("dirtiedBytes", p.DirtiedBytes);
            WriteStringOrNull(w, "limitedBy", p.LimitedBy?.Name);
            if (p.Kind == PhaseKind.Pass)
            {
                w.WriteNumber("guestThrottle", p.GuestThrottle);
            }

            if (p.Encoding is { } encoding)
            {
                w.WriteString("encoding", WireNames.Of(encoding));
            }

            if (p.FellBackAt is { } fellBack)
            {
                w.WriteNumber("fellBackAt", Round(fellBack));
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Seconds to the nanosecond the clock counts in: removes float noise from differences of times.</summary>
    internal static double Round(double seconds) => Math.Round(seconds, 9, MidpointRounding.AwayFromZero);

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Round(v));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
