using HyperVSim.Engine;

namespace HyperVSim.Model.Specs;

/// <summary>A virtual machine.</summary>
public sealed record VmSpec
{
    public required string Name { get; init; }

    /// <summary>Generation 1 (BIOS) or 2 (UEFI).</summary>
    public VmGeneration Generation { get; init; } = VmGeneration.One;

    /// <summary>Assigned (startup) memory in bytes.</summary>
    public required long MemoryBytes { get; init; }

    public int Vcpus { get; init; } = 1;

    /// <summary>Fraction of its vCPUs the guest keeps busy (0 to 1).</summary>
    public double CpuLoad { get; init; } = 0.1;

    public DirtyingSpec Dirtying { get; init; } = new();

    public MemoryContentSpec MemoryContent { get; init; } = new();

    public IReadOnlyList<DiskSpec> Disks { get; init; } = [];

    public IReadOnlyList<VmNicSpec> Nics { get; init; } = [];

    /// <summary>Host it runs on at time 0; null lets the cluster place it.</summary>
    public string? Host { get; init; }

    /// <summary>running (at time 0) or off.</summary>
    public VmInitialState State { get; init; } = VmInitialState.Running;

    /// <summary>Cluster group priority: 3000 High, 2000 Medium (default), 1000 Low, 0 no automatic start.</summary>
    public int Priority { get; init; } = 2000;

    /// <summary>Nodes the cluster tries first, in order, when it must place the VM (empty: none preferred).</summary>
    public IReadOnlyList<string> PreferredOwners { get; init; } = [];

    /// <summary>The only nodes the VM may run on (empty: every node).</summary>
    public IReadOnlyList<string> PossibleOwners { get; init; } = [];

    /// <summary>Soft anti-affinity class (AntiAffinityClassNames): kept apart from VMs of the same class when possible.</summary>
    public string? AntiAffinity { get; init; }

    /// <summary>Time from a start command to a running guest (the start-time model until a boot model replaces it); null: the model's default.</summary>
    public SimTime? StartTime { get; init; }

    /// <summary>The guest cluster on shared VHDX this VM is a node of, if any.</summary>
    public string? GuestCluster { get; init; }

    /// <summary>The guest OS profile (docs/model.md §Boot); with <see cref="BootOrder"/>, what opts the VM into a boot model instead of <see cref="StartTime"/>.</summary>
    public string? GuestOs { get; init; }

    /// <summary>The firmware's boot order; null: the generation's default (and no boot model unless <see cref="GuestOs"/> is given).</summary>
    public IReadOnlyList<BootDevice>? BootOrder { get; init; }

    /// <summary>Secure Boot (generation 2 only); null: on for generation 2, off for generation 1.</summary>
    public bool? SecureBoot { get; init; }

    /// <summary>The DVD drive and its medium.</summary>
    public DvdMedia Dvd { get; init; } = DvdMedia.None;

    /// <summary>A virtual floppy drive with no bootable disk (generation 1 only).</summary>
    public bool Floppy { get; init; }

    /// <summary>A RemoteFX 3D video adapter (generation 1 only).</summary>
    public bool RemoteFx { get; init; }

    /// <summary>True when the VM boots through a boot model (it names a guest OS or a boot order), not a fixed start time.</summary>
    public bool UsesBootModel => GuestOs is not null || BootOrder is not null;

    /// <summary>Secure Boot as it applies: the given value, else on for generation 2.</summary>
    public bool SecureBootOn => SecureBoot ?? Generation == VmGeneration.Two;
}

/// <summary>A device the firmware can boot from (scenarios write <c>disk</c>, <c>network</c>, <c>dvd</c>, <c>floppy</c>).</summary>
public enum BootDevice
{
    Disk,
    Network,
    Dvd,
    Floppy,
}

/// <summary>A VM's DVD drive (scenarios write <c>none</c>, <c>empty</c> or <c>iso</c>: an OS install image).</summary>
public enum DvdMedia
{
    None,
    Empty,
    Iso,
}

/// <summary>State of a VM at time 0.</summary>
public enum VmInitialState
{
    Running,
    Off,
}

/// <summary>How the guest dirties memory: model name (none, constant, workingSet), rate in bytes/s, writable working set in bytes.</summary>
public sealed record DirtyingSpec
{
    public string Model { get; init; } = "none";

    public double BytesPerSecond { get; init; }

    /// <summary>Pages the guest writes to; only for workingSet.</summary>
    public long? WorkingSetBytes { get; init; }
}

