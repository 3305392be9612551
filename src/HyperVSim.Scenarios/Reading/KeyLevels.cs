namespace HyperVSim.Scenarios.Reading;

/// <summary>Every mapping level of the scenario format: the single list the readers check keys against.</summary>
internal static class KeyLevels
{
    public static readonly KeyLevel Root = new(
        "", ["name", "seed", "until", "cluster", "networks", "hosts", "storage", "vms", "events"], "name: my-scenario");

    public static readonly KeyLevel Cluster = new(
        "cluster",
        ["version", "heartbeat", "liveMigration", "networkHealthProtection", "storageFailureDetection"],
        "cluster: { version: 2012R2 }");

    public static readonly KeyLevel Heartbeat = new("cluster.heartbeat", ["delay", "threshold"], "heartbeat: { delay: 1s, threshold: 5 }");

    public static readonly KeyLevel LiveMigration = new(
        "cluster.liveMigration",
        [
            "option", "maxSimultaneous", "networks", "maxPasses", "blackoutTarget", "setupTime", "setupJitter", "switchoverTime", "deviceState",
            "streamCeiling", "tcpCpuPerGB", "rdmaCpuPerGB", "rdmaEfficiency", "zeroPageWire", "convergence",
        ],
        "liveMigration: { option: compression, maxSimultaneous: 2 }");

    public static readonly KeyLevel Network = new("networks[]", ["name", "role"], "- { name: lm, role: liveMigration }");

    public static readonly KeyLevel Host = new(
        "hosts[]",
        ["name", "count", "version", "cpu", "memory", "memoryReserve", "nics", "virtualSwitches"],
        "- { name: hv, count: 4, memory: 256GiB }");

    public static readonly KeyLevel Cpu = new("hosts[].cpu", ["cores", "ghz", "vendor", "compressPerCore", "decompressPerCore", "zeroScanPerCore"], "cpu: { cores: 16, ghz: 2.6 }");

    public static readonly KeyLevel HostNic = new(
        "hosts[].nics[]", ["name", "speed", "rdma", "networks", "efficiency"], "- { name: lm1, speed: 10Gbps, networks: [lm] }");

    public static readonly KeyLevel Storage = new(
        "storage[]", ["name", "kind", "iops", "bandwidth"], "- { name: csv1, kind: csv, iops: 80000, bandwidth: 2GB/s }");

    public static readonly KeyLevel Vm = new(
        "vms[]",
        ["name", "count", "generation", "memory", "vcpus", "cpuLoad", "memoryDirtying", "memoryContent", "disks", "nics", "host", "state"],
        "- { name: sql, memory: 64GiB, vcpus: 8 }");

    public static readonly KeyLevel Dirtying = new(
        "vms[].memoryDirtying", ["model", "rate", "workingSet"], "memoryDirtying: { model: constant, rate: 400MB/s }");

    public static readonly KeyLevel MemoryContent = new(
        "vms[].memoryContent", ["zeroPages", "compressionRatio"], "memoryContent: { zeroPages: 20%, compressionRatio: 2.2 }");

    public static readonly KeyLevel Disk = new(
        "vms[].disks[]", ["name", "size", "controller", "storage"], "- { name: os, size: 127GiB, controller: scsi, storage: csv1 }");

    public static readonly KeyLevel VmNic = new("vms[].nics[]", ["network", "protected"], "- { network: prod, protected: true }");

    public static readonly KeyLevel Event = new(
        "events[]", ["at", "migrate", "drain", "fail", "repair"], "- { at: 30s, migrate: { vm: sql1, to: hv2 } }");

    public static readonly KeyLevel Migrate = new("events[].migrate", ["vm", "to", "option", "strategy"], "migrate: { vm: sql1, to: hv2 }");

    public static readonly KeyLevel Fail = new(
        "events[].fail", ["host", "nic", "storagePath", "storage"], "fail: { host: hv3 }");

    public static readonly KeyLevel Repair = Fail with { Path = "events[].repair", Example = "repair: { host: hv3 }" };

    public static readonly IReadOnlyList<KeyLevel> All =
    [
        Root, Cluster, Heartbeat, LiveMigration, Network, Host, Cpu, HostNic, Storage, Vm, Dirtying, MemoryContent, Disk, VmNic,
        Event, Migrate, Fail, Repair,
    ];
}
