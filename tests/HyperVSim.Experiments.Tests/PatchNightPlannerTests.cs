using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Experiments.Planning;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using Xunit;

namespace HyperVSim.Experiments.Tests;

/// <summary>
/// The patch-night planner against invariants read from the run itself (the VMs' timelines and migration records),
/// not from the planner's own bookkeeping: each node is empty when it goes down, no more than max-parallel nodes are
/// in maintenance at once, every VM runs at the end and none is lost, failback brings each VM home.
/// </summary>
public sealed class PatchNightPlannerTests
{
    private const long GiB = 1L << 30;

    /// <summary>N hosts of 64 GiB on one 10 GbE live-migration NIC each, VMs of 2 to 8 GiB placed by <paramref name="seed"/>.</summary>
    private static ScenarioSpec Cluster(int hosts, int vms, int seed)
    {
        var rnd = new Random(seed);
        return new ScenarioSpec
        {
            Name = "patch",
            Seed = seed,
            Cluster = new ClusterSpec { LiveMigration = new LiveMigrationSpec { Option = "tcpip", SetupJitter = 0 } },
            Networks = [new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("prod", NetworkRole.Vm)],
            Hosts = Enumerable.Range(1, hosts).Select(i => new HostSpec
            {
                Name = $"hv{i}",
                MemoryBytes = 64 * GiB,
                Cpu = new CpuSpec { Cores = 16 },
                Nics = [new NicSpec { Name = "lm1", BitsPerSecond = 10e9, Networks = ["lm"] }, new NicSpec { Name = "vm1", BitsPerSecond = 10e9, Networks = ["prod"] }],
            }).ToArray(),
            Vms = Enumerable.Range(1, vms).Select(i => new VmSpec
            {
                Name = $"vm{i}",
                Host = $"hv{rnd.Next(1, hosts + 1)}",
                MemoryBytes = rnd.Next(1, 5) * 2 * GiB,
                Nics = [new VmNicSpec("prod")],
            }).ToArray(),
        };
    }

    /// <summary>Where the VM was at <paramref name="t"/> by its timeline (its scenario host before the first entry).</summary>
    private static string? HostAt(ScenarioSpec spec, SimulationResult r, string vm, double t) =>
        r.Vms.Single(v => v.Name == vm).Timeline.LastOrDefault(e => e.At <= t) is { } e ? e.Host : spec.Vms.Single(v => v.Name == vm).Host;

    private static int MostAtOnce(IEnumerable<(double From, double To)> windows)
    {
        var edges = windows.SelectMany(w => new[] { (w.From, +1), (w.To, -1) }).OrderBy(e => e.Item1).ThenBy(e => e.Item2).ToArray();
        int now = 0, most = 0;
        foreach (var (_, d) in edges)
        {
            now += d;
            most = Math.Max(most, now);
        }

        return most;
    }

    private static void AssertInvariants(ScenarioSpec spec, PatchNightPlan plan, int maxParallel)
    {
        plan.Nodes.Select(n => n.Host).Should().BeEquivalentTo(spec.Hosts.Select(h => h.Name), "every node is updated once");
        foreach (NodeWindow n in plan.Nodes)
        {
            n.DrainEnd.Should().BeLessThanOrEqualTo(n.DownAt);
            n.DrainMigrations.Where(m => m.CompletedAt is null || m.CompletedAt > n.DownAt).Should().BeEmpty($"{n.Host}'s drain ends before it goes down");
            spec.Vms.Where(v => HostAt(spec, plan.Result, v.Name, n.DownAt) == n.Host).Should().BeEmpty($"no VM is on {n.Host} when it reboots");
            plan.Result.Vms.SelectMany(v => v.Timeline).Where(e => e.Host == n.Host && e.At > n.DownAt && e.At < n.UpAt).Should().BeEmpty($"nothing lands on {n.Host} while it is down");
        }

        MostAtOnce(plan.Nodes.Select(n => (n.Start, n.DoneAt))).Should().BeLessThanOrEqualTo(maxParallel);
        MostAtOnce(plan.Nodes.Select(n => (n.DownAt, n.UpAt))).Should().BeLessThanOrEqualTo(maxParallel);
        plan.Result.Vms.Should().HaveCount(spec.Vms.Count, "no VM is lost");
        plan.Result.Vms.Should().OnlyContain(v => v.State == "running" && v.Host != null, "every VM runs at the end");
        plan.NotRunning.Should().BeEmpty();
    }

    [Fact]
    public void One_at_a_time_in_the_given_order_each_node_empty_when_it_reboots_and_every_VM_back_home()
    {
        ScenarioSpec spec = Cluster(hosts: 4, vms: 12, seed: 3);
        var options = new PatchNightOptions { Order = ["hv3", "hv1", "hv4", "hv2"], Replications = 0 };

        PatchNightPlan plan = PatchNightPlanner.Run(spec, options);

        AssertInvariants(spec, plan, maxParallel: 1);
        plan.Nodes.Select(n => n.Host).Should().Equal("hv3", "hv1", "hv4", "hv2");
        for (int i = 1; i < plan.Nodes.Count; i++)
        {
            plan.Nodes[i].Start.Should().Be(plan.Nodes[i - 1].DoneAt, "the next node starts when the previous is done");
        }

        plan.Nodes.Should().OnlyContain(n => Math.Abs(n.InstallSeconds - 1200) < 1e-6 && Math.Abs(n.RebootSeconds - 300) < 1e-6);
        plan.Result.Vms.Should().OnlyContain(v => v.Host == spec.Vms.Single(s => s.Name == v.Name).Host, "immediate failback brings every VM home");
        plan.TotalSeconds.Should().BeApproximately(plan.Nodes.Sum(n => n.TotalSeconds), 1e-6, "one at a time, the total is the sum of the nodes");
        plan.Timeouts.Should().BeNull();
    }

