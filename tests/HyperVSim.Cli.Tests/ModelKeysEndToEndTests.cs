using System.Text.Json;
using FluentAssertions;

namespace HyperVSim.Cli.Tests;

/// <summary>The model's tuning keys, from YAML through the run to the JSON report.</summary>
public sealed class ModelKeysEndToEndTests
{
    private const string Hosts = """
        networks: [ { name: lm, role: liveMigration }, { name: prod, role: vm } ]
        hosts:
          - name: hv
            count: 2
            memory: 64GiB
            cpu: { cores: 16, compressPerCore: 200MB/s, decompressPerCore: 800MB/s }
            nics: [ { name: lm1, speed: 10Gbps, efficiency: 100%, networks: [lm] }, { name: vm1, speed: 1Gbps, networks: [prod] } ]
        """;

    private static JsonElement RunToJson(string yaml)
    {
        string dir = Cli.TempDir();
        string scenario = Path.Combine(dir, "s.yaml"), json = Path.Combine(dir, "r.json");
        File.WriteAllText(scenario, yaml);
        var (exit, _, error) = Cli.Run("run", scenario, "--quiet", "--json", json);
        exit.Should().Be(0, error);
        return JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("migrations")[0].Clone();
    }

    [Fact]
    public void Stream_ceiling_bounds_a_tcpip_migration_and_is_named()
    {
        JsonElement m = RunToJson($"""
            name: ceiling
            cluster: {"{"} liveMigration: {"{"} option: tcpip, streamCeiling: 4Gbps, setupTime: 0s, switchoverTime: 0s, deviceState: 0B, tcpCpuPerGB: 2 {"}"} {"}"}
            {Hosts}
            vms: [ {"{"} name: v, memory: 4GiB, host: hv1, nics: [ {"{"} network: prod {"}"} ] {"}"} ]
            events: [ {"{"} at: 0s, migrate: {"{"} vm: v, to: hv2 {"}"} {"}"} ]
            """);

        // 4 GiB at 4 Gbps (0.5 GB/s) = 8.59 s; CPU 2 core-s/GB at each end = 4 × 4.29 GB.
        m.GetProperty("limitedBy").GetString().Should().Be("streamCeiling");
        m.GetProperty("totalSeconds").GetDouble().Should().BeApproximately(4.0 * 1073741824 / 0.5e9, 1e-3);
        m.GetProperty("cpuSeconds").GetDouble().Should().BeApproximately(4 * 4 * 1.073741824, 1e-3);
    }

    [Fact]
    public void Zero_scan_speed_bounds_a_compression_migration_of_zero_pages()
    {
        JsonElement m = RunToJson($"""
            name: zeroscan
            cluster: {"{"} liveMigration: {"{"} option: compression, setupTime: 0s, switchoverTime: 0s, deviceState: 0B, zeroPageWire: 8B {"}"} {"}"}
            {Hosts.Replace("decompressPerCore: 800MB/s", "decompressPerCore: 800MB/s, zeroScanPerCore: 1GB/s", StringComparison.Ordinal)}
            vms: [ {"{"} name: v, memory: 32GiB, cpuLoad: 0%, host: hv1, memoryContent: {"{"} zeroPages: 100% {"}"}, nics: [ {"{"} network: prod {"}"} ] {"}"} ]
            events: [ {"{"} at: 0s, migrate: {"{"} vm: v, to: hv2 {"}"} {"}"} ]
            """);

        // All zero pages: 8 B per 4 KiB page on the wire (link allows 640 GB/s of memory), but 16 spare cores scan
        // 16 GB/s: 32 GiB take 2.15 s, bound by the source's spare CPU.
        m.GetProperty("limitedBy").GetString().Should().Be("compressionCpu");
        m.GetProperty("totalSeconds").GetDouble().Should().BeApproximately(32.0 * 1073741824 / 16e9, 1e-3);
        m.GetProperty("phases")[1].GetProperty("encoding").GetString().Should().Be("compressed");
    }

    [Fact]
    public void Codec_speeds_bound_compression_and_are_named()
    {
        JsonElement m = RunToJson($"""
            name: codec
            cluster: {"{"} liveMigration: {"{"} option: compression, setupTime: 0s, switchoverTime: 0s, deviceState: 0B, zeroPageWire: 0B {"}"} {"}"}
            {Hosts}
            vms: [ {"{"} name: v, memory: 4GiB, cpuLoad: 0%, host: hv1, memoryContent: {"{"} zeroPages: 0%, compressionRatio: 4 {"}"}, nics: [ {"{"} network: prod {"}"} ] {"}"} ]
            events: [ {"{"} at: 0s, migrate: {"{"} vm: v, to: hv2 {"}"} {"}"} ]
            """);

        // 16 spare cores × 200 MB/s = 3.2 GB/s of compression, below 4 × 1.25 GB/s of link.
        m.GetProperty("limitedBy").GetString().Should().Be("compressionCpu");
        m.GetProperty("totalSeconds").GetDouble().Should().BeApproximately(4.0 * 1073741824 / 3.2e9, 1e-3);
        m.GetProperty("bytesOnWire").GetInt64().Should().Be(1073741824);
    }

    [Fact]
    public void Auto_converge_and_the_page_level_model_show_in_the_passes()
    {
        JsonElement m = RunToJson($"""
            name: converge
            cluster: {"{"} liveMigration: {"{"} option: tcpip, convergence: autoConverge, blackoutTarget: 1ms, setupTime: 0s {"}"} {"}"}
            {Hosts}
            vms: [ {"{"} name: v, memory: 4GiB, host: hv1, memoryDirtying: {"{"} model: pageLevel, rate: 2GB/s, workingSet: 1GiB {"}"}, nics: [ {"{"} network: prod {"}"} ] {"}"} ]
            events: [ {"{"} at: 0s, migrate: {"{"} vm: v, to: hv2 {"}"} {"}"} ]
            """);

        double[] throttles = m.GetProperty("phases").EnumerateArray()
            .Where(p => p.GetProperty("kind").GetString() == "pass")
            .Select(p => p.GetProperty("guestThrottle").GetDouble()).ToArray();
        // Pass 0 sends 4 GiB and dirties at most the 1 GiB working set (under half): no throttle. Pass 1 resends that
        // 1 GiB while the guest dirties nearly all of it again (over half): throttle 20% from pass 2 on.
        throttles.Should().StartWith([0.0, 0.0, 0.2]);
        m.GetProperty("phases")[2].GetProperty("dirtiedBytes").GetInt64().Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(1L << 30);
    }
}
