using HyperVSim.Engine;

namespace HyperVSim.Model.Specs;

/// <summary>
/// Live-migration settings shared by the cluster's hosts, and the parameters of the pre-copy model
/// (docs/model.md gives each default and its source).
/// </summary>
public sealed record LiveMigrationSpec
{
    /// <summary>Transport option: tcpip, compression or smb. Null: compression on 2012 R2, tcpip on 2012.</summary>
    public string? Option { get; init; }

    /// <summary>Simultaneous live migrations per host (Hyper-V default 2), counted at source and destination.</summary>
    public int MaxSimultaneous { get; init; } = 2;

    /// <summary>Live-migration networks in the order they are tried; empty: every network with role liveMigration, in listed order.</summary>
    public IReadOnlyList<string> Networks { get; init; } = [];

    /// <summary>Most memory-copy passes while the VM runs (2012 R2: 5).</summary>
    public int MaxPasses { get; init; } = 5;

    /// <summary>Stop pre-copy once the remaining dirty memory could be sent within this time.</summary>
    public SimTime BlackoutTarget { get; init; } = SimTime.FromMilliseconds(300);

    /// <summary>Connect, send configuration, create the skeleton VM on the target.</summary>
    public SimTime SetupTime { get; init; } = SimTime.FromSeconds(1);

    /// <summary>Relative spread of the setup time, drawn uniformly in ±jitter per migration (0 to 1).</summary>
    public double SetupJitter { get; init; } = 0.1;

    /// <summary>Resume on the target, unsolicited ARP; the guest is still paused during it.</summary>
    public SimTime SwitchoverTime { get; init; } = SimTime.FromMilliseconds(50);

    /// <summary>CPU, device and configuration state sent in the blackout besides the last dirty pages.</summary>
    public long DeviceStateBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Most bytes per second one TCP stream carries, whatever the NIC (null: no ceiling).</summary>
    public double? StreamCeilingBytesPerSecond { get; init; }

    /// <summary>Core-seconds each end spends per GB (10^9 bytes) sent over TCP (tcpip, compression, SMB without RDMA).</summary>
    public double TcpCpuSecondsPerGB { get; init; } = 1.0;

    /// <summary>Core-seconds each end spends per GB sent by SMB Direct (RDMA offloads the transfer).</summary>
    public double RdmaCpuSecondsPerGB { get; init; } = 0.05;

    /// <summary>Fraction of line rate SMB Direct (RDMA) achieves.</summary>
    public double RdmaEfficiency { get; init; } = 0.97;

    /// <summary>Bytes a zero page costs on the wire under compression (a marker instead of 4 KiB).</summary>
    public long ZeroPageWireBytes { get; init; } = 8;

    /// <summary>Simultaneous storage migrations per host (Hyper-V default 2): storage live migrations and the disk copy of shared-nothing moves.</summary>
    public int MaxSimultaneousStorage { get; init; } = 2;

    /// <summary>Bytes per second saving, restoring or copying reaches on a volume the scenario gives no bandwidth or IOPS (docs/model.md §Quick migration).</summary>
    public double StorageBytesPerSecond { get; init; } = 500e6;

    /// <summary>I/O size of saving, restoring and copying disks: what one byte costs of a volume's IOPS.</summary>
    public long StorageIoBytes { get; init; } = 1L << 20;

    /// <summary>Quick migration's fixed cost besides save and restore: take the VM's group offline, move ownership, bring it online.</summary>
    public SimTime QuickMoveTime { get; init; } = SimTime.FromSeconds(1);

    /// <summary>What a guest writes per second to its disks that have no I/O workload, mirrored to the target volume while their storage moves (a disk with `io` uses its own writes).</summary>
    public double DiskWriteBytesPerSecond { get; init; } = 10e6;

    /// <summary>Post-copy: how long a guest stalls on a page it touches before that page has arrived (one network round trip plus the page).</summary>
    public SimTime PostCopyFaultLatency { get; init; } = SimTime.FromMilliseconds(1);

    /// <summary>How pre-copy is made to converge: none (Hyper-V) or autoConverge (QEMU-style guest throttling, for research).</summary>
    public string Convergence { get; init; } = "none";
}
