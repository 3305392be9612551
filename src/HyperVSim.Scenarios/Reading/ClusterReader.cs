using HyperVSim.Model.Convergence;
using HyperVSim.Model.Specs;
using HyperVSim.Model.Transports;
using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios.Reading;

/// <summary>
/// Reads <c>cluster:</c>, absent keys keeping the defaults of <see cref="ClusterSpec"/> and its parts, and the items of
/// <c>guestClusters:</c>.
/// </summary>
internal static class ClusterReader
{
    /// <summary>Live-migration options, as registered in the model (tcpip, compression, smb).</summary>
    public static IReadOnlyList<string> Options => MigrationTransports.Registry.Names;

    /// <summary>Convergence strategies, as registered: none (Hyper-V) or autoConverge (QEMU-style, research).</summary>
    public static IReadOnlyList<string> Convergences => ConvergenceStrategies.Registry.Names;

    public static Sourced<ClusterSpec> Read(YNode? node, Position fallback, Scalars scalars)
    {
        var origin = new Origin("cluster", node?.Start ?? fallback);
        var defaults = new ClusterSpec();
        if (node is null)
        {
            return new Sourced<ClusterSpec>(defaults, origin, false);
        }

        int before = scalars.Problems.Count;
        MapReader? map = MapReader.Open(node, origin, "", KeyLevels.Cluster, scalars);
        if (map is null)
        {
            return new Sourced<ClusterSpec>(defaults, origin, true);
        }

        HyperVVersion version = map.Version("version") ?? defaults.Version;
        bool r2 = version == HyperVVersion.V2012R2;
        var spec = defaults with
        {
            Version = version,
            Heartbeat = Heartbeat(map.Map("heartbeat", KeyLevels.Heartbeat), defaults.Heartbeat),
            Regroup = map.Duration("regroup", Limits.Regroup) ?? defaults.Regroup,
            Quorum = Quorum(map.Map("quorum", KeyLevels.Quorum), defaults.Quorum),
            LiveMigration = LiveMigration(map.Map("liveMigration", KeyLevels.LiveMigration), defaults.LiveMigration),
            NetworkHealthProtection = map.Bool("networkHealthProtection") ?? (r2 && defaults.NetworkHealthProtection),
            StorageFailureDetection = map.Bool("storageFailureDetection") ?? (r2 && defaults.StorageFailureDetection),
            Detection = Detection(map.Map("detection", KeyLevels.Detection), defaults.Detection),
            Failover = Failover(map.Map("failover", KeyLevels.FailoverPolicy), defaults.Failover),
            Restart = Restart(map.Map("restart", KeyLevels.RestartPolicy), defaults.Restart),
            StartThrottle = (int?)map.Integer("startThrottle", Limits.StartThrottle) ?? defaults.StartThrottle,
            SavedState = SavedState(map.Map("savedState", KeyLevels.SavedState), defaults.SavedState),
            Resize = Resize(map.Map("resize", KeyLevels.ResizeCost), defaults.Resize),
            Boot = Boot(map.Map("boot", KeyLevels.Boot), defaults.Boot),
        };
        return new Sourced<ClusterSpec>(spec, origin, scalars.Problems.Count > before);
    }

    /// <summary>One item of <c>guestClusters:</c>; its members are the VMs whose <c>guestCluster</c> names it.</summary>
    public static Sourced<GuestClusterSpec>? GuestCluster(YNode node, Origin origin, Scalars scalars) =>
        MapReader.Item(node, origin, KeyLevels.GuestCluster, scalars, map =>
        {
            var spec = new GuestClusterSpec { Name = map.Name("name", "sqlguest") ?? "" };
            return spec with
            {
                Delay = map.Duration("delay", Limits.HeartbeatDelay) ?? spec.Delay,
                Threshold = (int?)map.Integer("threshold", Limits.HeartbeatThreshold) ?? spec.Threshold,
                RoleFailover = map.Duration("roleFailover", Limits.RoleFailover) ?? spec.RoleFailover,
            };
        });

