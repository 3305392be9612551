using HyperVSim.Engine;

namespace HyperVSim.Scenarios.Reading;

/// <summary>
/// The accepted range of every bounded value: Hyper-V 2012 R2 limits where one exists (docs/domain-reference
/// section 2), otherwise a bound past which the value can only be a typo. docs/scenario-format.md lists them.
/// </summary>
internal static class Limits
{
    private const long MiB = 1024L * 1024;
    private const long GiB = 1024 * MiB;
    private const long TiB = 1024 * GiB;
    private static readonly SimTime TenYears = new(3650L * 86_400 * SimTime.NanosecondsPerSecond);

    public const int MaxHosts = 64;
    public const int MaxVms = 8000;
    public const int MaxVmsPerHost = 1024;
    public const int MaxIdeDisks = 4;
    public const int MaxScsiDisks = 256;

    public static readonly Bound<long> Seed = new(long.MinValue, long.MaxValue);
    public static readonly Bound<SimTime> Until = new(new SimTime(1), TenYears, MaxWhy: "a longer run is surely a typo");
    public static readonly Bound<SimTime> EventAt = new(SimTime.Zero, TenYears, MaxWhy: "a later event is surely a typo");

    public static readonly Bound<SimTime> HeartbeatDelay = new(
        SimTime.FromMilliseconds(250), SimTime.FromMilliseconds(2000), "SameSubnetDelay is 250 to 2000 ms", "SameSubnetDelay is 250 to 2000 ms");
    public static readonly Bound<long> HeartbeatThreshold = new(3, 120, "SameSubnetThreshold is 3 to 120", "SameSubnetThreshold is 3 to 120");
    public static readonly Bound<SimTime> CrossSubnetDelay = new(
        SimTime.FromMilliseconds(250), SimTime.FromMilliseconds(4000), "CrossSubnetDelay is 250 to 4000 ms", "CrossSubnetDelay is 250 to 4000 ms");
    public static readonly Bound<long> CrossSubnetThreshold = new(3, 120, "CrossSubnetThreshold is 3 to 120", "CrossSubnetThreshold is 3 to 120");
    public static readonly Bound<SimTime> Regroup = new(SimTime.Zero, SimTime.FromSeconds(600));
    public static readonly Bound<SimTime> Arbitration = new(SimTime.Zero, SimTime.FromSeconds(600));
    public static readonly Bound<SimTime> Detection = new(SimTime.Zero, SimTime.FromSeconds(3600));
    public static readonly Bound<long> FailoverThreshold = new(0, 10_000);
    public static readonly Bound<SimTime> PolicyPeriod = new(SimTime.FromSeconds(1), SimTime.FromSeconds(365 * 86_400.0));
    public static readonly Bound<SimTime> RestartDelay = new(SimTime.Zero, SimTime.FromSeconds(3600));
    public static readonly Bound<long> RestartThreshold = new(0, 10_000);
    public static readonly Bound<long> StartThrottle = new(1, 1024);

    /// <summary>Cluster group priorities (HV: 3000 High, 2000 Medium, 1000 Low, 0 no automatic start).</summary>
    public static readonly IReadOnlyList<int> Priorities = [0, 1000, 2000, 3000];
    public static readonly Bound<SimTime> BootStep = new(SimTime.Zero, SimTime.FromSeconds(3600), MaxWhy: "a longer boot step is surely a typo");
    public static readonly Bound<SimTime> TftpRoundTrip = new(SimTime.FromMilliseconds(0.001), SimTime.FromSeconds(1), MaxWhy: "a longer round trip on a LAN is surely a typo");
    public static readonly Bound<long> TftpBlockSize = new(8, 65464, "RFC 2348: a TFTP block is 8 to 65464 bytes", "RFC 2348: a TFTP block is 8 to 65464 bytes");
    public static readonly Bound<long> TftpWindow = new(1, 65535, "RFC 7440: a TFTP window is 1 to 65535 blocks", "RFC 7440: a TFTP window is 1 to 65535 blocks");
    public static readonly Bound<SimTime> StartTime = new(SimTime.Zero, SimTime.FromSeconds(3600), MaxWhy: "a longer start is surely a typo");
    public static readonly Bound<SimTime> RoleFailover = new(SimTime.Zero, SimTime.FromSeconds(3600));

    /// <summary>Means, scales and medians of fault distributions: more than zero, at most a century.</summary>
    public static readonly Bound<SimTime> FaultTime = new(SimTime.FromSeconds(1), SimTime.FromSeconds(36_500 * 86_400.0), MaxWhy: "a longer time is surely a typo");
    public static readonly Bound<double> WeibullShape = new(0.01, 100);
    public static readonly Bound<double> LogNormalSigma = new(0, 10);
    public static readonly Bound<SimTime> DownFor = new(SimTime.FromSeconds(1), TenYears);
    public static readonly Bound<long> Hour = new(0, 23, "hours of the day are 0 to 23", "hours of the day are 0 to 23");

