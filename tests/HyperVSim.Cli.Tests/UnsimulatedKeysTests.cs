using FluentAssertions;

namespace HyperVSim.Cli.Tests;

/// <summary>
/// Keys the model does not use (an SMB bandwidth limit of category default) are refused by `run` and `validate` at their
/// line and column, exit 2, nothing written; the keys it simulates since issues 9 and 10 (heartbeat, detectors, volumes and
/// their capacity) are not.
/// </summary>
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
    [InlineData("run", "4:72", "hosts[0].smbBandwidthLimit.default: an SMB bandwidth limit of category default is not simulated in this version", "remove default")]
    [InlineData("validate", "4:72", "hosts[0].smbBandwidthLimit.default: an SMB bandwidth limit of category default is not simulated in this version", "remove default")]
    public void A_key_the_model_does_not_use_exits_2_at_its_line_and_column_and_writes_nothing(string command, string at, string message, string fix)
    {
        string dir = Cli.TempDir();
        string scenario = Path.Combine(dir, "s.yaml"), json = Path.Combine(dir, "r.json");
        File.WriteAllText(scenario, Base.Replace("memory: 64GiB,", "memory: 64GiB, smbBandwidthLimit: { default: 100MB/s },", StringComparison.Ordinal));

        var (exit, _, error) = command == "run" ? Cli.Run("run", scenario, "--quiet", "--json", json) : Cli.Run("validate", scenario);

        exit.Should().Be(2);
        error.Should().Contain($"{scenario}:{at}: {message}").And.Contain($"Fix: {fix}");
        File.Exists(json).Should().BeFalse();
    }

    [Fact]
    public void Heartbeat_detectors_and_volumes_validate_for_a_run()
    {
        string dir = Cli.TempDir();
        string scenario = Path.Combine(dir, "s.yaml");
        File.WriteAllText(scenario, Base + "cluster: { heartbeat: { delay: 1s }, networkHealthProtection: true, storageFailureDetection: true }\nstorage: [ { name: csv1, iops: 80000, bandwidth: 2GB/s } ]\n");

        var (exit, _, error) = Cli.Run("validate", scenario);

        error.Should().BeEmpty();
        exit.Should().Be(0);
    }
}