/// <summary>What the guest's memory holds: the share of zero pages, and how well the rest compresses.</summary>
public sealed record MemoryContentSpec
{
    public double ZeroPageFraction { get; init; }

    /// <summary>Original size over compressed size of non-zero pages.</summary>
    public double CompressionRatio { get; init; } = 2.0;
}

/// <summary>A virtual disk.</summary>
public sealed record DiskSpec(string Name, long SizeBytes, DiskController Controller, string? Storage)
{
    /// <summary>VHD or VHDX (default VHDX).</summary>
    public DiskFormat Format { get; init; } = DiskFormat.Vhdx;

    /// <summary>A shared VHDX (2012 R2 guest clusters): VHDX only, on a CSV or a Scale-Out File Server share.</summary>
    public bool Shared { get; init; }

    /// <summary>Fixed, dynamically expanding (the default, as New-VHD) or differencing.</summary>
    public DiskType Type { get; init; } = DiskType.Dynamic;

    /// <summary>The size the guest's partitions still use, the least an online shrink can leave; null: the whole disk (partitions fill it).</summary>
    public long? UsedBytes { get; init; }

    /// <summary>The least size a shrink can leave: <see cref="UsedBytes"/>, else the disk's size.</summary>
    public long MinimumBytes => UsedBytes ?? SizeBytes;

    /// <summary>The guest's I/O workload on this disk while the VM runs; null: no I/O is simulated.</summary>
    public DiskIoSpec? Io { get; init; }

    /// <summary>Storage QoS of this disk (normalized IOPS); null: none.</summary>
    public DiskQosSpec? Qos { get; init; }

    /// <summary>A new, empty disk: nothing to boot until an OS is installed on it (over PXE or from a DVD).</summary>
    public bool Blank { get; init; }
}

/// <summary>A disk's I/O workload: operations per second asked for, the size of each, the fraction that are reads.</summary>
public sealed record DiskIoSpec(double Iops, long SizeBytes, double ReadFraction = 0.7)
{
    /// <summary>Bytes per second the guest asks for: iops × size.</summary>
    public double BytesPerSecond => Iops * SizeBytes;
}

/// <summary>
/// Storage QoS of a virtual disk in normalized IOPS (each I/O counts ceil(size ÷ 8 KB)): <see cref="Maximum"/> is a
/// hard cap (0 = none), <see cref="Minimum"/> only raises alerts (0 = none), judged over each <see cref="Window"/>.
/// </summary>
public sealed record DiskQosSpec
{
    /// <summary>Normalized IOPS below which the disk raises event 32930 (0: no alert).</summary>
    public long Minimum { get; init; }

    /// <summary>Normalized IOPS the disk never exceeds (0: no cap).</summary>
    public long Maximum { get; init; }

    /// <summary>The window over which the achieved normalized IOPS is compared with the minimum.</summary>
    public SimTime Window { get; init; } = SimTime.FromSeconds(30);
}

/// <summary>How a virtual disk file holds its blocks (scenarios write <c>fixed</c>, <c>dynamic</c> or <c>differencing</c>).</summary>
public enum DiskType
{
    /// <summary>Every block allocated at creation: growing it writes zeros over the added bytes.</summary>
    Fixed,

    /// <summary>Blocks allocated on first write: growing it changes only metadata.</summary>
    Dynamic,

    /// <summary>A child of a parent disk, blocks allocated on first write like a dynamic one.</summary>
    Differencing,
}

/// <summary>Virtual disk file format (scenarios write <c>vhd</c> or <c>vhdx</c>).</summary>
public enum DiskFormat
{
    Vhd,
    Vhdx,
}

/// <summary>A VM's generation (scenarios write <c>1</c> or <c>2</c>).</summary>
public enum VmGeneration
{
    /// <summary>BIOS, IDE boot disk; runs on 2012 and 2012 R2.</summary>
    One = 1,

    /// <summary>UEFI, SCSI only; needs 2012 R2.</summary>
    Two = 2,
}

/// <summary>The controller a virtual disk hangs on (scenarios write <c>ide</c> or <c>scsi</c>).</summary>
public enum DiskController
{
    Ide,
    Scsi,
}

/// <summary>A VM network adapter on a cluster network.</summary>
public sealed record VmNicSpec(string Network, bool Protected = true)
{
    /// <summary>A legacy (emulated) network adapter: generation 1 only; the only one a generation 1 VM can PXE-boot from.</summary>
    public bool Legacy { get; init; }
}
