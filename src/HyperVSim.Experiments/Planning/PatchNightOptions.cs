using HyperVSim.Engine;
using HyperVSim.Model.Specs;

namespace HyperVSim.Experiments.Planning;

/// <summary>
/// How a patch night runs (docs/patch-night.md "Parameters"): the node order, how many nodes are in maintenance at
/// once, how long installing and rebooting take, the failback, and how the CAU time-outs are suggested. Defaults are
/// documented there; the sources leave install and reboot times open, so they are parameters.
/// </summary>
public sealed record PatchNightOptions
{
    /// <summary>Hosts in the order they are updated; null is the scenario's order. Must name every host once.</summary>
    public IReadOnlyList<string>? Order { get; init; }

    /// <summary>Nodes in maintenance (drain to failback) at once; CAU itself updates one node at a time.</summary>
    public int MaxParallel { get; init; } = 1;

    /// <summary>Installing updates on a drained, paused node, before its reboot [I] (default 20 min).</summary>
    public SimTime Install { get; init; } = SimTime.FromSeconds(20 * 60);

    /// <summary>From leaving the cluster to being back up (shutdown, POST, boot) [I] (default 5 min).</summary>
    public SimTime Reboot { get; init; } = SimTime.FromSeconds(5 * 60);

    /// <summary>Drained VMs go back after the resume (immediate, CAU's default) or stay (none).</summary>
    public FailbackMode Failback { get; init; } = FailbackMode.Immediate;

    /// <summary>Runs with drawn install times behind the suggested CAU time-outs (0: none, no suggestion).</summary>
    public int Replications { get; init; } = 20;

    /// <summary>In those runs each node's install time is uniform in Install × [1 − s, 1 + s] (default s = 0.5).</summary>
    public double InstallSpread { get; init; } = 0.5;

    /// <summary>WarnAfter = p95 of the runs' totals × (1 + this), whole minutes up (default 0.25).</summary>
    public double WarnMargin { get; init; } = 0.25;

    /// <summary>StopAfter = the longest run's total × (1 + this), whole minutes up (default 1.0: twice the longest).</summary>
    public double StopMargin { get; init; } = 1.0;

    /// <summary>Simulated time the plan starts at (default 1 s, after the cluster has formed).</summary>
    public SimTime Start { get; init; } = SimTime.FromSeconds(1);

    /// <summary>The problems with these options for <paramref name="scenario"/>, each naming the option and the fix; empty when none.</summary>
    public IReadOnlyList<string> Problems(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var problems = new List<string>();
        int n = scenario.Hosts.Count;
        if (n < 2)
        {
            problems.Add($"the scenario has {n} host(s): a patch night needs at least 2, so VMs have somewhere to go");
        }

        if (MaxParallel < 1 || MaxParallel >= Math.Max(2, n))
        {
            problems.Add($"--max-parallel must be from 1 to {Math.Max(1, n - 1)} (the cluster has {n} hosts and needs one up)");
        }

        if (Order is { } order)
        {
            var names = scenario.Hosts.Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
            string[] unknown = order.Where(o => !names.Contains(o)).ToArray();
            string[] twice = order.GroupBy(o => o, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
            string[] missing = scenario.Hosts.Select(h => h.Name).Where(h => !order.Contains(h, StringComparer.Ordinal)).ToArray();
            if (unknown.Length > 0 || twice.Length > 0 || missing.Length > 0)
            {
                string what = string.Join("; ", new[]
                {
                    unknown.Length > 0 ? "unknown " + string.Join(", ", unknown) : null,
                    twice.Length > 0 ? "twice " + string.Join(", ", twice) : null,
                    missing.Length > 0 ? "missing " + string.Join(", ", missing) : null,
                }.OfType<string>());
                problems.Add($"--order must name every host once ({what}); the hosts are {string.Join(",", scenario.Hosts.Select(h => h.Name))}");
            }
        }

        if (Install < SimTime.Zero || Reboot < SimTime.Zero)
        {
            problems.Add("--install and --reboot need a duration of 0 or more, e.g. --install 20m");
        }

        if (Failback is not (FailbackMode.None or FailbackMode.Immediate))
        {
            problems.Add("--failback must be none or immediate");
        }

        if (Replications < 0 || InstallSpread is < 0 or > 1 || WarnMargin < 0 || StopMargin < 0)
        {
            problems.Add("--replications needs 0 or more and --install-spread a fraction from 0 to 1, e.g. --install-spread 0.5");
        }

        return problems;
    }
}
