using HyperVSim.Model.Specs;

namespace HyperVSim.Scenarios.Reading;

/// <summary>
/// The words a scenario uses for the model's enums, in one place: the readers offer them (and suggest among them)
/// and map them to the enum; nothing else spells them.
/// </summary>
internal static class SpecNames
{
    public static readonly NameMap<CpuVendor> Vendors = new([("intel", CpuVendor.Intel), ("amd", CpuVendor.Amd)]);

    public static readonly NameMap<StorageKind> StorageKinds = new([("csv", StorageKind.Csv), ("smb", StorageKind.Smb), ("local", StorageKind.Local)]);

    public static readonly NameMap<DiskController> Controllers = new([("ide", DiskController.Ide), ("scsi", DiskController.Scsi)]);

    public static readonly NameMap<DiskType> DiskTypes = new([("fixed", DiskType.Fixed), ("dynamic", DiskType.Dynamic), ("differencing", DiskType.Differencing)]);

    public static readonly NameMap<DiskFormat> DiskFormats = new([("vhd", DiskFormat.Vhd), ("vhdx", DiskFormat.Vhdx)]);

    public static readonly NameMap<WitnessKind> Witnesses = new([("none", WitnessKind.None), ("disk", WitnessKind.Disk), ("fileShare", WitnessKind.FileShare)]);
}

/// <summary>Scenario words for the values of one enum, in the order the docs list them.</summary>
internal sealed class NameMap<T>(IReadOnlyList<(string Word, T Value)> pairs)
    where T : struct, Enum
{
    /// <summary>The words, in order.</summary>
    public IReadOnlyList<string> Words { get; } = pairs.Select(p => p.Word).ToArray();

    /// <summary>The value a word names; the word must be one of <see cref="Words"/> (the reader checked it).</summary>
    public T Of(string word) => pairs.First(p => p.Word == word).Value;

    /// <summary>The word for a value.</summary>
    public string Of(T value) => pairs.First(p => EqualityComparer<T>.Default.Equals(p.Value, value)).Word;
}