    private static HeartbeatSpec Heartbeat(MapReader? map, HeartbeatSpec d) => map is null ? d : d with
    {
        Delay = map.Duration("delay", Limits.HeartbeatDelay) ?? d.Delay,
        Threshold = (int?)map.Integer("threshold", Limits.HeartbeatThreshold) ?? d.Threshold,
        CrossSubnetDelay = map.Duration("crossSubnetDelay", Limits.CrossSubnetDelay) ?? d.CrossSubnetDelay,
        CrossSubnetThreshold = (int?)map.Integer("crossSubnetThreshold", Limits.CrossSubnetThreshold) ?? d.CrossSubnetThreshold,
    };

    private static QuorumSpec Quorum(MapReader? map, QuorumSpec d) => map is null ? d : d with
    {
        Witness = map.Choice("witness", SpecNames.Witnesses.Words) is { } witness ? SpecNames.Witnesses.Of(witness) : d.Witness,
        Dynamic = map.Bool("dynamic") ?? d.Dynamic,
        Arbitration = map.Duration("arbitration", Limits.Arbitration) ?? d.Arbitration,
    };

    private static DetectionSpec Detection(MapReader? map, DetectionSpec d) => map is null ? d : d with
    {
        NetworkHealth = map.Duration("networkHealth", Limits.Detection) ?? d.NetworkHealth,
        StorageFailure = map.Duration("storageFailure", Limits.Detection) ?? d.StorageFailure,
    };

    private static FailoverPolicySpec Failover(MapReader? map, FailoverPolicySpec d) => map is null ? d : d with
    {
        Threshold = (int?)map.Integer("threshold", Limits.FailoverThreshold) ?? d.Threshold,
        Period = map.Duration("period", Limits.PolicyPeriod) ?? d.Period,
    };

    private static RestartPolicySpec Restart(MapReader? map, RestartPolicySpec d) => map is null ? d : d with
    {
        Delay = map.Duration("delay", Limits.RestartDelay) ?? d.Delay,
        Threshold = (int?)map.Integer("threshold", Limits.RestartThreshold) ?? d.Threshold,
        Period = map.Duration("period", Limits.PolicyPeriod) ?? d.Period,
        RetryPeriod = map.Duration("retryPeriod", Limits.PolicyPeriod) ?? d.RetryPeriod,
    };

    private static SavedStateSpec SavedState(MapReader? map, SavedStateSpec d) => map is null ? d : d with
    {
        IoSizeBytes = map.Size("ioSize", Limits.TransferIoSize) ?? d.IoSizeBytes,
        FixedCost = map.Duration("fixedCost", Limits.FixedCost) ?? d.FixedCost,
        BytesPerSecond = map.ByteRate("bandwidth", Limits.StorageBandwidth) ?? d.BytesPerSecond,
    };

    private static ResizeSpec Resize(MapReader? map, ResizeSpec d) => map is null ? d : d with
    {
        IoSizeBytes = map.Size("ioSize", Limits.TransferIoSize) ?? d.IoSizeBytes,
        FixedCost = map.Duration("fixedCost", Limits.FixedCost) ?? d.FixedCost,
    };

