using FluentAssertions;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>
/// An honest surface (issue 8): for a run, keys the model does not use yet are refused at their line and column with
/// the same "not simulated in this version" words as fail and repair events; the format itself still accepts them.
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
    [InlineData("cluster: { heartbeat: { delay: 1s } }\n", 4, 23, "the cluster heartbeat (failure detection) is not simulated")]
    [InlineData("cluster: { networkHealthProtection: false }\n", 4, 37, "network health protection is not simulated")]
    [InlineData("cluster: { storageFailureDetection: true }\n", 4, 37, "storage failure detection is not simulated")]
    [InlineData("storage: [ { name: csv1 } ]\n", 4, 12, "storage volumes are not simulated")]
    public void A_key_the_model_does_not_use_is_refused_for_a_run_at_its_line_and_column(string yaml, int line, int column, string message)
    {
        ScenarioError e = ForRun(Base + yaml).Should().ContainSingle().Subject;

        (e.Line, e.Column).Should().Be((line, column));
        e.Message.Should().Contain(message).And.Contain("in this version");
        e.Fix.Should().StartWith("remove it for now");
    }

    [Fact]
    public void A_disks_storage_volume_is_refused_for_a_run()
    {
        string yaml = Base + "storage: [ { name: csv1 } ]\nvms: [ { name: v, memory: 1GiB, disks: [ { name: os, size: 40GiB, storage: csv1 } ] } ]\n";

        ForRun(yaml).Select(e => e.Message).Should().Contain(m => m.Contains("a disk's storage volume is not simulated", StringComparison.Ordinal));
    }

    [Fact]
    public void The_format_itself_still_accepts_them()
    {
        string yaml = Base + "cluster: { heartbeat: { delay: 1s }, networkHealthProtection: false }\nstorage: [ { name: csv1 } ]\n";

        ScenarioLoader.LoadText(yaml, "t.yaml").Storage.Should().ContainSingle();
    }
}
