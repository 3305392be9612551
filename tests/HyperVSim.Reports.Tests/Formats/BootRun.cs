using HyperVSim.Model.Results;

namespace HyperVSim.Reports.Tests.Formats;

/// <summary>
/// A hand-built result with boots and console sessions in every shape the writers have (a disk boot that ran, a PXE
/// install, a generation whose boots never ran, a boot that found nothing bootable, one cut short, one still booting; a session of each outcome), so
/// the report tests see each branch of those sections.
/// </summary>
internal static class BootRun
{
    public static SimulationResult Result { get; } = new()
    {
        Scenario = "boot",
        Seed = 1,
        SimulatedSeconds = 900,
        EventsProcessed = 64,
        Migrations = [],
        Vms = [],
        Boots =
        [
            new BootRecord("gen1", 1, "hv1", 10, 10)
            {
                GuestOs = "ws2012r2", OnlineAt = 13, RunningAt = 35.89, Device = "disk", Result = "running",
                Phases =
                [
                    new BootPhaseRecord("firmware", 10, 13),
                    new BootPhaseRecord("bootLoader", 13, 15.1) { Device = "disk", BytesRead = 40L << 20 },
                    new BootPhaseRecord("osLoad", 15.1, 15.89) { Device = "disk", BytesRead = 518056960 },
                    new BootPhaseRecord("osInit", 15.89, 35.89) { Device = "disk" },
                ],
            },
            new BootRecord("pxe1", 1, "hv2", 10, 12)
            {
                GuestOs = "ws2012r2", OnlineAt = 13.7, RunningAt = 400, Device = "network", Result = "running",
                Phases =
                [
                    new BootPhaseRecord("firmware", 12, 13.7),
                    new BootPhaseRecord("timeout", 13.7, 14.7) { Device = "disk", Reason = "the boot disk os is blank" },
                    new BootPhaseRecord("pxe", 14.7, 80) { Device = "network", BytesRead = 250L << 20 },
                    new BootPhaseRecord("winPe", 80, 110) { Device = "network" },
                    new BootPhaseRecord("installCopy", 110, 115) { Device = "network", BytesRead = 3L << 30 },
                    new BootPhaseRecord("installWrite", 115, 120) { Device = "disk", BytesWritten = 7L << 30 },
                    new BootPhaseRecord("setup", 120, 378) { Device = "disk" },
                    new BootPhaseRecord("dvd", 378, 379) { Device = "dvd", BytesRead = 1 },
                ],
            },
            new BootRecord("nothing", 1, "hv1", 20, 20)
            {
                GuestOs = "win7", OnlineAt = 23, Result = "failed", Reason = "no boot device could boot (floppy: no bootable floppy disk)",
                Phases = [new BootPhaseRecord("firmware", 20, 23), new BootPhaseRecord("timeout", 23, 24) { Device = "floppy", Reason = "no bootable floppy disk" }],
            },
            new BootRecord("cut", 2, "hv2", 30, 30) { GuestOs = "ubuntu1404", Result = "aborted", Reason = "cut went off: hv2 failed", Phases = [new BootPhaseRecord("firmware", 30, 31.5), new BootPhaseRecord("secureBoot", 31.5, 31.6) { Reason = "cut went off: hv2 failed" }] },
            new BootRecord("late", 1, "hv1", 890, 890) { GuestOs = "ws2012", Result = "booting", Phases = [new BootPhaseRecord("firmware", 890, 893)] },
        ],
        Sessions =
        [
            new SessionRecord("gen1", 40, "enhanced", "basic") { Host = "hv1", Outcome = "degraded", Reason = "basic instead of enhanced: hv1's enhanced session mode policy is off" },
            new SessionRecord("pxe1", 500, "enhanced", "enhanced") { Host = "hv2", Usb = true, Reason = "enhanced session over VMBus, USB" },
            new SessionRecord("cut", 600, "basic", "none") { Outcome = "failed", Reason = "cut is off: a console session needs a running VM" },
        ],
    };
}
