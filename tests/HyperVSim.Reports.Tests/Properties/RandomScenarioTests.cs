using System.Text.Json;
using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using HyperVSim.Reports.Json;
using HyperVSim.Reports.Tests.Formats;

namespace HyperVSim.Reports.Tests.Properties;

/// <summary>
/// Random valid scenarios (issue 7, item 8): random hosts, VMs, options, drains and migrations from fixed seeds,
/// each run to its end and checked against what must hold whatever the numbers: every migration completed, failed
/// with a reason, or was cut by <c>until</c> (a run that runs out of events with work in flight throws); no running
/// VM is left on a drained node unless its drain counts it failed; no host holds more memory than it has; a drain's
/// counts add up; the JSON report conforms to docs/report.schema.json.
/// </summary>
public sealed class RandomScenarioTests
{
    private const long GiB = 1L << 30;

    /// <summary>
    /// Cases run by <see cref="Every_random_scenario_ends_cleanly_and_keeps_the_invariants"/> (the issue asks for at
    /// least 300): 320 by default; <c>HVS_RANDOM_SCENARIOS=N</c> runs N (a multiple of 8) for a longer soak.
    /// </summary>
    public static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("HVS_RANDOM_SCENARIOS"), out int n) && n >= 8 ? n / 8 * 8 : 320;

    private static readonly Lazy<JsonElement> Schema = new(() =>
        JsonDocument.Parse(File.ReadAllText(RepoFiles.PathOf("docs", "report.schema.json"))).RootElement);

    public static TheoryData<int> Batches => [.. Enumerable.Range(0, 8)];

    [Theory]
    [MemberData(nameof(Batches))]
    public void Every_random_scenario_ends_cleanly_and_keeps_the_invariants(int batch)
    {
        int perBatch = Cases / 8;
        for (int seed = batch * perBatch; seed < (batch + 1) * perBatch; seed++)
        {
            ScenarioSpec spec = RandomScenario(seed);
            SimulationResult r;
            try
            {
                r = ClusterSimulation.Run(spec);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"random scenario {seed} failed to run: {ex.Message}", ex);
            }

            CheckInvariants(seed, spec, r);
        }
    }

    /// <summary>The issue's own cases: 16 of 64 hosts drained in the same instant, and 8 drains one after another with compression.</summary>
    [Theory]
    [InlineData(16, 0.0)]
    [InlineData(8, 5.0)]
    public void Many_drains_on_64_hosts_leave_no_vm_on_a_drained_node(int drains, double secondsApart)
    {
        var rng = new Random(64);
        HostSpec[] hosts = Enumerable.Range(1, 64).Select(i => Host($"hv{i:00}", 256 * GiB, 32, 10)).ToArray();
        VmSpec[] vms = Enumerable.Range(1, 64 * 12).Select(i => Vm($"vm{i:0000}", hosts[(i - 1) % 64].Name, (2 + rng.Next(0, 15)) * GiB, rng) with
        {
            Vcpus = 1 + rng.Next(0, 8),
            CpuLoad = rng.NextDouble(),
        }).ToArray();
        var spec = new ScenarioSpec
        {
            Name = "many drains",
            Seed = 9,
            Cluster = new ClusterSpec { LiveMigration = new LiveMigrationSpec { Option = "compression" } },
            Networks = [new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("prod", NetworkRole.Vm)],
            Hosts = hosts,
            Vms = vms,
            Events = Enumerable.Range(0, drains).Select(i => (ScenarioEventSpec)new DrainEventSpec(SimTime.FromSeconds(i * secondsApart), hosts[i * 4].Name)).ToArray(),
        };

        SimulationResult r = ClusterSimulation.Run(spec);

        CheckInvariants(-1, spec, r);
        r.Migrations.Should().AllSatisfy(m => m.Result.Should().Be(MigrationResult.Completed));
        r.Drains.Should().AllSatisfy(d => d.Failed.Should().Be(0));
    }

    private static void CheckInvariants(int seed, ScenarioSpec spec, SimulationResult r)
    {
        string where = $"random scenario {seed}";
        foreach (MigrationRecord m in r.Migrations)
        {
            switch (m.Result)
            {
                case MigrationResult.Completed:
                    m.Reason.Should().BeNull(where);
                    m.CompletedAt.Should().NotBeNull(where);
                    break;
                case MigrationResult.Failed:
                    m.Reason.Should().NotBeNullOrWhiteSpace(where);
                    break;
                case MigrationResult.Cancelled:
                    spec.Until.Should().NotBeNull($"{where}: only until may cancel a migration ({m.Vm}: {m.Reason})");
                    m.Reason.Should().Contain("(until)", where);
                    break;
                default:
                    throw new InvalidOperationException($"{where}: unknown result {m.Result}");
            }
        }

        var vmSpecs = spec.Vms.ToDictionary(v => v.Name);
        foreach (HostSpec h in spec.Hosts)
        {
            long held = r.Vms.Where(v => v.Host == h.Name && v.State != "off").Sum(v => vmSpecs[v.Name].MemoryBytes);
            held.Should().BeLessThanOrEqualTo(h.MemoryBytes - h.MemoryReserveBytes, $"{where}: {h.Name} must not hold more memory than it has");
        }

        foreach (DrainRecord d in r.Drains)
        {
            if (d.CompletedAt is null)
            {
                spec.Until.Should().NotBeNull($"{where}: only until leaves a drain unfinished");
                continue;
            }

            (d.Moved + d.Failed).Should().Be(d.Vms, $"{where}: drain of {d.Host} counts each of its moves once");
            int left = r.Vms.Count(v => v.Host == d.Host && v.State == "running");
            left.Should().BeLessThanOrEqualTo(d.Failed, $"{where}: a running VM left on drained {d.Host} must be one its drain reports failed");
        }

        new SchemaWalker(Schema.Value).Check(JsonDocument.Parse(JsonReport.ToJson(r)).RootElement).Should().BeEmpty(where);
    }

    /// <summary>A valid scenario drawn from <paramref name="seed"/>: what the loader would accept, built directly.</summary>
    internal static ScenarioSpec RandomScenario(int seed)
    {
        var rng = new Random(seed);
        string[] options = ["tcpip", "compression", "smb"];
        int hostCount = rng.Next(2, 9);
        bool amdCluster = rng.Next(10) == 0;
        HostSpec[] hosts = Enumerable.Range(1, hostCount).Select(i => Host(
            $"hv{i}",
            (64L << rng.Next(0, 4)) * GiB,
            8 << rng.Next(0, 3),
            new[] { 1.0, 10.0, 40.0 }[rng.Next(3)],
            lmNics: rng.Next(1, 3),
            rdma: rng.Next(4) == 0,
            version: rng.Next(6) == 0 ? HyperVVersion.V2012 : HyperVVersion.V2012R2) with
        {
            Cpu = new CpuSpec { Cores = 8 << rng.Next(0, 3), Vendor = amdCluster && i % 2 == 0 ? CpuVendor.Amd : CpuVendor.Intel },
        }).ToArray();

        // VMs go where they fit (as validation demands), or to no host for the cluster to place.
        var free = hosts.ToDictionary(h => h.Name, h => h.MemoryBytes - h.MemoryReserveBytes);
        var vms = new List<VmSpec>();
        for (int i = 1, n = rng.Next(0, 41); i <= n; i++)
        {
            long memory = (1 + rng.Next(0, 32)) * GiB;
            HostSpec home = hosts[rng.Next(hostCount)];
            bool off = rng.Next(12) == 0;
            string? host = rng.Next(6) == 0 ? null : home.Name;
            if (host is not null && !off)
            {
                if (free[host] < memory)
                {
                    host = null;
                }
                else
                {
                    free[host] -= memory;
                }
            }

            vms.Add(Vm($"vm{i}", host, memory, rng) with
            {
                State = off ? VmInitialState.Off : VmInitialState.Running,
                Generation = host is not null && hosts.First(h => h.Name == host).Version == HyperVVersion.V2012 ? VmGeneration.One : (VmGeneration)rng.Next(1, 3),
            });
        }

        var events = new List<ScenarioEventSpec>();
        for (int i = 0, n = vms.Count == 0 ? 0 : rng.Next(0, 7); i < n; i++)
        {
            var m = new MigrateEventSpec(SimTime.FromSeconds(rng.Next(0, 120)), vms[rng.Next(vms.Count)].Name, hosts[rng.Next(hostCount)].Name);
            events.Add(rng.Next(3) == 0 ? m with { Option = options[rng.Next(3)] } : m);
        }

        double sameInstant = rng.Next(0, 60);
        for (int i = 0, n = rng.Next(0, Math.Min(4, hostCount)); i < n; i++)
        {
            double at = rng.Next(3) == 0 ? sameInstant : rng.Next(0, 120);
            events.Add(new DrainEventSpec(SimTime.FromSeconds(at), hosts[rng.Next(hostCount)].Name));
        }

        return new ScenarioSpec
        {
            Name = $"random {seed}",
            Seed = seed,
            Until = rng.Next(5) == 0 ? SimTime.FromSeconds(rng.Next(1, 200)) : null,
            Cluster = new ClusterSpec
            {
                LiveMigration = new LiveMigrationSpec
                {
                    Option = options[rng.Next(3)],
                    MaxSimultaneous = rng.Next(1, 5),
                    Convergence = rng.Next(5) == 0 ? "autoConverge" : "none",
                },
            },
            Networks = [new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("prod", NetworkRole.Vm)],
            Hosts = hosts,
            Vms = vms,
            Events = events,
        };
    }

    private static HostSpec Host(string name, long memory, int cores, double gbps, int lmNics = 1, bool rdma = false, HyperVVersion version = HyperVVersion.V2012R2) => new()
    {
        Name = name,
        Version = version,
        MemoryBytes = memory,
        Cpu = new CpuSpec { Cores = cores },
        Nics =
        [
            .. Enumerable.Range(1, lmNics).Select(i => new NicSpec { Name = $"lm{i}", BitsPerSecond = gbps * 1e9, Rdma = rdma, Networks = ["lm"] }),
            new NicSpec { Name = "vm1", BitsPerSecond = 10e9, Networks = ["prod"] },
        ],
    };

    private static VmSpec Vm(string name, string? host, long memory, Random rng) => new()
    {
        Name = name,
        Host = host,
        MemoryBytes = memory,
        Vcpus = 1 + rng.Next(0, 8),
        CpuLoad = rng.Next(0, 101) / 100.0,
        Dirtying = rng.Next(4) switch
        {
            0 => new DirtyingSpec(),
            1 => new DirtyingSpec { Model = "constant", BytesPerSecond = rng.Next(1, 800) * 1e6 },
            2 => new DirtyingSpec { Model = "pageLevel", BytesPerSecond = rng.Next(1, 400) * 1e6, WorkingSetBytes = Math.Min(memory, GiB / 4) },
            _ => new DirtyingSpec { Model = "workingSet", BytesPerSecond = rng.Next(1, 800) * 1e6, WorkingSetBytes = Math.Max(memory / 16, 64L << 20) },
        },
        MemoryContent = new MemoryContentSpec { ZeroPageFraction = rng.Next(0, 90) / 100.0, CompressionRatio = 1 + (rng.Next(0, 40) / 10.0) },
        Nics = [new VmNicSpec("prod")],
    };
}