    [Fact]
    public void At_most_max_parallel_nodes_are_in_maintenance_and_down_at_once_and_that_many_are()
    {
        ScenarioSpec spec = Cluster(hosts: 5, vms: 10, seed: 5);

        PatchNightPlan plan = PatchNightPlanner.Run(spec, new PatchNightOptions { MaxParallel = 2, Replications = 0 });

        AssertInvariants(spec, plan, maxParallel: 2);
        MostAtOnce(plan.Nodes.Select(n => (n.DownAt, n.UpAt))).Should().Be(2, "two nodes reboot together");
        plan.TotalSeconds.Should().BeLessThan(plan.Nodes.Sum(n => n.TotalSeconds));
    }

    [Fact]
    public void Invariants_hold_for_seeded_random_clusters_orders_and_parallelism()
    {
        for (int seed = 1; seed <= 6; seed++)
        {
            var rnd = new Random(seed * 31);
            int hosts = rnd.Next(3, 6);
            ScenarioSpec spec = Cluster(hosts, vms: rnd.Next(4, 14), seed);
            int parallel = rnd.Next(1, hosts);
            string[] order = spec.Hosts.Select(h => h.Name).OrderBy(_ => rnd.Next()).ToArray();
            var options = new PatchNightOptions
            {
                Order = order,
                MaxParallel = parallel,
                Replications = 0,
                Failback = seed % 2 == 0 ? FailbackMode.None : FailbackMode.Immediate,
                Install = SimTime.FromSeconds(rnd.Next(0, 1800)),
            };

            PatchNightPlan plan = PatchNightPlanner.Run(spec, options);

            AssertInvariants(spec, plan, parallel);
        }
    }

    [Fact]
    public void Without_failback_the_drained_VMs_stay_where_the_drains_put_them()
    {
        ScenarioSpec spec = Cluster(hosts: 3, vms: 6, seed: 2);

        PatchNightPlan plan = PatchNightPlanner.Run(spec, new PatchNightOptions { Failback = FailbackMode.None, Replications = 0 });

        plan.Nodes.Should().OnlyContain(n => n.FailbackMigrations.Count == 0 && n.FailbackSeconds == 0);
        plan.Result.Vms.Should().Contain(v => v.Host != spec.Vms.Single(s => s.Name == v.Name).Host);
    }

    [Fact]
    public void With_no_install_spread_and_no_random_term_every_replication_takes_the_plan_s_total()
    {
        ScenarioSpec spec = Cluster(hosts: 3, vms: 6, seed: 4);

        PatchNightPlan plan = PatchNightPlanner.Run(spec, new PatchNightOptions { Replications = 4, InstallSpread = 0 }, threads: 2);

        plan.Timeouts!.P50Seconds.Should().BeApproximately(plan.TotalSeconds, 1e-6);
        plan.Timeouts.MaxSeconds.Should().BeApproximately(plan.TotalSeconds, 1e-6);
    }

    [Fact]
    public void Time_outs_follow_the_documented_rule()
    {
        // 20 totals 3000, 3010, ..., 3190 s: p95 (R7) = 3000 + 10 × 18.05 = 3180.5 s; × 1.25 = 3975.6 s = 66.26 min → 67;
        // longest 3190 s × 2 = 6380 s = 106.33 min → 107.
        double[] totals = Enumerable.Range(0, 20).Select(i => 3000.0 + (10 * i)).ToArray();

        CauTimeouts t = CauTimeouts.From(totals, new PatchNightOptions());

        t.P95Seconds.Should().BeApproximately(3180.5, 1e-9);
        t.WarnAfterMinutes.Should().Be(67);
        t.StopAfterMinutes.Should().Be(107);
    }

    [Fact]
    public void Options_that_do_not_fit_the_scenario_are_named_with_the_fix()
    {
        ScenarioSpec spec = Cluster(hosts: 3, vms: 3, seed: 1);

        new PatchNightOptions { Order = ["hv1", "hv9", "hv1"] }.Problems(spec).Should().ContainSingle()
            .Which.Should().Be("--order must name every host once (unknown hv9; twice hv1; missing hv2, hv3); the hosts are hv1,hv2,hv3");
        new PatchNightOptions { MaxParallel = 3 }.Problems(spec).Should().ContainSingle().Which.Should().StartWith("--max-parallel must be from 1 to 2");
        FluentActions.Invoking(() => PatchNightPlanner.Run(spec, new PatchNightOptions { MaxParallel = 0 })).Should().Throw<ArgumentException>();
    }
}
