namespace HyperVSim.Model.Boot;

/// <summary>
/// A guest OS as the boot models and console sessions see it (docs/model.md §Boot): whether generation 2 supports it
/// on 2012 R2, whether it offers enhanced session mode, and what a boot and an install read and write.
/// </summary>
/// <param name="Name">The name a scenario writes in <c>vms[].guestOs</c>.</param>
/// <param name="Description">The OS in words.</param>
/// <param name="Windows">A Windows guest (Secure Boot's Microsoft Windows template); false for Linux.</param>
/// <param name="Generation2">Supported in a generation 2 VM on 2012 R2.</param>
/// <param name="EnhancedSession">Offers Remote Desktop Services over VMBus (enhanced session mode).</param>
public sealed record GuestOsProfile(string Name, string Description, bool Windows, bool Generation2, bool EnhancedSession)
{
    /// <summary>Bytes a boot reads from the boot disk, from the boot loader to the services started.</summary>
    public long BootReadBytes { get; init; } = 560L * 1000 * 1000;

    /// <summary>Mean size of a boot read (total bytes ÷ I/O count of a boot trace).</summary>
    public long BootIoSizeBytes { get; init; } = 8 * 1024;

    /// <summary>Of <see cref="BootReadBytes"/>, what the firmware's boot loader reads (boot manager, loader, kernel, boot-start drivers, SYSTEM hive).</summary>
    public long LoaderBytes { get; init; } = 40L << 20;

    /// <summary>CPU-bound start-up once the OS is loaded: services, sessions, to a guest that answers.</summary>
    public Engine.SimTime InitTime { get; init; } = Engine.SimTime.FromSeconds(20);

    /// <summary>The boot image a PXE client downloads over TFTP, or a DVD install reads first (Windows PE boot.wim).</summary>
    public long BootImageBytes { get; init; } = 250L << 20;

    /// <summary>The install image Setup reads (one edition of install.wim).</summary>
    public long InstallImageBytes { get; init; } = 3L << 30;

    /// <summary>What Setup writes to the boot disk (the applied image).</summary>
    public long InstallWriteBytes { get; init; } = 7L << 30;
}
