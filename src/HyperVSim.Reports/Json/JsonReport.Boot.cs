using System.Text.Json;
using HyperVSim.Model.Results;

namespace HyperVSim.Reports.Json;

/// <summary>Boots, boot storms and console sessions (docs/report-format.md): written only when a run has them, so other reports stay as they were.</summary>
public static partial class JsonReport
{
    private static void WriteBoots(Utf8JsonWriter w, SimulationResult r, Sections sections)
    {
        if (r.Boots.Count > 0 && sections.Has("boots"))
        {
            w.WriteStartArray("boots");
            foreach (BootRecord b in r.Boots)
            {
                w.WriteStartObject();
                w.WriteString("vm", b.Vm);
                w.WriteNumber("generation", b.Generation);
                w.WriteString("guestOs", b.GuestOs);
                w.WriteString("host", b.Host);
                w.WriteNumber("requestedAt", Round(b.RequestedAt));
                w.WriteNumber("startedAt", Round(b.StartedAt));
                WriteNumberOrNull(w, "onlineAt", b.OnlineAt);
                WriteNumberOrNull(w, "runningAt", b.RunningAt);
                w.WriteNumber("waitSeconds", Round(b.StartedAt - b.RequestedAt));
                WriteNumberOrNull(w, "bootSeconds", b.RunningAt - b.StartedAt);
                WriteStringOrNull(w, "device", b.Device);
                w.WriteString("result", b.Result);
                WriteStringOrNull(w, "reason", b.Reason);
                w.WriteStartArray("phases");
                foreach (BootPhaseRecord p in b.Phases)
                {
                    w.WriteStartObject();
                    w.WriteString("kind", p.Kind);
                    WriteStringOrNull(w, "device", p.Device);
                    w.WriteNumber("startAt", Round(p.Start));
                    w.WriteNumber("endAt", Round(p.End));
                    w.WriteNumber("bytesRead", p.BytesRead);
                    w.WriteNumber("bytesWritten", p.BytesWritten);
                    WriteStringOrNull(w, "reason", p.Reason);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (r.Boots.Count > 0 && sections.Has("bootStorms"))
        {
            w.WriteStartArray("bootStorms");
            foreach (BootStormRecord s in BootStormRecord.Of(r.Boots))
            {
                w.WriteStartObject();
                w.WriteNumber("generation", s.Generation);
                w.WriteNumber("boots", s.Boots);
                w.WriteNumber("running", s.Running);
                w.WriteNumber("firstRequestedAt", Round(s.FirstRequestedAt));
                WriteNumberOrNull(w, "lastRunningAt", s.LastRunningAt);
                WriteNumberOrNull(w, "stormSeconds", s.Seconds);
                WriteNumberOrNull(w, "meanBootSeconds", s.MeanBootSeconds);
                WriteNumberOrNull(w, "maxBootSeconds", s.MaxBootSeconds);
                w.WriteNumber("meanWaitSeconds", Round(s.MeanWaitSeconds));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (r.Sessions.Count > 0 && sections.Has("sessions"))
        {
            w.WriteStartArray("sessions");
            foreach (SessionRecord s in r.Sessions)
            {
                w.WriteStartObject();
                w.WriteString("vm", s.Vm);
                w.WriteNumber("at", Round(s.At));
                WriteStringOrNull(w, "host", s.Host);
                w.WriteString("requested", s.Requested);
                w.WriteString("mode", s.Mode);
                w.WriteBoolean("usb", s.Usb);
                w.WriteString("outcome", s.Outcome);
                w.WriteString("reason", s.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
    }
}
