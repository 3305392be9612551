using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using Xunit;
using static HyperVSim.Model.Tests.Clustering.ClusterScenarios;

namespace HyperVSim.Model.Tests.Clustering;

/// <summary>
/// Node maintenance (Components/Maintenance.cs): pause with and without drain, resume with failback none, immediate or
/// in a window, restart (drain, clean leave handing the vote over, down, back, failback), shutdown without
/// maintenance mode, and a start event.
/// </summary>
public sealed class MaintenanceTests
{
    private static readonly SimTime Hour = SimTime.FromSeconds(3600);

    private static SimTime S(double seconds) => SimTime.FromSeconds(seconds);

    private static VmRecord Rec(SimulationResult r, string vm) => r.Vms.Single(v => v.Name == vm);

    // hv3 is the fullest node, so a paused hv1 would otherwise be the first choice for hv2's VM.
    private static VmSpec[] Vms() => [Vm("a", "hv1"), Vm("b", "hv1"), Vm("c", "hv2"), Vm("x", "hv3", memory: 40 * GiB)];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_paused_node_drains_only_when_asked_and_receives_no_failover(bool drain)
    {
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(3), Vms(), null, Hour,
            new PauseEventSpec(S(10), "hv1", drain), Fail(FaultTargetKind.Host, "hv2", 100.5)));

        Rec(r, "c").Host.Should().Be("hv3", "hv1 is paused");
        Rec(r, "c").State.Should().Be("running");
        if (drain)
        {
            r.Migrations.Should().HaveCount(2).And.OnlyContain(m => m.From == "hv1" && m.RequestedAt == 10 && m.Result == MigrationResult.Completed);
            r.Drains.Should().ContainSingle(d => d.Host == "hv1" && d.Moved == 2);
            new[] { Rec(r, "a"), Rec(r, "b") }.Should().OnlyContain(v => v.Host == "hv3" && v.State == "running", "drained to hv2, then failed over from it, never to the paused hv1");
        }
        else
        {
            r.Migrations.Should().BeEmpty();
            r.Drains.Should().BeEmpty();
            new[] { Rec(r, "a"), Rec(r, "b") }.Should().OnlyContain(v => v.Host == "hv1" && v.State == "running");
        }
    }

    [Theory]
    [InlineData(FailbackMode.None, 0, 0, null)]
    [InlineData(FailbackMode.Immediate, 0, 0, 100.0)]
    [InlineData(FailbackMode.Window, 2, 4, 7200.0)]
    [InlineData(FailbackMode.Window, 22, 1, 100.0)]
    [InlineData(FailbackMode.Window, 23, 0, 82800.0)]
    [InlineData(FailbackMode.Window, 0, 1, 100.0)]
    [InlineData(FailbackMode.Window, 1, 3, 3600.0)]
    public void Resume_fails_the_drained_VMs_back_as_the_failback_says(FailbackMode mode, int start, int end, double? backAt)
    {
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(3), [Vm("a", "hv1"), Vm("b", "hv1")], null, SimTime.FromSeconds(90000),
            new DrainEventSpec(S(10), "hv1"), new ResumeEventSpec(S(100), "hv1", new FailbackSpec(mode, start, end))));

        MigrationRecord[] back = r.Migrations.Where(m => m.To == "hv1").ToArray();
        if (backAt is null)
        {
            back.Should().BeEmpty();
            r.Vms.Should().OnlyContain(v => v.Host != "hv1" && v.State == "running");
            return;
        }

        back.Select(m => m.Vm).Should().BeEquivalentTo(["a", "b"]);
        back.Should().OnlyContain(m => Math.Abs(m.RequestedAt - backAt.Value) < 1e-9 && m.Result == MigrationResult.Completed && m.RequestedBy == "cluster");
        r.Vms.Should().OnlyContain(v => v.Host == "hv1" && v.State == "running" && v.Outages == 0);
    }

    [Fact]
    public void A_restart_drains_leaves_cleanly_even_as_the_voter_of_two_nodes_comes_back_after_DownFor_and_fails_back()
    {
        // Two nodes without a witness: hv1 holds the only vote; a clean leave hands it to hv2 first.
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(2), [Vm("a", "hv1"), Vm("b", "hv1"), Vm("c", "hv2")], null, Hour,
            new RestartEventSpec(S(10), "hv1", S(300)) { Failback = new FailbackSpec(FailbackMode.Immediate) }));

        MigrationRecord[] away = r.Migrations.Where(m => m.From == "hv1").ToArray();
        away.Should().HaveCount(2).And.OnlyContain(m => m.RequestedAt == 10 && m.Result == MigrationResult.Completed);
        double left = away.Max(m => m.CompletedAt!.Value);

        r.Quorum.Should().OnlyContain(q => q.Has, "a clean leave never costs quorum");
        QuorumRecord leave = r.Quorum.Single(q => q.Reason.Contains("left cleanly"));
        leave.At.Should().BeApproximately(left, 1e-9, "it leaves when its drain ends");
        leave.Nodes.Should().Be(1);
        leave.Votes.Should().Be(1);
        r.Quorum[^1].Nodes.Should().Be(2, "it joined again");
        r.Failovers.Should().BeEmpty("nothing failed");

        MigrationRecord[] back = r.Migrations.Where(m => m.To == "hv1").ToArray();
        back.Select(m => m.Vm).Should().BeEquivalentTo(["a", "b"]);
        back.Should().OnlyContain(m => Math.Abs(m.RequestedAt - (left + 300 + 2)) < 1e-9 && m.Result == MigrationResult.Completed);
        r.Vms.Should().OnlyContain(v => v.State == "running" && v.Outages == 0);
        Rec(r, "a").Host.Should().Be("hv1");
        Rec(r, "c").Host.Should().Be("hv2");
    }

    [Fact]
    public void A_restart_of_a_node_a_drain_already_emptied_goes_down_at_once_without_a_second_empty_drain()
    {
        // A patch run: drain hv1, install, then restart it (drain: true, as CAU asks). Nothing is left to move.
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(3), [Vm("a", "hv1"), Vm("b", "hv1"), Vm("c", "hv2")], null, Hour,
            new PauseEventSpec(S(10), "hv1", Drain: true),
            new RestartEventSpec(S(200), "hv1", S(300)) { Failback = new FailbackSpec(FailbackMode.Immediate) }));

        r.Drains.Should().ContainSingle("the restart finds hv1 empty and paused: there is nothing to drain again")
            .Which.Should().Match<DrainRecord>(d => d.Host == "hv1" && d.Moved == 2 && d.RequestedAt == 10);
        r.Quorum.Single(q => q.Reason.Contains("left cleanly")).At.Should().Be(200, "it leaves as soon as it is asked to restart");
        MigrationRecord[] back = r.Migrations.Where(m => m.To == "hv1").ToArray();
        back.Select(m => m.Vm).Should().BeEquivalentTo(["a", "b"], "the first drain's VMs fail back after the restart");
        back.Should().OnlyContain(m => Math.Abs(m.RequestedAt - (200 + 300 + 2)) < 1e-9 && m.Result == MigrationResult.Completed);
        r.Vms.Should().OnlyContain(v => v.State == "running" && v.Outages == 0);
    }

    [Fact]
    public void A_2012R2_node_shut_down_without_maintenance_mode_live_migrates_its_VMs_and_a_2012_node_saves_them()
    {
        RestartEventSpec shutdown = new(S(10), "hv1", S(300), Drain: false);
        SimulationResult r2 = ClusterSimulation.Run(Scenario(Hosts(3), [Vm("a", "hv1"), Vm("b", "hv1")], null, Hour, shutdown));
        r2.Migrations.Should().HaveCount(2).And.OnlyContain(m => m.From == "hv1" && m.RequestedAt == 10 && m.Result == MigrationResult.Completed);
        r2.Vms.Should().OnlyContain(v => v.Host != "hv1" && v.State == "running" && v.Outages == 0);

        HostSpec[] old = Enumerable.Range(1, 3).Select(i => Host($"hv{i}", version: HyperVVersion.V2012)).ToArray();
        var cluster = new ClusterSpec { Version = HyperVVersion.V2012, LiveMigration = TestScenarios.NoFixedCosts() };
        SimulationResult r1 = ClusterSimulation.Run(Scenario(old, [Vm("a", "hv1"), Vm("b", "hv1")], cluster, Hour, shutdown));
        r1.Migrations.Should().BeEmpty();
        foreach (VmRecord vm in r1.Vms)
        {
            vm.Timeline.Should().Contain(e => e.State == "saved" && e.At == 10);
            vm.Timeline.Last(e => e.State == "starting").At.Should().Be(10, "the node left cleanly: no detection, no regroup wait");
            vm.Host.Should().NotBe("hv1");
            vm.State.Should().Be("running");
            vm.DowntimeSeconds.Should().BeApproximately(30, 1e-9);
        }
    }

    [Fact]
    public void A_start_event_starts_an_off_VM_whatever_its_priority_after_its_start_time()
    {
        VmSpec cold = Vm("cold", "hv1", priority: 0) with { State = VmInitialState.Off, StartTime = S(45) };
        SimulationResult r = ClusterSimulation.Run(Scenario(Hosts(2), [cold], null, Hour, new StartEventSpec(S(50), "cold")));

        VmRecord vm = Rec(r, "cold");
        vm.Timeline.Single(e => e.State == "starting").At.Should().Be(50);
        vm.Timeline.Single(e => e.State == "running").At.Should().Be(95);
        vm.Host.Should().Be("hv1", "registered there and able to start there");
    }
}
