using HyperVSim.Engine;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Boot;

/// <summary>
/// What a VM generation's firmware does when it boots (docs/model.md §Boot): its own steps before any device is tried,
/// the devices it has, and how fast its boot devices move bytes. <see cref="Boots"/> runs the boot over simulated time
/// with these answers; the bytes go through the flow model, so a boot slows when storage or the network is busy.
/// </summary>
public interface IBootModel
{
    /// <summary>The order the firmware tries devices in when the VM gives none.</summary>
    IReadOnlyList<BootDevice> DefaultOrder { get; }

    /// <summary>The firmware's own steps before it tries a device: (phase kind, duration).</summary>
    IReadOnlyList<(string Kind, SimTime Duration)> Firmware(BootSpec parameters, VmSpec vm);

    /// <summary>The disk the firmware can boot from (generation 1: the first IDE disk; generation 2: the first SCSI disk), or null.</summary>
    DiskSpec? BootDisk(VmSpec vm);

    /// <summary>The adapter the firmware can PXE-boot from (generation 1: a legacy NIC; generation 2: a synthetic one), or null.</summary>
    VmNicSpec? PxeNic(VmSpec vm);

    /// <summary>True when the VM has the device at all (a generation 2 VM has no floppy).</summary>
    bool Has(BootDevice device, VmSpec vm);

    /// <summary>Bytes per second the firmware's reads from a disk or DVD reach before the guest's own drivers load.</summary>
    double FirmwareReadBytesPerSecond(BootSpec parameters);

    /// <summary>Bytes per second the boot adapter carries (the emulated legacy NIC's rate; unbounded for a synthetic one).</summary>
    double NicBytesPerSecond(BootSpec parameters);

    /// <summary>One TFTP round trip through the boot adapter.</summary>
    SimTime TftpRoundTrip(BootSpec parameters);
}
