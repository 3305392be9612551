using FluentAssertions;
using HyperVSim.Cli.Commands;
using HyperVSim.Experiments.Calibration;
using HyperVSim.Model.Specs;
using HyperVSim.Scenarios;
using Xunit;

namespace HyperVSim.Cli.Tests;

/// <summary>
/// The overlay calibrate writes applies exactly what the fit simulated: for every parameter, the key path with the
/// value formatted as the overlay writes it, loaded through the scenario loader, gives the scenario the fit's own
/// <see cref="CalibrationParameter.Apply"/> gives.
/// </summary>
public sealed class OverlayKeyPathTests
{
    public static TheoryData<string, double> Values => new()
    {
        { "efficiency", 0.8731 },
        { "setupTime", 2.3456 },
        { "switchoverTime", 0.1234 },
        { "streamCeiling", 4.321e9 },
        { "compressionRatio", 2.71 },
        { "compressPerCore", 612.5e6 },
        { "dirtyRate", 31.25e6 },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void The_overlay_line_sets_what_the_fit_simulated(string name, double value)
    {
        CalibrationParameter p = CalibrationParameter.Find(name)!;
        string scenario = Cli.Scenario("holman-2012-drain.yaml");
        ScenarioSpec loaded = ScenarioLoader.LoadFile(scenario, ScenarioLoadOptions.ForSimulation with
        {
            Overrides = [new ScenarioOverride(p.KeyPath, CalibrateCommand.Format(p, value), "fitted.yaml", 3, 1)],
        });
        ScenarioSpec applied = p.Apply(ScenarioLoader.LoadFile(scenario, ScenarioLoadOptions.ForSimulation), value);

        p.Read(loaded).Should().Be(value);
        p.Read(loaded).Should().Be(p.Read(applied));
        loaded.Hosts.SelectMany(h => h.Nics).Select(n => n.Efficiency).Should().Equal(applied.Hosts.SelectMany(h => h.Nics).Select(n => n.Efficiency));
        loaded.Hosts.Select(h => h.Cpu).Should().Equal(applied.Hosts.Select(h => h.Cpu));
        loaded.Vms.Select(v => (v.Dirtying, v.MemoryContent)).Should().Equal(applied.Vms.Select(v => (v.Dirtying, v.MemoryContent)));
        loaded.Cluster.LiveMigration.Should().BeEquivalentTo(applied.Cluster.LiveMigration);
    }
}
