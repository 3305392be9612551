using HyperVSim.Model.Results;

namespace HyperVSim.Reports.Tests.Formats;

/// <summary>
/// A hand-built result of a failover-cluster run (the model that fills these records is written elsewhere): hv1 crashes
/// at 10 s and its two VMs restart elsewhere (one queued behind a start throttle); csv2 fails at 100 s, app1 pauses
/// and resumes, sql1 finds no host; a network fault at 200 s goes undetected and affects nobody. Together the
/// records take every branch of the writers' new sections (null and non-null fields alike).
/// </summary>
internal static class FailoverRun
{
    public const string Heartbeat = "hv1 declared down after 10 missed heartbeats on 2 routes";
    public const string NoRoom = "no host has 64.00 GiB free for sql1";
    public const string Queued = "queued: 32 VMs already starting on hv2";

    /// <summary>What <c>explain</c> says of web1: its timeline and the host fault merged in time order, then the summary.</summary>
    public static readonly string[] Web1Story =
    [
        "00:00:00.000 running on hv1 (running at the start of the run)",
        "00:00:10.000 host hv1 failed",
        "00:00:10.000 failed on hv1 (hv1 crashed)",
        $"00:00:12.000 {Heartbeat} (heartbeat)",
        $"00:00:14.000 starting on hv2 ({Queued})",
        "00:00:41.000 running on hv2 (started after failover)",
        "00:00:41.000 recovered 31.00 s after host hv1 failed",
        "web1: availability 89.67%, downtime 31.00 s in 1 outage; ended running on hv2",
    ];

    public static SimulationResult Result { get; } = Build();

    private static SimulationResult Build()
    {
        FailoverRecord hostDown = new()
        {
            Fault = "host",
            Target = "hv1",
            At = 10,
            DetectedAt = 12,
            Detector = "heartbeat",
            Detail = Heartbeat,
            Vms = [new FailoverVm("web1", "hv2", 41) { DowntimeSeconds = 31 }, new FailoverVm("web2", "hv3", 30) { DowntimeSeconds = 20 }],
            RecoveredAt = 41,
        };
        FailoverRecord storageLost = new()
        {
            Fault = "storage",
            Target = "csv2",
            At = 100,
            DetectedAt = 100.5,
            Detector = "storageFailure",
            Vms = [new FailoverVm("app1", "hv2", 130) { DowntimeSeconds = 30 }, new FailoverVm("sql1", null, null)],
            NotRecovered = [new NotRecovered("sql1", NoRoom)],
        };
        FailoverRecord unnoticed = new() { Fault = "network", Target = "prod", At = 200, RecoveredAt = 200 };

        return new SimulationResult
        {
            Scenario = "failover",
            Seed = 9,
            SimulatedSeconds = 300,
            EventsProcessed = 1234,
            Migrations = [],
            Series =
            [
                new TimeSeries("runningVms", "VMs",
                [
                    new TimePoint(0, 4), new TimePoint(10, 2), new TimePoint(30, 3), new TimePoint(41, 4), new TimePoint(100, 2),
                    new TimePoint(130, 3), new TimePoint(250, 2), new TimePoint(252, 3),
                ]),
            ],
            Failovers = [hostDown, storageLost, unnoticed],
            Quorum =
            [
                new QuorumRecord(0, 4, true, "cluster formed: 3 nodes and the disk witness") { Nodes = 3, WitnessVote = true },
                new QuorumRecord(12, 3, true, "hv1 left the membership") { Nodes = 2, WitnessVote = true },
                new QuorumRecord(100.5, 2, false, "csv2 lost: the witness disk is gone") { Nodes = 2, WitnessVote = false },
            ],
            GuestClusters = [new GuestClusterEvent("sqlguest", 100.2, "evicted", "sql1", "missed guest heartbeats")],
            Vms =
            [
                new VmRecord("web1", "hv2", "running", 1, 31)
                {
                    Availability = 269.0 / 300,
                    Timeline =
                    [
                        new VmTimelineEntry(0, "running", "hv1", "running at the start of the run"),
                        new VmTimelineEntry(10, "failed", "hv1", "hv1 crashed"),
                        new VmTimelineEntry(14, "starting", "hv2", Queued),
                        new VmTimelineEntry(41, "running", "hv2", "started after failover"),
                    ],
                },
                new VmRecord("web2", "hv3", "running", 1, 20)
                {
                    Availability = 280.0 / 300,
                    Timeline =
                    [
                        new VmTimelineEntry(0, "running", "hv1", "running at the start of the run"),
                        new VmTimelineEntry(10, "failed", "hv1", "hv1 crashed"),
                        new VmTimelineEntry(12, "starting", "hv3", "restarting after failover"),
                        new VmTimelineEntry(30, "running", "hv3", "started after failover"),
                    ],
                },
                new VmRecord("app1", "hv3", "running", 1, 32)
                {
                    Availability = 268.0 / 300,
                    Timeline =
                    [
                        new VmTimelineEntry(0, "running", "hv2", "running at the start of the run"),
                        new VmTimelineEntry(100, "paused", "hv2", "csv2 lost: I/O paused"),
                        new VmTimelineEntry(130, "running", "hv2", "csv2 back: resumed"),
                        new VmTimelineEntry(250, "migrating", "hv2", "live migration to hv3"),
                        new VmTimelineEntry(252, "running", "hv3", "live migration completed"),
                    ],
                },
                new VmRecord("sql1", null, "off", 1, 200)
                {
                    Availability = 100.0 / 300,
                    Timeline =
                    [
                        new VmTimelineEntry(0, "running", "hv2", "running at the start of the run"),
                        new VmTimelineEntry(100, "failed", "hv2", "csv2 lost"),
                        new VmTimelineEntry(101, "off", null, NoRoom),
                    ],
                },
            ],
        };
    }
}
