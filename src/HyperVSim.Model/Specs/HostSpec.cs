namespace HyperVSim.Model.Specs;

/// <summary>A Hyper-V host (cluster node).</summary>
public sealed record HostSpec
{
    public required string Name { get; init; }

    public HyperVVersion Version { get; init; } = HyperVVersion.V2012R2;

    public CpuSpec Cpu { get; init; } = new();

    /// <summary>Physical memory in bytes.</summary>
    public required long MemoryBytes { get; init; }

    /// <summary>Memory kept for the management OS (root partition); VMs fit in the rest.</summary>
    public long MemoryReserveBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    public IReadOnlyList<NicSpec> Nics { get; init; } = [];

    /// <summary>The IP subnet (site) of the node: heartbeats between nodes of different subnets use the cross-subnet delay and threshold.</summary>
    public string Subnet { get; init; } = "default";

    /// <summary>Virtual switches on the host; empty: one per network its NICs attach to, named after the network.</summary>
    public IReadOnlyList<string> VirtualSwitches { get; init; } = [];

    /// <summary>The host's SMB bandwidth limits (Set-SmbBandwidthLimit), per category; none by default.</summary>
    public SmbBandwidthLimitSpec SmbBandwidthLimit { get; init; } = new();

    /// <summary>The host's enhanced session mode policy (off by default on Windows Server).</summary>
    public bool EnhancedSessionMode { get; init; }

    /// <summary>The switches the host really has: <see cref="VirtualSwitches"/>, or one per network of its NICs.</summary>
    public IReadOnlyList<string> EffectiveVirtualSwitches =>
        VirtualSwitches.Count > 0 ? VirtualSwitches : Nics.SelectMany(n => n.Networks).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Whether <paramref name="name"/> is one of <see cref="EffectiveVirtualSwitches"/> (ordinal), without building the
    /// list: the move rules ask it for every (VM, candidate host) pair of every placement.
    /// </summary>
    public bool HasVirtualSwitch(string name)
    {
        if (VirtualSwitches.Count > 0)
        {
            return VirtualSwitches.Contains(name, StringComparer.Ordinal);
        }

        // Index loops: foreach over these interface-typed lists would allocate an enumerator per call.
        for (int i = 0; i < Nics.Count; i++)
        {
            IReadOnlyList<string> networks = Nics[i].Networks;
            for (int j = 0; j < networks.Count; j++)
            {
                if (string.Equals(networks[j], name, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

/// <summary>A host's processors.</summary>
public sealed record CpuSpec
{
    public int Cores { get; init; } = 16;

    public double Ghz { get; init; } = 2.6;

    /// <summary>Intel or AMD: live migration never crosses vendors.</summary>
    public CpuVendor Vendor { get; init; } = CpuVendor.Intel;

    /// <summary>Memory bytes one core compresses per second for compressed live migration (Hyper-V's codec is not published).</summary>
    public double CompressBytesPerSecondPerCore { get; init; } = 500e6;

    /// <summary>Memory bytes one core decompresses per second on the target.</summary>
    public double DecompressBytesPerSecondPerCore { get; init; } = 1500e6;

    /// <summary>
    /// Memory bytes one core scans per second to find zero pages under compression: a zero page is not compressed, but
    /// the source must still read it to know it is zero (docs/model.md §Compression).
    /// </summary>
    public double ZeroScanBytesPerSecondPerCore { get; init; } = 4e9;
}

/// <summary>A processor vendor (scenarios write <c>intel</c> or <c>amd</c>).</summary>
public enum CpuVendor
{
    Intel,
    Amd,
}

/// <summary>
/// 2012 R2 SMB bandwidth limits of a host (Set-SmbBandwidthLimit), bytes per second per category; null: no limit.
/// LiveMigration caps SMB live migration, VirtualMachine caps VM disk I/O to SMB shares, Default the rest of SMB.
/// </summary>
public sealed record SmbBandwidthLimitSpec
{
    public double? LiveMigration { get; init; }

    public double? VirtualMachine { get; init; }

    public double? Default { get; init; }
}
