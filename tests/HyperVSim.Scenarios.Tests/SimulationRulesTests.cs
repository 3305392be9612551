using FluentAssertions;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>
/// An honest surface (issues 8 to 10): for a run, keys the model does not use — an SMB bandwidth limit of category
/// default — are refused at their line and column with "not simulated in this version"; heartbeats, detectors, volumes,
/// their capacity and disks' volumes are simulated now and load for a run; the format itself accepts everything.
/// </summary>
public sealed class SimulationRulesTests
{
    private const string Base = "name: t\nnetworks: [ { name: p, role: vm } ]\nhosts: [ { name: hv, memory: 64GiB } ]\n";

    private static IReadOnlyList<ScenarioError> ForRun(string text)
    {
        Action load = () => ScenarioLoader.LoadText(text, "t.yaml", ScenarioLoadOptions.ForSimulation);
        return load.Should().Throw<ScenarioException>().Which.Errors;
    }

    [Fact]
    public void A_volumes_capacity_loads_for_a_run_now_that_it_is_simulated() =>
        ScenarioLoader.LoadText(Base + "storage: [ { name: csv1, iops: 80000, bandwidth: 2GB/s } ]\n", "t.yaml", ScenarioLoadOptions.ForSimulation).Storage[0].BytesPerSecond.Should().Be(2e9);

    [Fact]
    public void An_smb_limit_of_category_default_is_refused_for_a_run_at_its_line_and_column()
    {
        const string yaml = "name: t\nnetworks: [ { name: p, role: vm } ]\nhosts: [ { name: hv, memory: 64GiB, smbBandwidthLimit: { default: 100MB/s } } ]\n";
        ScenarioError e = ForRun(yaml).Should().ContainSingle().Subject;

        (e.Line, e.Column, e.Path).Should().Be((3, 67, "hosts[0].smbBandwidthLimit.default"));
        e.Message.Should().StartWith("an SMB bandwidth limit of category default is not simulated in this version");
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
