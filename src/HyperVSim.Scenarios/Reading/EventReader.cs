using HyperVSim.Engine;
using HyperVSim.Model.Migration;
using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Diagnostics;
using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios.Reading;

/// <summary>Reads one item of <c>events:</c>: <c>at</c> plus exactly one action (migrate, drain, fail, repair, pause, resume, restart, start, setQos).</summary>
internal static class EventReader
{
    private static readonly string[] Actions = ["migrate", "moveStorage", "drain", "fail", "repair", "pause", "resume", "restart", "start", "save", "restore", "upgrade", "resize", "setQos", "powerOn", "connect"];

    /// <summary>Console session modes.</summary>
    private static readonly string[] Modes = ["basic", "enhanced"];

    /// <summary>The failback modes written as a single word; a window is written <c>{ window: [22, 23] }</c>.</summary>
    private static readonly string[] FailbackWords = ["none", "immediate"];

    /// <summary>Fault targets: key, kind, and whether the value names a host's part as HOST/PART.</summary>
    private static readonly (string Key, FaultTargetKind Kind, string? PairExample)[] Targets =
    [
        ("host", FaultTargetKind.Host, null),
        ("nic", FaultTargetKind.Nic, "hv2/vm1"),
        ("storagePath", FaultTargetKind.StoragePath, "hv4/csv1"),
        ("storage", FaultTargetKind.Storage, null),
    ];

    public static Sourced<ScenarioEventSpec>? Read(YNode node, Origin origin, Scalars scalars)
    {
        int before = scalars.Problems.Count;
        MapReader? map = MapReader.Open(node, origin, "", KeyLevels.Event, scalars);
        if (map is null)
        {
            return null;
        }

        SimTime at = map.Duration("at", Limits.EventAt, "30s") ?? SimTime.Zero;
        string? action = One(map, Actions, $"an event needs one action: {string.Join(", ", Actions)}", "add one, e.g. 'migrate: { vm: sql1, to: hv2 }'", scalars);
        ScenarioEventSpec? spec = action switch
        {
            "migrate" => Migrate(at, map.Map("migrate", KeyLevels.Migrate)),
            "moveStorage" => map.Map("moveStorage", KeyLevels.MoveStorage) is { } ms ? new MoveStorageEventSpec(at, ms.Name("vm", "sql1") ?? "", ms.Name("to", "csv2") ?? "") : null,
            "drain" => new DrainEventSpec(at, map.Name("drain") ?? ""),
            "fail" => Fault(at, map.Map("fail", KeyLevels.Fail), repair: false, scalars),
            "repair" => Fault(at, map.Map("repair", KeyLevels.Repair), repair: true, scalars),
            "pause" => map.Map("pause", KeyLevels.Pause) is { } p ? new PauseEventSpec(at, p.Name("host", "hv1") ?? "", p.Bool("drain") ?? true) : null,
            "resume" => map.Map("resume", KeyLevels.Resume) is { } r ? new ResumeEventSpec(at, r.Name("host", "hv1") ?? "", Failback(r, KeyLevels.ResumeFailback, scalars)) : null,
            "restart" => Restart(at, map.Map("restart", KeyLevels.Restart), scalars),
            "start" => map.Map("start", KeyLevels.Start) is { } s ? Start(at, s, scalars) : null,
            "powerOn" => PowerOn(at, map),
            "connect" => map.Map("connect", KeyLevels.Connect) is { } cn ? new ConnectEventSpec(at, cn.Name("vm", "web1") ?? "", cn.Choice("mode", Modes) == "enhanced" ? SessionMode.Enhanced : SessionMode.Basic)
            {
                Usb = cn.Bool("usb") ?? false,
                ClientUsbPolicy = cn.Bool("clientUsbPolicy") ?? false,
                UserAllowed = cn.Bool("userAllowed") ?? true,
            } : null,
            "save" => map.Map("save", KeyLevels.Save) is { } sv ? new SaveEventSpec(at, sv.Name("vm", "web1") ?? "") : null,
            "restore" => map.Map("restore", KeyLevels.Restore) is { } rs ? new RestoreEventSpec(at, rs.Name("vm", "web1") ?? "") : null,
            "upgrade" => map.Map("upgrade", KeyLevels.Upgrade) is { } u
                ? new UpgradeEventSpec(at, u.Name("host", "hv1") ?? "", u.Duration("duration", Limits.UpgradeDuration, "45m") ?? SimTime.Zero)
                : null,
            "resize" => map.Map("resize", KeyLevels.Resize) is { } rz
                ? new ResizeEventSpec(at, rz.Name("vm", "sql1") ?? "", rz.Name("disk", "data") ?? "", rz.Size("size", Limits.DiskSize, "200GiB") ?? 0)
                : null,
            "setQos" => map.Map("setQos", KeyLevels.SetQos) is { } q ? new SetQosEventSpec(at, q.Name("vm", "sql1") ?? "", q.Name("disk", "data") ?? "")
            {
                Minimum = q.Integer("minimum", Limits.QosIops),
                Maximum = q.Integer("maximum", Limits.QosIops),
            } : null,
            _ => null,
        };
        return spec is null ? null : new Sourced<ScenarioEventSpec>(spec, origin, scalars.Problems.Count > before);
    }

    /// <summary><c>start: { vm }</c>; a <c>generation</c> there is refused: Hyper-V fixes a VM's generation when it is created.</summary>
    private static StartEventSpec Start(SimTime at, MapReader map, Scalars scalars)
    {
        if (map.Value("generation") is { } g)
        {
            scalars.Add(g, map.SiteOf("generation"), "a VM's generation is fixed when it is created: no event changes it", "remove generation here; to change it, describe a new VM with the generation you want (and its boot disk as a VHDX on SCSI for generation 2)");
        }

        return new StartEventSpec(at, map.Name("vm", "web1") ?? "");
    }

