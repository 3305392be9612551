namespace HyperVSim.Scenarios.Reading;

/// <summary>Every mapping level of the scenario format: the single list the readers check keys against.</summary>
internal static class KeyLevels
{
    public static readonly KeyLevel Root = new(
        "", ["name", "seed", "until", "cluster", "networks", "hosts", "storage", "vms", "guestClusters", "faults", "events"], "name: my-scenario");

    public static readonly KeyLevel Cluster = new(
        "cluster",
        [
            "version", "heartbeat", "regroup", "quorum", "liveMigration", "networkHealthProtection", "storageFailureDetection", "detection",
            "failover", "restart", "startThrottle", "savedState", "resize", "boot",
        ],
        "cluster: { version: 2012R2 }");

    public static readonly KeyLevel Heartbeat = new(
        "cluster.heartbeat", ["delay", "threshold", "crossSubnetDelay", "crossSubnetThreshold"], "heartbeat: { delay: 1s, threshold: 5 }");

    public static readonly KeyLevel Quorum = new("cluster.quorum", ["witness", "dynamic", "arbitration"], "quorum: { witness: none, dynamic: true }");

    public static readonly KeyLevel Detection = new("cluster.detection", ["networkHealth", "storageFailure"], "detection: { networkHealth: 10s, storageFailure: 60s }");

    public static readonly KeyLevel FailoverPolicy = new("cluster.failover", ["threshold", "period"], "failover: { threshold: 3, period: 6h }");

    public static readonly KeyLevel RestartPolicy = new(
        "cluster.restart", ["delay", "threshold", "period", "retryPeriod"], "restart: { delay: 500ms, threshold: 3, period: 15m, retryPeriod: 1h }");

    public static readonly KeyLevel SavedState = new(
        "cluster.savedState", ["ioSize", "fixedCost", "bandwidth"], "savedState: { ioSize: 1MiB, fixedCost: 1s, bandwidth: 500MB/s }");

    public static readonly KeyLevel ResizeCost = new("cluster.resize", ["ioSize", "fixedCost"], "resize: { ioSize: 1MiB, fixedCost: 100ms }");

    public static readonly KeyLevel Boot = new(
        "cluster.boot",
        [
            "biosPost", "uefiInit", "secureBootCheck", "emulatedIdeRate", "unlimitedRate", "diskTimeout", "dvdTimeout", "floppyTimeout", "pxeTimeout",
            "pxeDhcp", "tftpBlockSize", "tftpRoundTrip", "legacyNicLatency", "legacyNicRate", "winPeStart", "setupTime", "installIoSize",
        ],
        "boot: { biosPost: 3s, pxeTimeout: 60s }");

    public static readonly KeyLevel LiveMigration = new(
        "cluster.liveMigration",
        [
            "option", "maxSimultaneous", "networks", "maxPasses", "blackoutTarget", "setupTime", "setupJitter", "switchoverTime", "deviceState",
            "streamCeiling", "tcpCpuPerGB", "rdmaCpuPerGB", "rdmaEfficiency", "zeroPageWire", "convergence", "maxSimultaneousStorage",
            "storageRate", "storageIo", "quickMoveTime", "diskWriteRate", "postCopyFaultLatency",
        ],
        "liveMigration: { option: compression, maxSimultaneous: 2 }");

    public static readonly KeyLevel Network = new("networks[]", ["name", "role", "pxe", "tftpWindow"], "- { name: lm, role: liveMigration }");

    public static readonly KeyLevel Host = new(
        "hosts[]",
        ["name", "count", "version", "subnet", "cpu", "memory", "memoryReserve", "nics", "virtualSwitches", "smbBandwidthLimit", "enhancedSessionMode"],
        "- { name: hv, count: 4, memory: 256GiB }");

    public static readonly KeyLevel Cpu = new("hosts[].cpu", ["cores", "ghz", "vendor", "compressPerCore", "decompressPerCore", "zeroScanPerCore"], "cpu: { cores: 16, ghz: 2.6 }");

    public static readonly KeyLevel SmbBandwidthLimit = new(
        "hosts[].smbBandwidthLimit", ["liveMigration", "virtualMachine", "default"], "smbBandwidthLimit: { liveMigration: 500MB/s }");

    public static readonly KeyLevel HostNic = new(
        "hosts[].nics[]", ["name", "speed", "rdma", "networks", "efficiency"], "- { name: lm1, speed: 10Gbps, networks: [lm] }");

    public static readonly KeyLevel Storage = new(
        "storage[]", ["name", "kind", "host", "iops", "bandwidth", "nodes", "nodeBandwidth", "serviceTime"], "- { name: csv1, kind: csv, iops: 80000, bandwidth: 2GB/s }");

    public static readonly KeyLevel Vm = new(
        "vms[]",
        [
            "name", "count", "generation", "memory", "vcpus", "cpuLoad", "memoryDirtying", "memoryContent", "disks", "nics", "host", "state",
            "priority", "preferredOwners", "possibleOwners", "antiAffinity", "startTime", "guestCluster", "guestOs", "bootOrder", "secureBoot", "dvd",
            "floppy", "remoteFx",
        ],
        "- { name: sql, memory: 64GiB, vcpus: 8 }");

    public static readonly KeyLevel Dirtying = new(
        "vms[].memoryDirtying", ["model", "rate", "workingSet"], "memoryDirtying: { model: constant, rate: 400MB/s }");

    public static readonly KeyLevel MemoryContent = new(
        "vms[].memoryContent", ["zeroPages", "compressionRatio"], "memoryContent: { zeroPages: 20%, compressionRatio: 2.2 }");

