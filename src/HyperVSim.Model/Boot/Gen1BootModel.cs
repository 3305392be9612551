using HyperVSim.Engine;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Boot;

/// <summary>
/// Generation 1 (BIOS): power-on self test, then the default order DVD, IDE disk, legacy NIC, floppy (Hyper-V's
/// default startup order [D] Set-VMBios); the boot loader reads through the emulated IDE controller; PXE only from a
/// legacy (emulated) NIC.
/// </summary>
internal sealed class Gen1BootModel : IBootModel
{
    public IReadOnlyList<BootDevice> DefaultOrder { get; } = [BootDevice.Dvd, BootDevice.Disk, BootDevice.Network, BootDevice.Floppy];

    public IReadOnlyList<(string Kind, SimTime Duration)> Firmware(BootSpec parameters, VmSpec vm) => [("firmware", parameters.BiosPost)];

    public DiskSpec? BootDisk(VmSpec vm) => vm.Disks.FirstOrDefault(d => d.Controller == DiskController.Ide);

    public VmNicSpec? PxeNic(VmSpec vm) => vm.Nics.FirstOrDefault(n => n.Legacy);

    public bool Has(BootDevice device, VmSpec vm) => device switch
    {
        BootDevice.Floppy => vm.Floppy,
        BootDevice.Dvd => vm.Dvd != DvdMedia.None,
        _ => true,
    };

    public double FirmwareReadBytesPerSecond(BootSpec parameters) => parameters.EmulatedIdeBytesPerSecond;

    public double NicBytesPerSecond(BootSpec parameters) => parameters.LegacyNicBytesPerSecond;

    public SimTime TftpRoundTrip(BootSpec parameters) => parameters.TftpRoundTrip + parameters.LegacyNicLatency;
}