    /// <summary><c>powerOn: { hosts: [hv1, hv2] }</c>, or <c>powerOn: {}</c> for every host.</summary>
    private static PowerOnEventSpec? PowerOn(SimTime at, MapReader map) =>
        map.Map("powerOn", KeyLevels.PowerOn) is { } p ? new PowerOnEventSpec(at, p.Names("hosts")) : null;

    private static MigrateEventSpec? Migrate(SimTime at, MapReader? map) =>
        map is null ? null : new MigrateEventSpec(at, map.Name("vm", "sql1") ?? "", map.Name("to", "hv2") ?? "")
        {
            Option = map.Choice("option", ClusterReader.Options),
            Strategy = map.Choice("strategy", MigrationStrategies.ForMigrate) ?? MigrationStrategies.Default,
            Storage = map.Has("storage") ? map.Name("storage", "csv2") : null,
        };

    private static RestartEventSpec? Restart(SimTime at, MapReader? map, Scalars scalars) =>
        map is null ? null : new RestartEventSpec(at, map.Name("host", "hv2") ?? "", map.Duration("downFor", Limits.DownFor, "10m") ?? SimTime.Zero, map.Bool("drain") ?? true)
        {
            Failback = Failback(map, KeyLevels.RestartFailback, scalars),
        };

    /// <summary><c>failback: none | immediate | { window: [START, END] }</c>, hours of the day; absent: none.</summary>
    private static FailbackSpec Failback(MapReader owner, KeyLevel level, Scalars scalars)
    {
        switch (owner.Value("failback"))
        {
            case null:
                return FailbackSpec.None;
            case YScalar { Value: "window" } word:
                scalars.Add(word, owner.SiteOf("failback"), "a failback window needs its hours", "write failback: { window: [22, 23] } (from 22:00 to 23:00 of each day)");
                return FailbackSpec.None;
            case YScalar:
                return owner.Choice("failback", FailbackWords) == "immediate" ? new FailbackSpec(FailbackMode.Immediate) : FailbackSpec.None;
        }

        MapReader? map = owner.Map("failback", level);
        if (map is null || map.Required("window", "[22, 23]") is null || map.List("window") is not { } hours)
        {
            return FailbackSpec.None;
        }

        Diagnostics.Site site = map.SiteOf("window");
        if (hours.Count != 2)
        {
            scalars.Add(map.Value("window")!, site, $"a failback window is two hours of the day, [START, END], not {hours.Count} values", "write e.g. window: [22, 23] (from 22:00 to 23:00)");
            return FailbackSpec.None;
        }

        long? start = scalars.Integer(hours[0].Node, map.Origin.Of(hours[0].Rel), Limits.Hour);
        long? end = scalars.Integer(hours[1].Node, map.Origin.Of(hours[1].Rel), Limits.Hour);
        if (start is null || end is null)
        {
            return FailbackSpec.None;
        }

        if (start == end)
        {
            scalars.Add(map.Value("window")!, site, $"the failback window [{start}, {end}] is empty: it starts and ends at the same hour", $"end it at another hour, e.g. window: [{start}, {(start + 1) % 24}]");
            return FailbackSpec.None;
        }

        return new FailbackSpec(FailbackMode.Window, (int)start, (int)end);
    }

    private static FaultEventSpec? Fault(SimTime at, MapReader? map, bool repair, Scalars scalars)
    {
        if (map is null)
        {
            return null;
        }

        string? key = One(map, Targets.Select(t => t.Key).ToArray(), "a fault needs one target: host, nic, storagePath or storage", "add one, e.g. '{ host: hv3 }'", scalars);
        if (key is null)
        {
            return null;
        }

        (_, FaultTargetKind kind, string? pairExample) = Targets.Single(t => t.Key == key);
        YNode value = map.Value(key)!;
        string name = (pairExample is null ? scalars.Name(value, map.SiteOf(key)) : Pair(value, map.SiteOf(key), key, pairExample, scalars)) ?? "";
        return new FaultEventSpec(at, new FaultTarget(kind, name), repair);
    }

    /// <summary>The one key of <paramref name="choices"/> the mapping has; problems when it has none or several.</summary>
    private static string? One(MapReader map, string[] choices, string noneMessage, string noneFix, Scalars scalars)
    {
        string[] given = choices.Where(map.Has).ToArray();
        if (given.Length == 0)
        {
            scalars.Problems.Add(map.Start, map.Self.Path, noneMessage, noneFix);
            return null;
        }

        foreach (string extra in given.Skip(1))
        {
            scalars.Add(map.Value(extra)!, map.SiteOf(extra), $"'{extra}' is a second choice here besides '{given[0]}'; only one is allowed", "split it into separate events, or keep one of them");
        }

        return given.Length == 1 ? given[0] : null;
    }

    /// <summary>HOST/PART, e.g. hv2/vm1 for a host's NIC.</summary>
    private static string? Pair(YNode node, Diagnostics.Site site, string key, string example, Scalars scalars)
    {
        string? text = scalars.Text(node, site);
        if (text is null)
        {
            return null;
        }

        string[] parts = text.Split('/');
        string part = key == "nic" ? "NIC" : "STORAGE";
        if (parts.Length != 2 || parts.Any(p => p.Length == 0))
        {
            scalars.Add(node, site, $"{Echo.Quoted(text)} is not HOST/{part}", $"name the host and its {part.ToLowerInvariant()} with a slash, e.g. {example}");
            return null;
        }

        return text;
    }
}
