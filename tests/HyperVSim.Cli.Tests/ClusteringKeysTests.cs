using FluentAssertions;

namespace HyperVSim.Cli.Tests;

/// <summary>A scenario with bad failover-clustering keys: `run` and `validate` exit 2, print every error at file:line:column, and write nothing.</summary>
public sealed class ClusteringKeysTests
{
    private const string Scenario = """
        name: bad-clustering
        until: 30d
        hosts:
          - { name: hv, count: 2, memory: 64GiB }
        storage: [ { name: csv1 } ]
        vms:
          - { name: v, memory: 4GiB, host: hv1, priority: 1500, possibleOwners: [hv2], disks: [ { name: d, size: 1GiB, storage: csv1, format: vhd, shared: true } ] }
        faults:
          hosts: { between: { distribution: weibull, shape: 1.2, scale: 2000h, mean: 5000h }, repair: { distribution: exponential, mean: 4h } }
        """;

    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    public void Bad_clustering_keys_exit_2_at_their_lines_and_columns_and_write_nothing(string command)
    {
        string dir = Cli.TempDir();
        string scenario = Path.Combine(dir, "s.yaml"), json = Path.Combine(dir, "r.json");
        File.WriteAllText(scenario, Scenario + "\n");

        var (exit, output, error) = command == "run" ? Cli.Run("run", scenario, "--quiet", "--json", json) : Cli.Run("validate", scenario);

        exit.Should().Be(2);
        error.Should().Contain($"{scenario}:7:36: vms[0].host: v is placed on hv1, which is not among its possibleOwners (hv2)")
            .And.Contain($"{scenario}:7:51: vms[0].priority: '1500' is not a cluster priority")
            .And.Contain($"{scenario}:7:148: vms[0].disks[0].shared: disk 'd' is a VHD; only a VHDX can be shared")
            .And.Contain($"{scenario}:9:78: faults.hosts.between.mean: 'mean' is not a parameter of the weibull distribution, which takes shape and scale");
        output.Should().BeEmpty();
        Directory.GetFileSystemEntries(dir).Should().Equal(scenario);
    }
}