    /// <summary><c>cluster.boot</c>: the boot models' parameters (docs/model.md §Boot).</summary>
    private static BootSpec Boot(MapReader? map, BootSpec d) => map is null ? d : d with
    {
        BiosPost = map.Duration("biosPost", Limits.BootStep) ?? d.BiosPost,
        UefiInit = map.Duration("uefiInit", Limits.BootStep) ?? d.UefiInit,
        SecureBootCheck = map.Duration("secureBootCheck", Limits.BootStep) ?? d.SecureBootCheck,
        EmulatedIdeBytesPerSecond = map.ByteRate("emulatedIdeRate", Limits.StorageRate) ?? d.EmulatedIdeBytesPerSecond,
        UnlimitedBytesPerSecond = map.ByteRate("unlimitedRate", Limits.StorageRate) ?? d.UnlimitedBytesPerSecond,
        DiskTimeout = map.Duration("diskTimeout", Limits.BootStep) ?? d.DiskTimeout,
        DvdTimeout = map.Duration("dvdTimeout", Limits.BootStep) ?? d.DvdTimeout,
        FloppyTimeout = map.Duration("floppyTimeout", Limits.BootStep) ?? d.FloppyTimeout,
        PxeTimeout = map.Duration("pxeTimeout", Limits.BootStep) ?? d.PxeTimeout,
        PxeDhcp = map.Duration("pxeDhcp", Limits.BootStep) ?? d.PxeDhcp,
        TftpBlockBytes = (int?)map.Integer("tftpBlockSize", Limits.TftpBlockSize) ?? d.TftpBlockBytes,
        TftpRoundTrip = map.Duration("tftpRoundTrip", Limits.TftpRoundTrip) ?? d.TftpRoundTrip,
        LegacyNicLatency = map.Duration("legacyNicLatency", Limits.TftpRoundTrip) ?? d.LegacyNicLatency,
        LegacyNicBytesPerSecond = map.ByteRate("legacyNicRate", Limits.StorageRate) ?? d.LegacyNicBytesPerSecond,
        WinPeStart = map.Duration("winPeStart", Limits.BootStep) ?? d.WinPeStart,
        SetupTime = map.Duration("setupTime", Limits.BootStep) ?? d.SetupTime,
        InstallIoSizeBytes = map.Size("installIoSize", Limits.TransferIoSize) ?? d.InstallIoSizeBytes,
    };

    private static LiveMigrationSpec LiveMigration(MapReader? map, LiveMigrationSpec d) => map is null ? d : d with
    {
        Option = map.Choice("option", Options) ?? d.Option,
        MaxSimultaneous = (int?)map.Integer("maxSimultaneous", Limits.MaxSimultaneous) ?? d.MaxSimultaneous,
        Networks = map.Has("networks") ? map.Names("networks") : d.Networks,
        MaxPasses = (int?)map.Integer("maxPasses", Limits.MaxPasses) ?? d.MaxPasses,
        BlackoutTarget = map.Duration("blackoutTarget", Limits.BlackoutTarget) ?? d.BlackoutTarget,
        SetupTime = map.Duration("setupTime", Limits.SetupTime) ?? d.SetupTime,
        SetupJitter = map.Fraction("setupJitter", Limits.SetupJitter) ?? d.SetupJitter,
        SwitchoverTime = map.Duration("switchoverTime", Limits.SwitchoverTime) ?? d.SwitchoverTime,
        DeviceStateBytes = map.Size("deviceState", Limits.DeviceState) ?? d.DeviceStateBytes,
        StreamCeilingBytesPerSecond = map.BitRate("streamCeiling", Limits.NicSpeed) / 8 ?? d.StreamCeilingBytesPerSecond,
        TcpCpuSecondsPerGB = map.Number("tcpCpuPerGB", Limits.CpuPerGB) ?? d.TcpCpuSecondsPerGB,
        RdmaCpuSecondsPerGB = map.Number("rdmaCpuPerGB", Limits.CpuPerGB) ?? d.RdmaCpuSecondsPerGB,
        RdmaEfficiency = map.Fraction("rdmaEfficiency", Limits.Efficiency) ?? d.RdmaEfficiency,
        ZeroPageWireBytes = map.Size("zeroPageWire", Limits.ZeroPageWire) ?? d.ZeroPageWireBytes,
        Convergence = map.Choice("convergence", Convergences) ?? d.Convergence,
        MaxSimultaneousStorage = (int?)map.Integer("maxSimultaneousStorage", Limits.MaxSimultaneousStorage) ?? d.MaxSimultaneousStorage,
        StorageBytesPerSecond = map.ByteRate("storageRate", Limits.StorageRate) ?? d.StorageBytesPerSecond,
        StorageIoBytes = map.Size("storageIo", Limits.StorageIo) ?? d.StorageIoBytes,
        QuickMoveTime = map.Duration("quickMoveTime", Limits.QuickMoveTime) ?? d.QuickMoveTime,
        DiskWriteBytesPerSecond = map.ByteRate("diskWriteRate", Limits.DiskWriteRate) ?? d.DiskWriteBytesPerSecond,
        PostCopyFaultLatency = map.Duration("postCopyFaultLatency", Limits.FaultLatency) ?? d.PostCopyFaultLatency,
    };
}
