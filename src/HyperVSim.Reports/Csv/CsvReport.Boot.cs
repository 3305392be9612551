using HyperVSim.Model.Results;

namespace HyperVSim.Reports.Csv;

/// <summary>boots.csv, boot-phases.csv (keyed by the boot's VM and start), boot-storms.csv and sessions.csv.</summary>
public static partial class CsvReport
{
    private static readonly string[] BootFileNames = ["boots.csv", "boot-phases.csv", "boot-storms.csv", "sessions.csv"];

    private static string[] BootTables(SimulationResult r)
    {
        var boots = new CsvTable("vm", "generation", "guestOs", "host", "requestedAt", "startedAt", "onlineAt", "runningAt", "waitSeconds", "bootSeconds", "device", "result", "reason");
        var phases = new CsvTable("vm", "startedAt", "kind", "device", "startAt", "endAt", "seconds", "bytesRead", "bytesWritten", "reason");
        foreach (BootRecord b in r.Boots)
        {
            boots.Row(b.Vm, b.Generation, b.GuestOs, b.Host, b.RequestedAt, b.StartedAt, b.OnlineAt, b.RunningAt, b.StartedAt - b.RequestedAt, b.RunningAt - b.StartedAt, b.Device, b.Result, b.Reason);
            foreach (BootPhaseRecord p in b.Phases)
            {
                phases.Row(b.Vm, b.StartedAt, p.Kind, p.Device, p.Start, p.End, p.Seconds, p.BytesRead, p.BytesWritten, p.Reason);
            }
        }

        var storms = new CsvTable("generation", "boots", "running", "firstRequestedAt", "lastRunningAt", "stormSeconds", "meanBootSeconds", "maxBootSeconds", "meanWaitSeconds");
        foreach (BootStormRecord s in BootStormRecord.Of(r.Boots))
        {
            storms.Row(s.Generation, s.Boots, s.Running, s.FirstRequestedAt, s.LastRunningAt, s.Seconds, s.MeanBootSeconds, s.MaxBootSeconds, s.MeanWaitSeconds);
        }

        var sessions = new CsvTable("vm", "at", "host", "requested", "mode", "usb", "outcome", "reason");
        foreach (SessionRecord s in r.Sessions)
        {
            sessions.Row(s.Vm, s.At, s.Host, s.Requested, s.Mode, s.Usb ? "true" : "false", s.Outcome, s.Reason);
        }

        return [boots.ToString(), phases.ToString(), storms.ToString(), sessions.ToString()];
    }
}
