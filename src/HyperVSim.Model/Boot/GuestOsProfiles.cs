using HyperVSim.Engine;

namespace HyperVSim.Model.Boot;

/// <summary>
/// The guest OS profiles a scenario names in <c>vms[].guestOs</c> (docs/model.md §Boot). Generation 2 on 2012 R2:
/// 64-bit Windows 8 / Server 2012 or later [D] "Should I create a generation 1 or 2 virtual machine"; Linux as the
/// Linux-on-Hyper-V support pages list (Ubuntu 14.04, RHEL/CentOS 7, SLES 12) [D]. Enhanced session mode: Windows 8.1
/// and Server 2012 R2 guests [B] Savill.
/// </summary>
public static class GuestOsProfiles
{
    private static readonly GuestOsProfile Linux = new("linux", "Linux", Windows: false, Generation2: false, EnhancedSession: false)
    {
        BootReadBytes = 150L * 1000 * 1000,
        LoaderBytes = 30L << 20,
        InitTime = SimTime.FromSeconds(10),
        BootImageBytes = 40L << 20,
        InstallImageBytes = 1L << 30,
        InstallWriteBytes = 2L << 30,
    };

    private static readonly GuestOsProfile Windows = new("windows", "Windows", Windows: true, Generation2: false, EnhancedSession: false);

    /// <summary>Every profile, in the order the docs list them.</summary>
    public static IReadOnlyList<GuestOsProfile> All { get; } =
    [
        Windows with { Name = "ws2012r2", Description = "Windows Server 2012 R2 (64-bit)", Generation2 = true, EnhancedSession = true },
        Windows with { Name = "ws2012", Description = "Windows Server 2012 (64-bit)", Generation2 = true },
        Windows with { Name = "win81", Description = "Windows 8.1 (64-bit)", Generation2 = true, EnhancedSession = true },
        Windows with { Name = "win8", Description = "Windows 8 (64-bit)", Generation2 = true },
        Windows with { Name = "win81x86", Description = "Windows 8.1 (32-bit)", EnhancedSession = true },
        Windows with { Name = "ws2008r2", Description = "Windows Server 2008 R2 (64-bit)", BootReadBytes = 500L * 1000 * 1000 },
        Windows with { Name = "win7", Description = "Windows 7 (64-bit)", BootReadBytes = 500L * 1000 * 1000 },
        Linux with { Name = "ubuntu1404", Description = "Ubuntu 14.04 LTS (64-bit)", Generation2 = true },
        Linux with { Name = "rhel7", Description = "Red Hat Enterprise Linux / CentOS 7 (64-bit)", Generation2 = true },
        Linux with { Name = "sles12", Description = "SUSE Linux Enterprise Server 12 (64-bit)", Generation2 = true },
        Linux with { Name = "ubuntu1204", Description = "Ubuntu 12.04 LTS (64-bit)" },
        Linux with { Name = "rhel6", Description = "Red Hat Enterprise Linux / CentOS 6 (64-bit)" },
    ];

    /// <summary>Profile names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    /// <summary>The profile a boot uses when a VM opts in with a boot order but names no guest OS.</summary>
    public const string Default = "ws2012r2";

    /// <summary>The profile named <paramref name="name"/>, or null.</summary>
    public static GuestOsProfile? Find(string? name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>The VM's profile: its <c>guestOs</c>, else <see cref="Default"/>.</summary>
    public static GuestOsProfile For(Specs.VmSpec vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return Find(vm.GuestOs ?? Default) ?? throw new ArgumentException($"unknown guest OS '{vm.GuestOs}'; valid: {string.Join(", ", Names)}", nameof(vm));
    }
}
