using HyperVSim.Engine;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Boot;

/// <summary>
/// Generation 2 (UEFI): firmware initialisation, Secure Boot's signature check when on, then the default order disk,
/// network, DVD [I]; the boot loader reads through the synthetic SCSI controller at the storage's rate; PXE from a
/// synthetic NIC; no floppy, no IDE, no legacy NIC.
/// </summary>
internal sealed class Gen2BootModel : IBootModel
{
    public IReadOnlyList<BootDevice> DefaultOrder { get; } = [BootDevice.Disk, BootDevice.Network, BootDevice.Dvd];

    public IReadOnlyList<(string Kind, SimTime Duration)> Firmware(BootSpec parameters, VmSpec vm) => vm.SecureBootOn
        ? [("firmware", parameters.UefiInit), ("secureBoot", parameters.SecureBootCheck)]
        : [("firmware", parameters.UefiInit)];

    public DiskSpec? BootDisk(VmSpec vm) => vm.Disks.FirstOrDefault(d => d.Controller == DiskController.Scsi);

    public VmNicSpec? PxeNic(VmSpec vm) => vm.Nics.FirstOrDefault(n => !n.Legacy);

    public bool Has(BootDevice device, VmSpec vm) => device switch
    {
        BootDevice.Floppy => false,
        BootDevice.Dvd => vm.Dvd != DvdMedia.None,
        _ => true,
    };

    public double FirmwareReadBytesPerSecond(BootSpec parameters) => double.PositiveInfinity;

    public double NicBytesPerSecond(BootSpec parameters) => double.PositiveInfinity;

    public SimTime TftpRoundTrip(BootSpec parameters) => parameters.TftpRoundTrip;
}
