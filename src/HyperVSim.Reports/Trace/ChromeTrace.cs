using System.Text.Json;
using HyperVSim.Model.Results;

namespace HyperVSim.Reports.Trace;

/// <summary>
/// Chrome trace-event JSON (opens in Perfetto or chrome://tracing): one process per host, one thread per
/// migration on its source host; each phase is a complete event ("ph":"X") with start and duration in
/// microseconds; queueing is a phase of its own; drains are instant events; series become counter events.
/// </summary>
public static class ChromeTrace
{
    public static void Write(SimulationResult r, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(r);
        var hosts = r.Migrations.Select(m => m.From).Concat(r.Migrations.Select(m => m.To ?? m.From)).Concat(r.Drains.Select(d => d.Host))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        int Pid(string host) => hosts.IndexOf(host) + 1;

        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartObject();
            w.WriteString("displayTimeUnit", "ms");
            w.WriteStartArray("traceEvents");
            Meta(w, "process_name", 0, 0, "cluster");
            foreach (string host in hosts)
            {
                Meta(w, "process_name", Pid(host), 0, host);
            }

            for (int i = 0; i < r.Migrations.Count; i++)
            {
                MigrationRecord m = r.Migrations[i];
                int pid = Pid(m.From);
                int tid = i + 1;
                Meta(w, "thread_name", pid, tid, $"{m.Vm} → {m.To ?? "?"} ({m.Option})");
                if (m.QueuedSeconds > 0)
                {
                    // A migration cancelled while still queued never started: its wait lasted until the run stopped.
                    Complete(w, "queued", "queue", pid, tid, m.RequestedAt, m.StartedAt ?? m.RequestedAt + m.QueuedSeconds, null);
                }

                foreach (PhaseRecord p in m.Phases)
                {
                    string name = p.Pass is { } n ? $"pass {n}" : WireNames.Of(p.Kind);
                    Complete(w, name, WireNames.Of(p.Kind), pid, tid, p.StartedAt, p.CompletedAt, p);
                }

                if (m.Result != MigrationResult.Completed)
                {
                    // A failed migration ends when it is refused; a cancelled one (no completedAt) when the run stopped.
                    Instant(w, $"{WireNames.Of(m.Result)}: {m.Reason}", pid, tid, m.CompletedAt ?? r.SimulatedSeconds);
                }
            }

            foreach (DrainRecord d in r.Drains)
            {
                Instant(w, $"drain {d.Host}", Pid(d.Host), 0, d.RequestedAt);
            }

            foreach (TimeSeries s in r.Series)
            {
                foreach (TimePoint p in s.Points)
                {
                    w.WriteStartObject();
                    w.WriteString("name", s.Name);
                    w.WriteString("ph", "C");
                    w.WriteNumber("pid", 0);
                    w.WriteNumber("ts", Micros(p.Time));
                    w.WriteStartObject("args");
                    w.WriteNumber(s.Unit, p.Value);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void Complete(Utf8JsonWriter w, string name, string category, int pid, int tid, double start, double end, PhaseRecord? p)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("cat", category);
        w.WriteString("ph", "X");
        w.WriteNumber("pid", pid);
        w.WriteNumber("tid", tid);
        w.WriteNumber("ts", Micros(start));
        w.WriteNumber("dur", Micros(end) - Micros(start));
        if (p is not null)
        {
            w.WriteStartObject("args");
            w.WriteNumber("bytes", p.Bytes);
            w.WriteNumber("bytesOnWire", p.BytesOnWire);
            w.WriteNumber("dirtiedBytes", p.DirtiedBytes);
            if (p.LimitedBy is { } factor)
            {
                w.WriteString("limitedBy", factor.Name);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void Instant(Utf8JsonWriter w, string name, int pid, int tid, double at)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("ph", "i");
        w.WriteString("s", tid == 0 ? "p" : "t");
        w.WriteNumber("pid", pid);
        w.WriteNumber("tid", tid);
        w.WriteNumber("ts", Micros(at));
        w.WriteEndObject();
    }

    private static void Meta(Utf8JsonWriter w, string kind, int pid, int tid, string name)
    {
        w.WriteStartObject();
        w.WriteString("name", kind);
        w.WriteString("ph", "M");
        w.WriteNumber("pid", pid);
        w.WriteNumber("tid", tid);
        w.WriteStartObject("args");
        w.WriteString("name", name);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Seconds to whole microseconds (the trace format's unit).</summary>
    private static long Micros(double seconds) => (long)Math.Round(seconds * 1e6, MidpointRounding.AwayFromZero);
}
