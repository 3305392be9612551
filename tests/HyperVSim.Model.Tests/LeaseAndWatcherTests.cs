using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Flow;
using HyperVSim.Model.Components;
using HyperVSim.Model.Migration;
using HyperVSim.Model.Specs;
using static HyperVSim.Model.Tests.TestScenarios;

namespace HyperVSim.Model.Tests;

/// <summary>
/// What a migration holds is worded only when asked, as it always was; a host tells the compressed passes watching its
/// spare CPU as an event tells its handlers (those watching when the change happens, in the order they began).
/// </summary>
public sealed class LeaseAndWatcherTests
{
    private const long M = 8 * GiB;

    /// <summary>
    /// a and b move hv1→hv2 one at a time (maxSimultaneous 1). Mid-way through a's pass 0, a holds its VM, the slots and
    /// the memory reserved on hv2; b, queued, holds its VM and the memory planned on hv2.
    /// </summary>
    [Fact]
    public void A_running_and_a_queued_migration_word_what_they_hold()
    {
        ScenarioSpec spec = Scenario(NoFixedCosts() with { MaxSimultaneous = 1 }, [Host("hv1"), Host("hv2")],
            [Vm("a", "hv1", M), Vm("b", "hv1", M)], Migrate("a", "hv2"), Migrate("b", "hv2"));
        string[]? a = null, b = null;

        ClusterSimulation.Run(spec, null, null, c => c.Simulation.Call(SimTime.FromSeconds(3), () =>
        {
            IReadOnlyList<LiveMigration> migrations = c.Component<MigrationService>().Migrations;
            a = migrations[0].Holding.Select(l => l.What).ToArray();
            b = migrations[1].Holding.Select(l => l.What).ToArray();
        }, "look"));

        string bytes = M.ToString("N0");
        a.Should().Equal("the VM a", "a migration slot on hv1 and hv2", $"{bytes} bytes reserved on hv2");
        b.Should().Equal("the VM b", $"{bytes} bytes planned on hv2");
    }

    private sealed class Watcher(string name, List<string> log) : ISpareCpuWatcher
    {
        public Action? OnNotice { get; set; }

        public void OnSpareCpuChanged(Host host)
        {
            log.Add(name);
            OnNotice?.Invoke();
        }
    }

    /// <summary>
    /// During the first notice a stops b watching and starts c: b is told this time, c from the next. A watcher that
    /// watches twice is told twice, and once after it stops once.
    /// </summary>
    [Fact]
    public void A_host_tells_those_watching_when_its_spare_cpu_changes_as_an_event_tells_its_handlers()
    {
        var sim = new Simulation();
        var host = new Host(Host("hv1"), new FlowNetwork(sim));
        var streams = new RandomStreams(1);
        var log = new List<string>();
        Watcher a = new("a", log), b = new("b", log), c = new("c", log), d = new("d", log);
        host.WatchSpareCpu(a);
        host.WatchSpareCpu(b);
        host.WatchSpareCpu(d);
        host.WatchSpareCpu(d);
        a.OnNotice = () =>
        {
            host.UnwatchSpareCpu(b);
            host.WatchSpareCpu(c);
            a.OnNotice = null;
        };

        host.Attach(new VirtualMachine(Vm("v1", "hv1", GiB), sim, streams, 0));
        log.Should().Equal("a", "b", "d", "d");

        log.Clear();
        host.UnwatchSpareCpu(d);
        host.UnwatchSpareCpu(b); // no longer watching: nothing happens
        host.Attach(new VirtualMachine(Vm("v2", "hv1", GiB), sim, streams, 1));
        log.Should().Equal("a", "d", "c");
    }
}
