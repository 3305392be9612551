using HyperVSim.Engine;
using HyperVSim.Model;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;

namespace HyperVSim.Experiments.Survivability;

/// <summary>
/// The N+R question (docs/studies.md "Survivability"): for every set of R hosts failing at once (or a seeded sample of
/// the sets when there are more than a limit), the cluster model is run with those hosts failing at 1 s and none of
/// the scenario's events, long enough for every restart; the VMs with automatic start that do not run again, and the
/// memory they need, are the answer, by priority. Each set runs on its own, in parallel, in a fixed order of results.
/// </summary>
public static class SurvivabilityAnalysis
{
    /// <summary>How long after the failure a set is given to restart everything it can.</summary>
    public static readonly SimTime Horizon = SimTime.FromSeconds(3600);

    public static SurvivabilityReport Run(ScenarioSpec scenario, int failures, int maxSets = 1000, int threads = 1, long seed = 1)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        int n = scenario.Hosts.Count;
        if (failures < 1 || failures >= n)
        {
            throw new ArgumentOutOfRangeException(nameof(failures), failures, $"R must be from 1 to {n - 1} (the cluster has {n} hosts)");
        }

        double total = Combinations(n, failures);
        IReadOnlyList<int[]> sets = total <= maxSets ? AllSets(n, failures).ToArray() : Sample(n, failures, maxSets, seed);
        var results = new SetResult[sets.Count];
        WorkerThreads.For(sets.Count, threads, i => results[i] = RunSet(scenario, sets[i]));
        return new SurvivabilityReport(failures, total, sets.Count < total, results);
    }

    private static SetResult RunSet(ScenarioSpec scenario, int[] set)
    {
        string[] hosts = set.Select(i => scenario.Hosts[i].Name).ToArray();
        ScenarioSpec spec = scenario with
        {
            Until = SimTime.FromSeconds(1) + Horizon,
            Faults = new FaultsSpec(),
            Events = hosts.Select(h => (ScenarioEventSpec)new FaultEventSpec(SimTime.FromSeconds(1), new FaultTarget(FaultTargetKind.Host, h), Repair: false)).ToArray(),
        };
        SimulationResult r = ClusterSimulation.Run(spec);
        var lost = new List<LostVm>();
        foreach (VmSpec vm in scenario.Vms.Where(v => v.Priority > 0 && v.State == VmInitialState.Running))
        {
            VmRecord record = r.Vms.Single(v => v.Name == vm.Name);
            if (record.State != "running")
            {
                lost.Add(new LostVm(vm.Name, vm.Priority, vm.MemoryBytes, record.Timeline.Count > 0 ? record.Timeline[^1].Reason : record.State));
            }
        }

        return new SetResult(hosts, lost);
    }

    private static double Combinations(int n, int k)
    {
        double c = 1;
        for (int i = 1; i <= k; i++)
        {
            c = c * (n - k + i) / i;
        }

        return Math.Round(c);
    }

    private static IEnumerable<int[]> AllSets(int n, int k)
    {
        int[] idx = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])idx.Clone();
            int i = k - 1;
            while (i >= 0 && idx[i] == n - k + i)
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            idx[i]++;
            for (int j = i + 1; j < k; j++)
            {
                idx[j] = idx[j - 1] + 1;
            }
        }
    }

    /// <summary>Distinct random sets from the stream (seed, "survivability", "sets"), sorted, for a reproducible sample.</summary>
    private static IReadOnlyList<int[]> Sample(int n, int k, int count, long seed)
    {
        Random rnd = new RandomStreams(seed).For("survivability", "sets");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<int[]>();
        int[] all = Enumerable.Range(0, n).ToArray();
        while (list.Count < count)
        {
            rnd.Shuffle(all);
            int[] set = all.Take(k).Order().ToArray();
            if (seen.Add(string.Join(",", set)))
            {
                list.Add(set);
            }
        }

        return list.OrderBy(s => string.Join(",", s.Select(i => i.ToString("00000", System.Globalization.CultureInfo.InvariantCulture))), StringComparer.Ordinal).ToList();
    }
}

/// <summary>The answer: R, how many sets exist, whether only a sample ran, and each set's lost VMs.</summary>
public sealed record SurvivabilityReport(int Failures, double SetsInAll, bool Sampled, IReadOnlyList<SetResult> Sets)
{
    /// <summary>Sets after which some VM with automatic start does not run again.</summary>
    public IReadOnlyList<SetResult> Failing => Sets.Where(s => s.Lost.Count > 0).ToArray();

    /// <summary>The set that loses the most memory (the first such in set order).</summary>
    public SetResult? Worst => Sets.OrderByDescending(s => s.ShortfallBytes).FirstOrDefault(s => s.ShortfallBytes > 0);
}

/// <summary>One set of failed hosts and the VMs that would not run again.</summary>
public sealed record SetResult(IReadOnlyList<string> Hosts, IReadOnlyList<LostVm> Lost)
{
    public long ShortfallBytes => Lost.Sum(v => v.MemoryBytes);

    /// <summary>Memory of the lost VMs by priority, highest priority first.</summary>
    public IReadOnlyList<(int Priority, int Vms, long Bytes)> ByPriority =>
        Lost.GroupBy(v => v.Priority).OrderByDescending(g => g.Key).Select(g => (g.Key, g.Count(), g.Sum(v => v.MemoryBytes))).ToArray();
}

/// <summary>A VM that would not run again, and why.</summary>
public sealed record LostVm(string Vm, int Priority, long MemoryBytes, string Reason);
