using System.Globalization;
using System.Text;

namespace HyperVSim.Scenarios.Import;

/// <summary>The measurement CSV written from a live-migration event export: its text, the rows, and what was left out.</summary>
public sealed record EventsImportResult(string Csv, int Rows, IReadOnlyList<string> Notes);

/// <summary>
/// Turns the live-migration events the collector exports (<c>-EventDays N</c>, docs/import.md) into the measurement CSV
/// <c>hypervsim calibrate</c> reads (docs/calibrate.md): one row per completed live migration, paired from its start
/// event (20413, VMMS-Admin, on the source) and its completion (20415 or 20417) on the same source for the same VM.
/// </summary>
public static class MigrationEventsImporter
{
    /// <summary>The value of the export's <c>schema</c> key.</summary>
    public const string SchemaName = "hypervsim.migration-events";

    /// <summary>The CSV's header: the columns calibrate reads, in this order.</summary>
    public const string Header = "vm_memory,option,link_speed,concurrency,total_s,blackout_ms,bytes";

    /// <summary>Event IDs of the Microsoft-Windows-Hyper-V-VMMS-Admin log: a live migration started on its source.</summary>
    public const int Started = 20413;

    /// <summary>Event IDs that close a live migration on its source: completed, and completed with a blackout warning.</summary>
    public static readonly IReadOnlyList<int> Completed = [20415, 20417];

    /// <summary>Reads the export at <paramref name="path"/>.</summary>
    /// <exception cref="ImportException">The export is not valid or not consistent.</exception>
    public static EventsImportResult ImportFile(string path) => Import(File.ReadAllBytes(path), path);