    public static readonly Bound<long> MaxSimultaneous = new(1, 64);
    public static readonly Bound<long> MaxPasses = new(1, 100);
    public static readonly Bound<long> MaxSimultaneousStorage = new(1, 64);
    public static readonly Bound<double> StorageRate = new(1e6, 1e12);
    public static readonly Bound<long> StorageIo = new(512, GiB);
    public static readonly Bound<SimTime> QuickMoveTime = new(SimTime.Zero, SimTime.FromSeconds(600));
    public static readonly Bound<double> DiskWriteRate = new(0, 1e11);
    public static readonly Bound<SimTime> FaultLatency = new(SimTime.Zero, SimTime.FromSeconds(1));
    public static readonly Bound<SimTime> BlackoutTarget = new(SimTime.FromMilliseconds(1), SimTime.FromSeconds(60));
    public static readonly Bound<SimTime> SetupTime = new(SimTime.Zero, SimTime.FromSeconds(600));
    public static readonly Bound<double> SetupJitter = new(0, 1);
    public static readonly Bound<SimTime> SwitchoverTime = new(SimTime.Zero, SimTime.FromSeconds(60));
    public static readonly Bound<long> DeviceState = new(0, GiB);
    public static readonly Bound<double> CpuPerGB = new(0, 100);
    public static readonly Bound<long> ZeroPageWire = new(0, 4096, MaxWhy: "a zero page is 4 KiB uncompressed");
    public static readonly Bound<double> CodecSpeed = new(1e6, 1e12);

    public static readonly Bound<long> HostCount = new(1, MaxHosts, MaxWhy: "a failover cluster has at most 64 nodes");
    public static readonly Bound<long> HostMemory = new(GiB, 4 * TiB, MaxWhy: "a Hyper-V 2012 R2 host supports at most 4 TB");
    public static readonly Bound<long> MemoryReserve = new(0, 4 * TiB);
    public static readonly Bound<long> Cores = new(1, 320, MaxWhy: "a Hyper-V 2012 R2 host supports at most 320 logical processors");
    public static readonly Bound<double> Ghz = new(0.5, 10);
    public static readonly Bound<double> NicSpeed = new(1e6, 1e12, MaxWhy: "no NIC is faster than 1Tbps");
    public static readonly Bound<double> Efficiency = new(0.01, 1);

    public static readonly Bound<long> StorageIops = new(1, 100_000_000);
    public static readonly Bound<double> StorageBandwidth = new(1e6, 1e12);
    public static readonly Bound<long> FileServerNodes = new(1, 8, MaxWhy: "a 2012 R2 Scale-Out File Server has at most 8 nodes");
    public static readonly Bound<SimTime> ServiceTime = new(SimTime.FromMilliseconds(0.001), SimTime.FromSeconds(1), MaxWhy: "an I/O taking longer on an idle volume is surely a typo");
    public static readonly Bound<double> SmbLimit = new(1e6, 1e12, "Set-SmbBandwidthLimit takes at least 1 MB/s");
    public static readonly Bound<double> DiskIops = new(1, 10_000_000, MaxWhy: "no 2013 volume serves more");
    public static readonly Bound<long> IoSize = new(512, 8 * MiB, "an I/O is at least one 512-byte sector", "an I/O larger than 8 MiB is surely a typo");
    public static readonly Bound<double> ReadFraction = new(0, 1);
    public static readonly Bound<long> QosIops = new(0, 1_000_000_000, MaxWhy: "a larger QoS bound is surely a typo");
    public static readonly Bound<SimTime> QosWindow = new(SimTime.FromSeconds(1), SimTime.FromSeconds(3600));

    public static readonly Bound<long> VmCount = new(1, MaxVms, MaxWhy: "a Hyper-V 2012 R2 cluster runs at most 8,000 VMs");
    public static readonly Bound<long> Generation = new(1, 2, "Hyper-V VMs are generation 1 or 2", "Hyper-V VMs are generation 1 or 2");
    public static readonly Bound<long> VmMemory = new(32 * MiB, TiB, "Hyper-V needs at least 32 MB", "a Hyper-V 2012 R2 VM has at most 1 TB");
    public static readonly Bound<long> Vcpus = new(1, 64, MaxWhy: "a Hyper-V 2012 R2 VM has at most 64 virtual processors");
    public static readonly Bound<double> CpuLoad = new(0, 1);
    public static readonly Bound<double> DirtyRate = new(0, 100.0 * GiB, MaxWhy: "more than a 2013 server's memory bandwidth");
    public static readonly Bound<long> WorkingSet = new(4096, TiB);
    public static readonly Bound<double> ZeroPages = new(0, 1);
    public static readonly Bound<double> CompressionRatio = new(1, 100);
    public static readonly Bound<long> DiskSize = new(MiB, 64 * TiB, MaxWhy: "a VHDX holds at most 64 TB");
    public static readonly Bound<long> DiskUsed = new(0, 64 * TiB, MaxWhy: "a VHDX holds at most 64 TB");
    public static readonly Bound<long> TransferIoSize = new(512, 256 * MiB);
    public static readonly Bound<SimTime> FixedCost = new(SimTime.Zero, SimTime.FromSeconds(3600));
    public static readonly Bound<SimTime> UpgradeDuration = new(new SimTime(1), TenYears, "an upgrade takes some time", "a longer upgrade is surely a typo");
}
