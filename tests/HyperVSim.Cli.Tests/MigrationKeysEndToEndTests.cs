using System.Text.Json;
using FluentAssertions;

namespace HyperVSim.Cli.Tests;

/// <summary>The pre-copy and cluster keys, from YAML through `run` to the JSON report, against hand-computed values.</summary>
public sealed class MigrationKeysEndToEndTests
{
    private static (int Exit, JsonElement Report, string Error) Run(string yaml)
    {
        string dir = Cli.TempDir();
        string scenario = Path.Combine(dir, "s.yaml"), json = Path.Combine(dir, "r.json");
        File.WriteAllText(scenario, yaml);
        var (exit, _, error) = Cli.Run("run", scenario, "--quiet", "--json", json);
        return (exit, exit == 0 ? JsonDocument.Parse(File.ReadAllText(json)).RootElement.Clone() : default, error);
    }

    private const string Networks = "networks: [ { name: lm, role: liveMigration }, { name: lm2, role: liveMigration }, { name: prod, role: vm } ]\n";

    [Fact]
    public void Pre_copy_keys_shape_the_passes_and_the_fixed_costs()
    {
        var (exit, report, error) = Run("name: keys\n" +
            "cluster: { liveMigration: { option: tcpip, maxPasses: 2, blackoutTarget: 1ms, setupTime: 2s, setupJitter: 0%, switchoverTime: 100ms, deviceState: 64MiB } }\n" +
            Networks +
            "hosts: [ { name: hv, count: 2, memory: 64GiB, nics: [ { name: l, speed: 10Gbps, efficiency: 100%, networks: [lm] }, { name: v, speed: 1Gbps, networks: [prod] } ] } ]\n" +
            "vms: [ { name: v, memory: 4GiB, host: hv1, memoryDirtying: { model: constant, rate: 125MB/s }, nics: [ { network: prod } ] } ]\n" +
            "events: [ { at: 0s, migrate: { vm: v, to: hv2 } } ]\n");
        exit.Should().Be(0, error);
        JsonElement m = report.GetProperty("migrations")[0];

        // R = 1.25 GB/s, λ = 0.1: passes of M and M·λ (maxPasses 2), then a blackout of M·λ² + 64 MiB.
        const double M = 4.0 * (1L << 30), R = 1.25e9;
        m.GetProperty("rounds").GetInt32().Should().Be(2);
        m.GetProperty("stopReason").GetString().Should().Be("maxPasses");
        JsonElement[] phases = [.. m.GetProperty("phases").EnumerateArray()];
        phases[0].GetProperty("kind").GetString().Should().Be("setup");
        phases[0].GetProperty("seconds").GetDouble().Should().Be(2.0);
        double blackoutBytes = (M * 0.01) + (64L << 20);
        phases[3].GetProperty("bytes").GetInt64().Should().BeCloseTo((long)blackoutBytes, 1 << 10);
        m.GetProperty("blackoutSeconds").GetDouble().Should().BeApproximately((blackoutBytes / R) + 0.1, 1e-6);
        m.GetProperty("totalSeconds").GetDouble().Should().BeApproximately(2 + ((M + (M * 0.1) + blackoutBytes) / R) + 0.1, 1e-6);
    }

    [Fact]
    public void Max_simultaneous_1_queues_the_second_migration()
    {
        var (exit, report, error) = Run("name: queue\n" +
            "cluster: { liveMigration: { option: tcpip, maxSimultaneous: 1, setupTime: 0s } }\n" + Networks +
            "hosts: [ { name: hv, count: 2, memory: 64GiB, nics: [ { name: l, speed: 10Gbps, networks: [lm] }, { name: v, speed: 1Gbps, networks: [prod] } ] } ]\n" +
            "vms: [ { name: v, count: 2, memory: 4GiB, host: hv1, nics: [ { network: prod } ] } ]\n" +
            "events: [ { at: 0s, migrate: { vm: v1, to: hv2 } }, { at: 0s, migrate: { vm: v2, to: hv2 } } ]\n");
        exit.Should().Be(0, error);
        JsonElement[] m = [.. report.GetProperty("migrations").EnumerateArray()];
        m[1].GetProperty("queuedSeconds").GetDouble().Should().BeApproximately(m[0].GetProperty("totalSeconds").GetDouble(), 1e-9);
        m[1].GetProperty("limitedBy").GetString().Should().Be("queue");
    }

    [Fact]
    public void The_network_order_key_picks_the_second_network_first()
    {
        var (exit, report, error) = Run("name: order\n" +
            "cluster: { liveMigration: { option: tcpip, networks: [lm2, lm] } }\n" + Networks +
            "hosts: [ { name: hv, count: 2, memory: 64GiB, nics: [ { name: a, speed: 10Gbps, networks: [lm] }, { name: b, speed: 1Gbps, networks: [lm2] }, { name: v, speed: 1Gbps, networks: [prod] } ] } ]\n" +
            "vms: [ { name: v, memory: 1GiB, host: hv1, nics: [ { network: prod } ] } ]\n" +
            "events: [ { at: 0s, migrate: { vm: v, to: hv2 } } ]\n");
        exit.Should().Be(0, error);
        JsonElement m = report.GetProperty("migrations")[0];
        m.GetProperty("network").GetString().Should().Be("lm2");
        m.GetProperty("nics").EnumerateArray().Select(n => n.GetString()).Should().Equal("hv1/b", "hv2/b");
    }

    [Fact]
    public void Memory_reserve_and_virtual_switches_are_checked_at_validation_with_line_and_column()
    {
        string dir = Cli.TempDir();
        string scenario = Path.Combine(dir, "s.yaml");
        File.WriteAllText(scenario, "name: room\n" + Networks +
            "hosts:\n" +
            "  - { name: hv1, memory: 64GiB, nics: [ { name: l, speed: 10Gbps, networks: [lm] }, { name: v, speed: 1Gbps, networks: [prod] } ] }\n" +
            "  - { name: hv2, memory: 64GiB, memoryReserve: 40GiB, virtualSwitches: [External], nics: [ { name: l, speed: 10Gbps, networks: [lm] } ] }\n" +
            "vms: [ { name: v, memory: 30GiB, host: hv1, nics: [ { network: prod } ] } ]\n" +
            "events: [ { at: 0s, migrate: { vm: v, to: hv2 } } ]\n");

        var (exit, _, error) = Cli.Run("validate", scenario);

        exit.Should().Be(2);
        error.Should().Contain($"{scenario}:7:43: events[0].migrate.to: hv2 has no virtual switch named 'prod'");
        error.Should().Contain($"{scenario}:7:43: events[0].migrate.to: hv2 has not enough memory for v at 0s: it needs 30GiB, 24GiB is free");
    }
}
