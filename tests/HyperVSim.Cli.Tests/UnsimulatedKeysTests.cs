using FluentAssertions;

namespace HyperVSim.Cli.Tests;

/// <summary>Keys the model does not use yet are refused by `run` and `validate` at their line and column, exit 2, nothing written.</summary>
public sealed class UnsimulatedKeysTests
{
    private const string Base = """
        name: honest
        networks: [ { name: lm, role: liveMigration }, { name: prod, role: vm } ]
        hosts:
          - { name: hv, count: 2, memory: 64GiB, nics: [ { name: lm1, speed: 10Gbps, networks: [lm] }, { name: vm1, speed: 1Gbps, networks: [prod] } ] }
        vms: [ { name: v, memory: 4GiB, host: hv1, nics: [ { network: prod } ] } ]

        """;

    [Theory]
    [InlineData("run", "cluster: { heartbeat: { delay: 1s } }", "6:23", "the cluster heartbeat (failure detection) is not simulated in this version")]
    [InlineData("validate", "cluster: { storageFailureDetection: true }", "6:37", "storage failure detection is not simulated in this version")]
    [InlineData("run", "storage: [ { name: csv1 } ]", "6:12", "storage volumes are not simulated in this version")]
    public void A_key_the_model_does_not_use_exits_2_at_its_line_and_column_and_writes_nothing(string command, string yaml, string at, string message)
    {
        string dir = Cli.TempDir();
        string scenario = Path.Combine(dir, "s.yaml"), json = Path.Combine(dir, "r.json");
        File.WriteAllText(scenario, Base + yaml + "\n");

        var (exit, _, error) = command == "run" ? Cli.Run("run", scenario, "--quiet", "--json", json) : Cli.Run("validate", scenario);

        exit.Should().Be(2);
        error.Should().Contain($"{scenario}:{at}:").And.Contain(message).And.Contain("Fix: remove it for now");
        File.Exists(json).Should().BeFalse();
    }
}
