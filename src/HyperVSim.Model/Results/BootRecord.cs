namespace HyperVSim.Model.Results;

/// <summary>
/// One boot of a VM through a boot model (docs/model.md §Boot). Times in seconds: <see cref="RequestedAt"/> when the
/// start was asked for, <see cref="StartedAt"/> when a start slot on <see cref="Host"/> took it, <see cref="OnlineAt"/>
/// when the firmware was done and the slot freed, <see cref="RunningAt"/> when the guest ran.
/// </summary>
public sealed record BootRecord(string Vm, int Generation, string Host, double RequestedAt, double StartedAt)
{
    /// <summary>The guest OS profile the boot used.</summary>
    public string GuestOs { get; init; } = "";

    /// <summary>When the firmware finished its own steps (the cluster's Online: the start slot frees); null if it never did.</summary>
    public double? OnlineAt { get; init; }

    /// <summary>When the guest ran; null when the boot failed or was cut short.</summary>
    public double? RunningAt { get; init; }

    /// <summary>The device the firmware booted from (<c>disk</c>, <c>network</c>, <c>dvd</c>); null when none could.</summary>
    public string? Device { get; init; }

    /// <summary><c>running</c>, <c>failed</c> (nothing bootable), <c>aborted</c> (the host or storage went away) or <c>booting</c> at the end of the run.</summary>
    public string Result { get; init; } = "booting";

    /// <summary>Why the boot failed or was aborted; null when it ran.</summary>
    public string? Reason { get; init; }

    public IReadOnlyList<BootPhaseRecord> Phases { get; init; } = [];
}

/// <summary>
/// One phase of a boot: <c>firmware</c>, <c>secureBoot</c>, <c>timeout</c> (a device that could not boot),
/// <c>bootLoader</c>, <c>osLoad</c>, <c>osInit</c>, <c>pxe</c>, <c>winPe</c>, <c>installCopy</c>, <c>installWrite</c>,
/// <c>setup</c>. Times in seconds; bytes read from a disk, DVD or the network, and written to the boot disk.
/// </summary>
public sealed record BootPhaseRecord(string Kind, double Start, double End)
{
    /// <summary>The device the phase concerns (<c>disk</c>, <c>network</c>, <c>dvd</c>, <c>floppy</c>), or null.</summary>
    public string? Device { get; init; }

    public long BytesRead { get; init; }

    public long BytesWritten { get; init; }

    /// <summary>Why a device could not boot (time-out phases), else null.</summary>
    public string? Reason { get; init; }

    public double Seconds => End - Start;
}