    public static readonly KeyLevel Disk = new(
        "vms[].disks[]", ["name", "size", "controller", "storage", "format", "shared", "type", "used", "io", "qos", "blank"], "- { name: os, size: 127GiB, controller: scsi, storage: csv1 }");

    public static readonly KeyLevel DiskIo = new("vms[].disks[].io", ["iops", "size", "read"], "io: { iops: 2000, size: 8KiB, read: 70% }");

    public static readonly KeyLevel DiskQos = new("vms[].disks[].qos", ["minimum", "maximum", "window"], "qos: { minimum: 300, maximum: 1500 }");

    public static readonly KeyLevel VmNic = new("vms[].nics[]", ["network", "protected", "legacy"], "- { network: prod, protected: true }");

    public static readonly KeyLevel GuestCluster = new(
        "guestClusters[]", ["name", "delay", "threshold", "roleFailover"], "- { name: sqlguest, threshold: 20 }");

    public static readonly KeyLevel Faults = new(
        "faults", ["hosts", "nics", "storagePaths", "storage"], "faults: { hosts: { between: { distribution: exponential, mean: 5000h }, repair: { distribution: exponential, mean: 4h } } }");

    /// <summary>The component classes of <c>faults:</c>, each an alternating renewal process.</summary>
    public static readonly IReadOnlyList<KeyLevel> FaultProcesses = Faults.Keys
        .Select(k => new KeyLevel($"faults.{k}", ["between", "repair"], $"{k}: {{ between: {{ distribution: exponential, mean: 5000h }}, repair: {{ distribution: exponential, mean: 4h }} }}"))
        .ToArray();

    /// <summary>The distributions of each process (<c>faults.hosts.between</c>, ...): one key set for every distribution.</summary>
    public static readonly IReadOnlyList<KeyLevel> Distributions = FaultProcesses
        .SelectMany(p => p.Keys.Select(k => new KeyLevel(
            $"{p.Path}.{k}", ["distribution", "mean", "shape", "scale", "median", "sigma"], $"{k}: {{ distribution: exponential, mean: 5000h }}")))
        .ToArray();

    public static readonly KeyLevel Event = new(
        "events[]", ["at", "migrate", "moveStorage", "drain", "fail", "repair", "pause", "resume", "restart", "start", "save", "restore", "upgrade", "resize", "setQos", "powerOn", "connect"], "- { at: 30s, migrate: { vm: sql1, to: hv2 } }");

    public static readonly KeyLevel Migrate = new("events[].migrate", ["vm", "to", "option", "strategy", "storage"], "migrate: { vm: sql1, to: hv2 }");

    public static readonly KeyLevel MoveStorage = new("events[].moveStorage", ["vm", "to"], "moveStorage: { vm: sql1, to: csv2 }");

    public static readonly KeyLevel Fail = new(
        "events[].fail", ["host", "nic", "storagePath", "storage"], "fail: { host: hv3 }");

    public static readonly KeyLevel Repair = Fail with { Path = "events[].repair", Example = "repair: { host: hv3 }" };

    public static readonly KeyLevel Pause = new("events[].pause", ["host", "drain"], "pause: { host: hv1, drain: true }");

    public static readonly KeyLevel Resume = new("events[].resume", ["host", "failback"], "resume: { host: hv1, failback: immediate }");

    public static readonly KeyLevel Restart = new("events[].restart", ["host", "downFor", "drain", "failback"], "restart: { host: hv2, downFor: 10m }");

    public static readonly KeyLevel Start = new("events[].start", ["vm", "generation"], "start: { vm: web1 }");

    public static readonly KeyLevel PowerOn = new("events[].powerOn", ["hosts"], "powerOn: { hosts: [hv1, hv2] }");

    public static readonly KeyLevel Connect = new(
        "events[].connect", ["vm", "mode", "usb", "clientUsbPolicy", "userAllowed"], "connect: { vm: web1, mode: enhanced }");

    public static readonly KeyLevel Save = new("events[].save", ["vm"], "save: { vm: web1 }");

    public static readonly KeyLevel Restore = new("events[].restore", ["vm"], "restore: { vm: web1 }");

    public static readonly KeyLevel Upgrade = new("events[].upgrade", ["host", "duration"], "upgrade: { host: hv1, duration: 45m }");

    public static readonly KeyLevel Resize = new("events[].resize", ["vm", "disk", "size"], "resize: { vm: sql1, disk: data, size: 200GiB }");

    public static readonly KeyLevel SetQos = new("events[].setQos", ["vm", "disk", "minimum", "maximum"], "setQos: { vm: sql1, disk: data, maximum: 500 }");

    public static readonly KeyLevel ResumeFailback = new("events[].resume.failback", ["window"], "failback: { window: [22, 23] }");

    public static readonly KeyLevel RestartFailback = ResumeFailback with { Path = "events[].restart.failback" };

    public static readonly IReadOnlyList<KeyLevel> All =
    [
        Root, Cluster, Heartbeat, Quorum, Detection, FailoverPolicy, RestartPolicy, SavedState, ResizeCost, Boot, LiveMigration, Network, Host, Cpu, SmbBandwidthLimit, HostNic, Storage, Vm,
        Dirtying, MemoryContent, Disk, DiskIo, DiskQos, VmNic, GuestCluster, Faults, .. FaultProcesses, .. Distributions, Event, Migrate, MoveStorage, Fail, Repair, Pause,
        Resume, Restart, Start, PowerOn, Connect, Save, Restore, Upgrade, Resize, SetQos, ResumeFailback, RestartFailback,
    ];
}
