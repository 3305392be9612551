using HyperVSim.Model.Plugins;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Boot;

/// <summary>The registry of boot models, one per VM generation, keyed <c>gen1</c> and <c>gen2</c>.</summary>
public static class BootModels
{
    public static Registry<IBootModel> Registry { get; } = new("boot model",
    [
        new("gen1", "BIOS: POST, emulated IDE boot disk, legacy-NIC PXE, IDE DVD, floppy", HyperVVersion.V2012, () => new Gen1BootModel()),
        new("gen2", "UEFI: Secure Boot, SCSI boot disk, synthetic-NIC PXE, SCSI DVD", HyperVVersion.V2012R2, () => new Gen2BootModel()),
    ]);

    /// <summary>The registry name of a generation's boot model.</summary>
    public static string NameOf(VmGeneration generation) => generation == VmGeneration.Two ? "gen2" : "gen1";

    /// <summary>A new boot model for <paramref name="generation"/>.</summary>
    public static IBootModel For(VmGeneration generation) => Registry.Get(NameOf(generation)).Create();
}
