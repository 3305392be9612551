using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios.Reading;

/// <summary>Reads one item of <c>vms:</c>, expanded by its count.</summary>
internal static class VmReader
{
    public static readonly IReadOnlyList<string> States = ["running", "off"];

    /// <summary>The devices a boot order names.</summary>
    public static readonly NameMap<BootDevice> BootDevices = new([("disk", BootDevice.Disk), ("network", BootDevice.Network), ("dvd", BootDevice.Dvd), ("floppy", BootDevice.Floppy)]);

    /// <summary>A DVD drive's medium.</summary>
    public static readonly NameMap<DvdMedia> DvdMedia = new([("none", Model.Specs.DvdMedia.None), ("empty", Model.Specs.DvdMedia.Empty), ("iso", Model.Specs.DvdMedia.Iso)]);

    public static IReadOnlyList<Sourced<VmSpec>> Read(YNode node, Origin origin, Scalars scalars)
    {
        int before = scalars.Problems.Count;
        MapReader? map = MapReader.Open(node, origin, "", KeyLevels.Vm, scalars);
        if (map is null)
        {
            return [];
        }

        string name = map.Name("name", "sql") ?? "";
        long? count = map.Integer("count", Limits.VmCount);
        var spec = new VmSpec { Name = name, MemoryBytes = map.Size("memory", Limits.VmMemory, "16GiB") ?? 0 };
        VmGeneration generation = map.Integer("generation", Limits.Generation) is { } g ? (VmGeneration)(int)g : spec.Generation;
        spec = spec with
        {
            Generation = generation,
            Vcpus = (int?)map.Integer("vcpus", Limits.Vcpus) ?? spec.Vcpus,
            CpuLoad = map.Fraction("cpuLoad", Limits.CpuLoad) ?? spec.CpuLoad,
            Dirtying = DirtyingReader.Read(map.Map("memoryDirtying", KeyLevels.Dirtying), spec.Dirtying, scalars),
            MemoryContent = Content(map.Map("memoryContent", KeyLevels.MemoryContent), spec.MemoryContent),
            Disks = (map.List("disks") ?? []).Select(item => Disk(item.Node, item.Rel, map.Origin, generation, scalars)).ToArray(),
            Nics = (map.List("nics") ?? []).Select(item => Nic(item.Node, item.Rel, map.Origin, scalars)).ToArray(),
            Host = map.Name("host") ?? spec.Host,
            State = map.Choice("state", States) == "off" ? VmInitialState.Off : spec.State,
            Priority = Priority(map, scalars) ?? spec.Priority,
            PreferredOwners = map.Names("preferredOwners"),
            PossibleOwners = map.Names("possibleOwners"),
            AntiAffinity = map.Name("antiAffinity"),
            StartTime = map.Duration("startTime", Limits.StartTime),
            GuestCluster = map.Name("guestCluster"),
            GuestOs = map.Choice("guestOs", Model.Boot.GuestOsProfiles.Names),
            BootOrder = BootOrder(map, scalars),
            SecureBoot = map.Bool("secureBoot"),
            Dvd = map.Choice("dvd", DvdMedia.Words) is { } dvd ? DvdMedia.Of(dvd) : spec.Dvd,
            Floppy = map.Bool("floppy") ?? spec.Floppy,
            RemoteFx = map.Bool("remoteFx") ?? spec.RemoteFx,
        };
        bool broken = scalars.Problems.Count > before;
        bool countUnknown = map.Has("count") && count is null;
        return CountExpansion.Names(name, count).Select(n => new Sourced<VmSpec>(spec with { Name = n }, origin, broken) { CountUnknown = countUnknown }).ToArray();
    }

    /// <summary><c>bootOrder: [disk, network, dvd]</c>: each device once; null when absent.</summary>
    private static IReadOnlyList<BootDevice>? BootOrder(MapReader map, Scalars scalars)
    {
        if (map.List("bootOrder") is not { } items)
        {
            return null;
        }

        var order = new List<BootDevice>();
        foreach ((YNode node, string rel) in items)
        {
            if (scalars.Choice(node, map.Origin.Of(rel), BootDevices.Words) is { } word)
            {
                BootDevice device = BootDevices.Of(word);
                if (order.Contains(device))
                {
                    scalars.Add(node, map.Origin.Of(rel), $"'{word}' is listed twice in the boot order", "list each device once");
                }

                order.Add(device);
            }
        }

        return order;
    }

