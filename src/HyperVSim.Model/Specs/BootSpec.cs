using HyperVSim.Engine;

namespace HyperVSim.Model.Specs;

/// <summary>
/// The boot models' parameters (docs/model.md §Boot): firmware times, the time-outs of devices that cannot boot,
/// the emulated devices' rates, TFTP and the OS install's fixed costs. Every default is sourced or marked [I] there.
/// </summary>
public sealed record BootSpec
{
    /// <summary>Generation 1 BIOS power-on self test with its emulated devices.</summary>
    public SimTime BiosPost { get; init; } = SimTime.FromSeconds(3);

    /// <summary>Generation 2 UEFI firmware initialisation (synthetic devices only).</summary>
    public SimTime UefiInit { get; init; } = SimTime.FromMilliseconds(1500);

    /// <summary>Generation 2 Secure Boot: checking the boot loader's signature against the UEFI database.</summary>
    public SimTime SecureBootCheck { get; init; } = SimTime.FromMilliseconds(200);

    /// <summary>Bytes per second a generation 1 boot loader reads through the emulated IDE controller (before the guest's VMBus storage driver loads).</summary>
    public double EmulatedIdeBytesPerSecond { get; init; } = 20e6;

    /// <summary>Bytes per second of a boot read or install copy on a volume the scenario does not limit.</summary>
    public double UnlimitedBytesPerSecond { get; init; } = 500e6;

    /// <summary>A disk with nothing to boot: the firmware gives up on it after this.</summary>
    public SimTime DiskTimeout { get; init; } = SimTime.FromSeconds(1);

    /// <summary>A DVD drive with no medium: the firmware gives up on it after this.</summary>
    public SimTime DvdTimeout { get; init; } = SimTime.FromSeconds(2);

    /// <summary>A floppy drive with no bootable disk: the BIOS gives up on it after this.</summary>
    public SimTime FloppyTimeout { get; init; } = SimTime.FromSeconds(1);

    /// <summary>PXE with no server answering: DHCP discover retries at 4, 8, 16 and 32 s (the PXE specification), about 60 s.</summary>
    public SimTime PxeTimeout { get; init; } = SimTime.FromSeconds(60);

    /// <summary>DHCP discover, offer, request and acknowledge with a PXE server that answers.</summary>
    public SimTime PxeDhcp { get; init; } = SimTime.FromSeconds(2);

    /// <summary>TFTP data block size in bytes (RFC 2348 blksize; 1456 fits an Ethernet frame).</summary>
    public int TftpBlockBytes { get; init; } = 1456;

    /// <summary>One TFTP round trip (data window out, acknowledgement back) through the synthetic NIC.</summary>
    public SimTime TftpRoundTrip { get; init; } = SimTime.FromMilliseconds(0.3);

    /// <summary>What the emulated legacy NIC adds to each TFTP round trip (its packets trap to the host's worker process).</summary>
    public SimTime LegacyNicLatency { get; init; } = SimTime.FromMilliseconds(0.7);

    /// <summary>Bytes per second the emulated legacy NIC carries (100 Mbps, commonly quoted).</summary>
    public double LegacyNicBytesPerSecond { get; init; } = 12.5e6;

    /// <summary>Windows PE starting from its RAM disk once its image is loaded (OS install).</summary>
    public SimTime WinPeStart { get; init; } = SimTime.FromSeconds(30);

    /// <summary>Windows Setup after the image is applied: specialize, devices, first-boot configuration and its reboots.</summary>
    public SimTime SetupTime { get; init; } = SimTime.FromSeconds(300);

    /// <summary>I/O size of an install's image copy and write.</summary>
    public long InstallIoSizeBytes { get; init; } = 1L << 20;
}
