using FluentAssertions;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>
/// An honest surface (issues 8 and 9): for a run, keys the model does not use yet — a volume's iops and bandwidth —
/// are refused at their line and column with "not simulated in this version"; heartbeats, detectors, volumes and
/// disks' volumes are simulated now and load for a run; the format itself accepts everything.
/// </summary>
public sealed class SimulationRulesTests
{
    private const string Base = "name: t\nnetworks: [ { name: p, role: vm } ]\nhosts: [ { name: hv, memory: 64GiB } ]\n";

    private static IReadOnlyList<ScenarioError> ForRun(string text)
    {
        Action load = () => ScenarioLoader.LoadText(text, "t.yaml", ScenarioLoadOptions.ForSimulation);
        return load.Should().Throw<ScenarioException>().Which.Errors;
    }

    [Theory]
    [InlineData("storage: [ { name: csv1, iops: 80000 } ]\n", 4, 32, "iops", "a volume's iops are not simulated")]
    [InlineData("storage: [ { name: csv1, bandwidth: 2GB/s } ]\n", 4, 37, "bandwidth", "a volume's bandwidth is not simulated")]
    public void A_volumes_capacity_is_refused_for_a_run_at_its_line_and_column(string yaml, int line, int column, string key, string message)
    {
        ScenarioError e = ForRun(Base + yaml).Should().ContainSingle().Subject;

        (e.Line, e.Column, e.Path).Should().Be((line, column, $"storage[0].{key}"));
        e.Message.Should().Be($"{message} in this version (failures of volumes and paths are, their capacity is not yet)");
        e.Fix.Should().StartWith($"remove {key} for now");
    }

    [Fact]
    public void Heartbeats_detectors_volumes_and_disks_volumes_load_for_a_run()
    {
        string yaml = Base
            + "cluster: { heartbeat: { delay: 1s, crossSubnetDelay: 2s }, networkHealthProtection: false, storageFailureDetection: true }\n"
            + "storage: [ { name: csv1 } ]\nvms: [ { name: v, memory: 1GiB, disks: [ { name: os, size: 40GiB, storage: csv1 } ] } ]\n";

        var spec = ScenarioLoader.LoadText(yaml, "t.yaml", ScenarioLoadOptions.ForSimulation);

        spec.Storage.Should().ContainSingle();
        spec.Vms[0].Disks[0].Storage.Should().Be("csv1");
        spec.Cluster.NetworkHealthProtection.Should().BeFalse();
    }

    [Fact]
    public void The_format_itself_still_accepts_capacity() =>
        ScenarioLoader.LoadText(Base + "storage: [ { name: csv1, iops: 80000, bandwidth: 2GB/s } ]\n", "t.yaml").Storage[0].Iops.Should().Be(80000);
}