    /// <summary>Converts the export <paramref name="json"/> (UTF-8) read from <paramref name="file"/>.</summary>
    public static EventsImportResult Import(byte[] json, string file)
    {
        var r = new Reader(file);
        JNode root = JNode.Parse(json, file, "give the whole file the collector wrote with -EventDays; run it again if it was cut short");

        (List<Host> hosts, List<Vm> vms, List<Ev> events) = r.Read(root);
        if (r.Errors.Count > 0)
        {
            throw new ImportException(r.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
        }

        return Convert(hosts, vms, events);
    }

    private static EventsImportResult Convert(List<Host> hosts, List<Vm> vms, List<Ev> events)
    {
        var notes = new List<string>();
        var hostBy = hosts.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);
        var vmBy = vms.GroupBy(v => v.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var migrations = new List<(Ev Start, Ev End)>();
        int unpaired = 0;
        foreach (var group in events.OrderBy(e => e.Time).ThenBy(e => e.Index).GroupBy(e => (e.Machine.ToUpperInvariant(), e.VmId.ToUpperInvariant())))
        {
            Ev? open = null;
            foreach (Ev e in group)
            {
                if (e.Id == Started)
                {
                    unpaired += open is null ? 0 : 1;
                    open = e;
                }
                else if (open is not null)
                {
                    migrations.Add((open, e));
                    open = null;
                }
            }

            unpaired += open is null ? 0 : 1;
        }

        if (unpaired > 0)
        {
            notes.Add($"{unpaired} started migration(s) have no completion event (failed, cancelled, or still running): left out");
        }

        var rows = new List<(DateTimeOffset Start, string Line)>();
        int unknownVm = 0;
        int zeroLength = 0;
        foreach (var (start, end) in migrations)
        {
            if (!vmBy.TryGetValue(start.VmId, out Vm? vm))
            {
                unknownVm++;
                continue;
            }

            Host host = hostBy[start.Machine];
            // Concurrency: the most live migrations in flight from the same source at any instant of this one (itself included).
            var sameSource = migrations.Where(m => m.Start.Machine.Equals(start.Machine, StringComparison.OrdinalIgnoreCase)).ToList();
            int concurrency = sameSource
                .Where(m => m.Start.Time < end.Time && m.End.Time > start.Time)
                .Select(m => m.Start.Time < start.Time ? start.Time : m.Start.Time)
                .Select(t => sameSource.Count(o => o.Start.Time <= t && o.End.Time > t))
                .DefaultIfEmpty(1)
                .Max();
            double total = (end.Time - start.Time).TotalSeconds;
            if (total <= 0)
            {
                // Both events in the same millisecond: no duration was measured (calibrate needs total_s > 0).
                zeroLength++;
                continue;
            }

            // A blackout of 0 is below the event's resolution, not a measurement: left empty ("not measured").
            string blackout = end.BlackoutSeconds is > 0 and { } b ? (b * 1000).ToString("0.###", CultureInfo.InvariantCulture) : "";
            rows.Add((start.Time, string.Join(",",
                Units.FormatSize(vm.MemoryBytes),
                host.Option.ToLowerInvariant(),
                Units.FormatBitRate(host.LinkSpeedBps),
                concurrency.ToString(CultureInfo.InvariantCulture),
                total.ToString("0.###", CultureInfo.InvariantCulture),
                blackout,
                "")));
        }

        if (unknownVm > 0)
        {
            notes.Add($"{unknownVm} migration(s) are of VMs no longer in the export's vms (deleted since): left out, as their memory is unknown");
        }

        if (zeroLength > 0)
        {
            notes.Add($"{zeroLength} migration(s) completed in the millisecond they started (no duration measured): left out");
        }

        var csv = new StringBuilder(Header).Append('\n');
        foreach (var row in rows.OrderBy(r => r.Start))
        {
            csv.Append(row.Line).Append('\n');
        }

        return new EventsImportResult(csv.ToString(), rows.Count, notes);
    }

    /// <summary>A VM ID as Get-VM and the event properties may spell it: braces dropped (IDs compare ignoring case).</summary>
    private static string Id(string text) => text.Trim().Trim('{', '}');

    private sealed record Host(string Name, string Option, long LinkSpeedBps);

    private sealed record Vm(string Id, long MemoryBytes);

    private sealed record Ev(int Index, int Id, string Machine, DateTimeOffset Time, string VmId, double? BlackoutSeconds);

    private sealed class Reader(string file) : JsonFields(file)
    {
        public (List<Host>, List<Vm>, List<Ev>) Read(JNode root)
        {
            if (root.Kind != System.Text.Json.JsonValueKind.Object)
            {
                Error(root, $"an event export is a JSON object, not {root.Describe()}", "give the file the collector wrote with -EventDays");
                return ([], [], []);
            }

            if (Str(root, "schema") != SchemaName && Errors.Count == 0)
            {
                Error(root["schema"]!, $"\"{root["schema"]!.Text}\" is not a migration-event export", $"give the events file of tools/Export-HyperVSimInventory.ps1 -EventDays (schema \"{SchemaName}\")");
                return ([], [], []);
            }

            if (Get(root, "schemaVersion") is { } version && version.AsLong() != 1)
            {
                Error(version, $"schema version {version.Text} is not known to this version of hypervsim, which reads version 1", "run the collector shipped with this version of hypervsim");
                return ([], [], []);
            }

            var hosts = Array(root, "hosts", h => new Host(
                Str(h, "name"),
                OneOf(h, "performanceOption", ["TCPIP", "Compression", "SMB"], "VirtualMachineMigrationPerformanceOption of Get-VMHost"),
                LinkSpeed(h)));
            var vms = Array(root, "vms", v => new Vm(Id(Str(v, "id")), Long(v, "memoryBytes", 32L << 20, 1L << 40, "a VM has 32MiB to 1TiB")));
            int index = 0;
            var events = Array(root, "events", e => ReadEvent(e, index++));
            var names = new HashSet<string>(hosts.Select(h => h.Name), StringComparer.OrdinalIgnoreCase);
            foreach (JNode e in root["events"]?.Items ?? [])
            {
                if (e["machine"] is { Kind: System.Text.Json.JsonValueKind.String } m && !names.Contains(m.Text))
                {
                    Error(m, $"no host is named \"{m.Text}\"", $"name one of the export's hosts: {List(names)}");
                }
            }

            return (hosts, vms, events);
        }

        private long LinkSpeed(JNode h)
        {
            long speed = Long(h, "linkSpeedBps", 1, long.MaxValue, "the live-migration link speed is positive");
            if (h["linkSpeedBps"]?.AsLong() is > 0 && !InventoryReader.ReportedLinkSpeeds.Contains(speed))
            {
                Error(h["linkSpeedBps"]!, $"{speed} bits/s is not a link speed Get-NetAdapter reports", "give the Speed of the host's live-migration adapter in bits per second");
            }

            return speed;
        }

        private Ev ReadEvent(JNode e, int index)
        {
            long id = Long(e, "id", 0, int.MaxValue, "an event ID");
            if (id != Started && !Completed.Contains((int)id) && e["id"]?.AsLong() is not null)
            {
                Error(e["id"]!, $"event {id} is not a live-migration event this import reads", $"the export holds events {Started} (started) and {string.Join(", ", Completed)} (completed)");
            }

            string time = Str(e, "time");
            DateTimeOffset when = default;
            if (e["time"] is { Kind: System.Text.Json.JsonValueKind.String } at
                && !DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out when))
            {
                Error(at, $"\"{time}\" is not a time", "write an ISO 8601 time in UTC, e.g. 2026-11-20T01:02:03.456Z");
            }

            double? blackout = null;
            if (e["blackoutSeconds"] is { IsNull: false } b)
            {
                blackout = b.AsDouble();
                if (blackout is null or < 0)
                {
                    Error(b, $"blackoutSeconds is {b.Describe()}, not a duration in seconds", "give the blackout time in seconds from the completion event, or null");
                }
            }

            return new Ev(index, (int)id, Str(e, "machine"), when, Id(Str(e, "vmId")), blackout);
        }
    }
}
