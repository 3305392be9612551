using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Clustering;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using Xunit;
using static HyperVSim.Model.Tests.Clustering.ClusterScenarios;

namespace HyperVSim.Model.Tests.Clustering;

/// <summary>
/// Where and in what order the cluster restarts the VMs of a lost node (Restarts): priority order, priority 0,
/// possible and preferred owners, soft anti-affinity, memory-aware placement, the start throttle, preemption into saved
/// state, and the failover threshold. A node lost at 10.5 s is declared at 20 and the regroup ends at 22; a start takes 30 s.
/// </summary>
public sealed class RestartPlacementTests
{
    private const double Regrouped = 22;

    private static ClusterSpec Cluster(int throttle = 32) => new() { LiveMigration = TestScenarios.NoFixedCosts(), StartThrottle = throttle };

    private static double Starting(SimulationResult r, string vm) => r.Vms.Single(v => v.Name == vm).Timeline.Last(e => e.State == "starting").At;

    private static VmRecord Rec(SimulationResult r, string vm) => r.Vms.Single(v => v.Name == vm);

    [Fact]
    public void VMs_start_High_before_Medium_before_Low_ties_in_scenario_order_and_priority_0_stays_off()
    {
        // Two nodes: hv2 (the tie-breaker without a vote) is lost; one start at a time on hv1 shows the order.
        VmSpec[] vms =
        [
            Vm("low", "hv2", priority: 1000), Vm("m1", "hv2"), Vm("high", "hv2", priority: 3000), Vm("m2", "hv2"), Vm("zero", "hv2", priority: 0),
        ];
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(2), vms, Cluster(throttle: 1), null, Fail(FaultTargetKind.Host, "hv2", 10.5)));

        Starting(r, "high").Should().BeApproximately(Regrouped, 1e-9);
        Starting(r, "m1").Should().BeApproximately(Regrouped + 30, 1e-9);
        Starting(r, "m2").Should().BeApproximately(Regrouped + 60, 1e-9);
        Starting(r, "low").Should().BeApproximately(Regrouped + 90, 1e-9);
        Rec(r, "low").State.Should().Be("running");

        VmRecord zero = Rec(r, "zero");
        zero.State.Should().Be("off");
        zero.Timeline.Should().NotContain(e => e.State == "starting");
        zero.Timeline[^1].Reason.Should().Contain("priority 0");
        r.Failovers.Single().NotRecovered.Should().ContainSingle(n => n.Vm == "zero" && n.Reason.Contains("priority 0"));
    }

    [Fact]
    public void Possible_owners_bind_and_preferred_owners_come_first_in_their_order()
    {
        // hv4 is the fullest node; memory-aware placement alone would pick hv2.
        VmSpec[] vms =
        [
            Vm("a", "hv1") with { PossibleOwners = ["hv1", "hv4"] },
            Vm("p", "hv1") with { PreferredOwners = ["hv3", "hv2"] },
            Vm("q", "hv1", memory: 24 * GiB) with { PreferredOwners = ["hv4", "hv3"] },
            Vm("plain", "hv1"),
            Vm("big", "hv4", memory: 40 * GiB),
        ];
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(4), vms, Cluster(), null, Fail(FaultTargetKind.Host, "hv1", 10.5)));

        Rec(r, "a").Host.Should().Be("hv4", "the only possible owner left");
        Rec(r, "p").Host.Should().Be("hv3", "its first preferred owner");
        Rec(r, "q").Host.Should().Be("hv3", "hv4, its first preferred owner, has 20 GiB free after a: the next preferred one");
        Rec(r, "plain").Host.Should().Be("hv2", "most free memory");
        r.Vms.Should().OnlyContain(v => v.State == "running");
    }

    [Fact]
    public void Soft_anti_affinity_spreads_a_class_over_two_nodes_when_it_can_and_places_it_together_when_it_must()
    {
        HostSpec[] hosts = [Host("hv1"), Host("hv2", memory: 128 * GiB), Host("hv3")];
        SimulationResult Run(string? cls, IReadOnlyList<string>? owners = null) => ClusterSimulation.Run(Scenario(hosts,
            [Vm("s1", "hv1") with { AntiAffinity = cls, PossibleOwners = owners ?? [] }, Vm("s2", "hv1") with { AntiAffinity = cls, PossibleOwners = owners ?? [] }],
            Cluster(), null, Fail(FaultTargetKind.Host, "hv1", 10.5)));

        SimulationResult none = Run(null);
        none.Vms.Should().OnlyContain(v => v.Host == "hv2", "without a class, memory-aware placement puts both on the 128 GiB node");

        SimulationResult apart = Run("sql");
        apart.Vms.Select(v => v.Host).Should().BeEquivalentTo(["hv2", "hv3"]);

        SimulationResult together = Run("sql", ["hv1", "hv2"]);
        together.Vms.Should().OnlyContain(v => v.Host == "hv2" && v.State == "running", "soft: kept apart only when a node allows it");
    }

    [Fact]
    public void Placement_is_memory_aware_the_node_with_most_free_memory_wins()
    {
        VmSpec[] vms = [Vm("a", "hv1"), Vm("x2", "hv2", memory: 8 * GiB), Vm("x3", "hv3", memory: 2 * GiB), Vm("x4", "hv4", memory: 16 * GiB)];
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(4), vms, Cluster(), null, Fail(FaultTargetKind.Host, "hv1", 10.5)));

        Rec(r, "a").Host.Should().Be("hv3");
    }

    [Fact]
    public void The_start_throttle_starts_32_at_once_and_the_33rd_when_the_first_finishes()
    {
        VmSpec[] vms = Enumerable.Range(1, 40).Select(i => Vm($"vm{i:00}", "hv2", memory: GiB)).ToArray();
        ClusterService? service = null;
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(2), vms, new ClusterSpec { LiveMigration = TestScenarios.NoFixedCosts() }, null, Fail(FaultTargetKind.Host, "hv2", 10.5)),
            null, null, c => service = c.Component<ClusterService>());

        var starts = vms.Select(v => Starting(r, v.Name)).ToArray();
        starts.Take(32).Should().OnlyContain(t => Math.Abs(t - Regrouped) < 1e-9);
        starts.Skip(32).Should().OnlyContain(t => Math.Abs(t - (Regrouped + 30)) < 1e-9, "a slot frees when a VM is running, 30 s after its start");
        Rec(r, "vm33").Timeline.Should().Contain(e => e.At == Regrouped && e.Reason.Contains("queued on hv1: 32 VMs already starting there"));
        r.Vms.Should().OnlyContain(v => v.State == "running" && v.Host == "hv1");
        r.Failovers.Single().RecoveredAt.Should().BeApproximately(Regrouped + 60, 1e-9);
        service!.Restarts.PeakStarting.Should().Be(32);
    }

    [Fact]
    public void A_High_VM_that_does_not_fit_saves_Low_VMs_and_never_a_High_one()
    {
        // hv1: 64 GiB with 60 in use; the lost High VM needs 16.
        VmSpec[] vms =
        [
            Vm("h0", "hv1", memory: 20 * GiB, priority: 3000), Vm("l1", "hv1", memory: 20 * GiB, priority: 1000), Vm("l2", "hv1", memory: 20 * GiB, priority: 1000),
            Vm("vip", "hv2", memory: 16 * GiB, priority: 3000),
        ];
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(2), vms, Cluster(), null, Fail(FaultTargetKind.Host, "hv2", 10.5)));

        Starting(r, "vip").Should().BeApproximately(Regrouped, 1e-9);
        Rec(r, "vip").Host.Should().Be("hv1");
        VmRecord l2 = Rec(r, "l2");
        l2.State.Should().Be("saved", "one Low VM frees enough");
        l2.Timeline.Should().Contain(e => e.State == "saved" && e.At == Regrouped && e.Reason.Contains("saved to make room on hv1 for vip"));
        Rec(r, "l1").State.Should().Be("running");
        Rec(r, "h0").Outages.Should().Be(0);

        // Saving every Low VM would not free enough, and the High one is never preempted: nothing is saved.
        VmSpec[] tight =
        [
            Vm("h0", "hv1", memory: 40 * GiB, priority: 3000), Vm("l1", "hv1", memory: 8 * GiB, priority: 1000),
            Vm("vip", "hv2", memory: 30 * GiB, priority: 3000),
        ];
        SimulationResult t = ClusterSimulation.Run(Scenario(Hosts(2), tight, Cluster(), null, Fail(FaultTargetKind.Host, "hv2", 10.5)));
        t.Vms.Where(v => v.Name != "vip").Should().OnlyContain(v => v.State == "running" && v.Outages == 0);
        Rec(t, "vip").State.Should().Be("off");
        Rec(t, "vip").Timeline[^1].Reason.Should().Contain("no node can start it");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Past_the_failover_threshold_a_VM_stays_failed_until_the_retry_period(int threshold)
    {
        var cluster = new ClusterSpec
        {
            LiveMigration = TestScenarios.NoFixedCosts(),
            Failover = new FailoverPolicySpec { Threshold = threshold },
            Restart = new RestartPolicySpec { RetryPeriod = SimTime.FromSeconds(600) },
        };
        VmSpec a = Vm("a", "hv1") with { PreferredOwners = ["hv2", "hv3"] };
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(4), [a], cluster, SimTime.FromSeconds(2000),
            Fail(FaultTargetKind.Host, "hv1", 10.5), Fail(FaultTargetKind.Host, "hv2", 100.5)));

        VmRecord vm = Rec(r, "a");
        vm.Host.Should().Be("hv3");
        vm.State.Should().Be("running");
        vm.Timeline.First(e => e.State == "starting").At.Should().BeApproximately(Regrouped, 1e-9);

        // hv2 lost at 100.5: declared at 110, regroup to 112.
        if (threshold == 1)
        {
            vm.Timeline.Should().Contain(e => e.State == "failed" && e.At == 112 && e.Reason.Contains("failover threshold reached"));
            Starting(r, "a").Should().BeApproximately(712, 1e-9, "retried after the 600 s retry period");
        }
        else
        {
            vm.Timeline.Should().NotContain(e => e.State == "failed");
            Starting(r, "a").Should().BeApproximately(112, 1e-9);
        }
    }
}
