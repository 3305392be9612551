using HyperVSim.Model.Results;

namespace HyperVSim.Experiments.Planning;

/// <summary>
/// A patch night's outcome: the order, the total (first drain to last node done), each node's window, each VM's
/// downtime, the slowest node and why, the suggested CAU time-outs (null without replications), and the run itself.
/// </summary>
public sealed record PatchNightPlan(string Scenario, PatchNightOptions Options, IReadOnlyList<string> Order, double TotalSeconds,
    IReadOnlyList<NodeWindow> Nodes, IReadOnlyList<VmDowntime> Vms, SlowestNode Slowest, CauTimeouts? Timeouts, SimulationResult Result)
{
    /// <summary>VMs running at the start that do not run at the end.</summary>
    public IReadOnlyList<VmDowntime> NotRunning => Vms.Where(v => v.State != "running").ToArray();
}

/// <summary>
/// One node's maintenance, in seconds of simulated time: drain from <c>Start</c> to <c>DrainEnd</c>, install to
/// <c>InstallEnd</c>, down from <c>DownAt</c> to <c>UpAt</c>, rejoined and resumed at <c>ResumedAt</c>, failback ended at
/// <c>DoneAt</c>.
/// </summary>
public sealed record NodeWindow(string Host, double Start, double DrainEnd, double InstallEnd, double DownAt, double UpAt, double ResumedAt, double DoneAt)
{
    /// <summary>The drain's live migrations away from the node.</summary>
    public IReadOnlyList<MigrationRecord> DrainMigrations { get; init; } = [];

    /// <summary>The failback's live migrations back to the node.</summary>
    public IReadOnlyList<MigrationRecord> FailbackMigrations { get; init; } = [];

    public double DrainSeconds => DrainEnd - Start;
    public double InstallSeconds => InstallEnd - DrainEnd;

    /// <summary>From the end of the install to back up: leaving the cluster and the reboot.</summary>
    public double RebootSeconds => UpAt - InstallEnd;

    /// <summary>From back up to resumed: the regroup to join the membership.</summary>
    public double RejoinSeconds => ResumedAt - UpAt;

    public double FailbackSeconds => DoneAt - ResumedAt;
    public double TotalSeconds => DoneAt - Start;
}

/// <summary>
/// A VM over the night: where it started and ended, its downtime (time not running, blackouts included), its outages
/// (times it stopped other than a blackout), its completed live migrations and the sum of their blackouts.
/// </summary>
public sealed record VmDowntime(string Vm, string? HostBefore, string? HostAfter, string State, double DowntimeSeconds, int Outages, int Migrations, double BlackoutSeconds);

/// <summary>
/// The slowest node against the quickest, and why: the phase in which it exceeds the quickest node's same phase
/// most, both values, and (for a drain or failback) the migration that ended last in that phase.
/// </summary>
public sealed record SlowestNode(string Host, double TotalSeconds, string FastestHost, double FastestSeconds, string Phase, double PhaseSeconds,
    double FastestPhaseSeconds, MigrationRecord? LastMigration);

/// <summary>
/// Suggested CAU time-outs from <c>Replications</c> runs with drawn install times (docs/patch-night.md "Suggested
/// CAU time-outs"): WarnAfter = ⌈p95 × (1 + WarnMargin)⌉ minutes, StopAfter = ⌈max × (1 + StopMargin)⌉ minutes, at least
/// WarnAfter + 1 minute.
/// </summary>
public sealed record CauTimeouts(int Replications, double P50Seconds, double P95Seconds, double MaxSeconds, int WarnAfterMinutes, int StopAfterMinutes)
{
    public static CauTimeouts From(IReadOnlyList<double> totals, PatchNightOptions options)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(options);
        double p50 = Studies.Aggregates.Apply("p50", totals)!.Value;
        double p95 = Studies.Aggregates.Apply("p95", totals)!.Value;
        double max = totals.Max();
        int warn = (int)Math.Ceiling(p95 * (1 + options.WarnMargin) / 60 - 1e-9);
        int stop = Math.Max(warn + 1, (int)Math.Ceiling(max * (1 + options.StopMargin) / 60 - 1e-9));
        return new CauTimeouts(totals.Count, p50, p95, max, warn, stop);
    }
}