    /// <summary>A cluster group priority: only the four values Failover Cluster Manager offers.</summary>
    private static int? Priority(MapReader map, Scalars scalars)
    {
        string? text = map.Text("priority")?.Trim();
        if (text is null)
        {
            return null;
        }

        int? known = Limits.Priorities.Select(p => (int?)p).FirstOrDefault(p => p?.ToString(System.Globalization.CultureInfo.InvariantCulture) == text);
        if (known is null)
        {
            scalars.Add(map.Value("priority")!, map.SiteOf("priority"), $"{Diagnostics.Echo.Quoted(text)} is not a cluster priority: a VM's priority is 0, 1000, 2000 or 3000", "write 3000 (High), 2000 (Medium, the default), 1000 (Low) or 0 (no automatic start)");
        }

        return known;
    }

    private static MemoryContentSpec Content(MapReader? map, MemoryContentSpec d) => map is null ? d : d with
    {
        ZeroPageFraction = map.Fraction("zeroPages", Limits.ZeroPages) ?? d.ZeroPageFraction,
        CompressionRatio = map.Number("compressionRatio", Limits.CompressionRatio) ?? d.CompressionRatio,
    };

    /// <summary>A disk; the controller defaults to ide on generation 1 and scsi on generation 2 (which has no IDE).</summary>
    private static DiskSpec Disk(YNode node, string rel, Origin origin, VmGeneration generation, Scalars scalars)
    {
        DiskController fallback = generation == VmGeneration.Two ? DiskController.Scsi : DiskController.Ide;
        MapReader? map = MapReader.Open(node, origin, rel, KeyLevels.Disk, scalars);
        if (map is null)
        {
            return new DiskSpec("", 0, fallback, null);
        }

        var disk = new DiskSpec(
            map.Name("name", "os") ?? "",
            map.Size("size", Limits.DiskSize, "127GiB") ?? 0,
            map.Choice("controller", SpecNames.Controllers.Words) is { } controller ? SpecNames.Controllers.Of(controller) : fallback,
            map.Name("storage"));
        return disk with
        {
            Format = map.Choice("format", SpecNames.DiskFormats.Words) is { } format ? SpecNames.DiskFormats.Of(format) : disk.Format,
            Shared = map.Bool("shared") ?? disk.Shared,
            Type = map.Choice("type", SpecNames.DiskTypes.Words) is { } type ? SpecNames.DiskTypes.Of(type) : disk.Type,
            UsedBytes = map.Size("used", Limits.DiskUsed) ?? disk.UsedBytes,
            Io = Io(map.Map("io", KeyLevels.DiskIo)),
            Qos = Qos(map.Map("qos", KeyLevels.DiskQos)),
            Blank = map.Bool("blank") ?? disk.Blank,
        };
    }

    /// <summary><c>io: { iops, size, read }</c>: iops and size are required, read defaults to 70%.</summary>
    private static DiskIoSpec? Io(MapReader? map)
    {
        if (map is null)
        {
            return null;
        }

        double? iops = map.Required("iops", "2000") is null ? null : map.Number("iops", Limits.DiskIops);
        long? size = map.Size("size", Limits.IoSize, "8KiB");
        double read = map.Fraction("read", Limits.ReadFraction) ?? 0.7;
        return iops is { } i && size is { } s ? new DiskIoSpec(i, s, read) : null;
    }

    private static DiskQosSpec? Qos(MapReader? map)
    {
        if (map is null)
        {
            return null;
        }

        var qos = new DiskQosSpec();
        return qos with
        {
            Minimum = map.Integer("minimum", Limits.QosIops) ?? qos.Minimum,
            Maximum = map.Integer("maximum", Limits.QosIops) ?? qos.Maximum,
            Window = map.Duration("window", Limits.QosWindow) ?? qos.Window,
        };
    }

    private static VmNicSpec Nic(YNode node, string rel, Origin origin, Scalars scalars)
    {
        MapReader? map = MapReader.Open(node, origin, rel, KeyLevels.VmNic, scalars);
        if (map is null)
        {
            return new VmNicSpec("");
        }

        var nic = new VmNicSpec(map.Name("network", "prod") ?? "");
        return nic with { Protected = map.Bool("protected") ?? nic.Protected, Legacy = map.Bool("legacy") ?? nic.Legacy };
    }
}
