using System.Diagnostics;
using HyperVSim.Engine;
using HyperVSim.Model;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;

namespace HyperVSim.Benchmarks.Quick;

/// <summary>
/// A month of a large cluster under random faults: 64 nodes and 4,000 VMs (and, for the growth factor, 16 nodes and
/// 1,000 VMs) for 30 simulated days with host, NIC, storage-path and volume faults drawn from the issue's
/// distributions. Prints wall time (best of three after a warm-up), events, failovers, the VMs not running at the
/// end (faults still open then), and the peak working set sampled during the run.
/// </summary>
public sealed class ClusterMonthFigure : IQuickFigure
{
    private const long GiB = 1L << 30;

    public string Name => "cluster-month";

    public IReadOnlyList<QuickResult> Measure()
    {
        var (wall64, events64, failovers64, peak64, down64) = Time(Scenario(64, 4000));
        var (wall16, events16, _, _, _) = Time(Scenario(16, 1000));
        return
        [
            new QuickResult("cluster_month_wall_ms", wall64, 1),
            new QuickResult("cluster_month_events", events64),
            new QuickResult("cluster_month_failovers", failovers64),
            new QuickResult("cluster_month_peak_mb", peak64, 1),
            new QuickResult("cluster_month_vms_not_running_at_end", down64),
            new QuickResult("cluster_month_16n_wall_ms", wall16, 1),
            new QuickResult("cluster_month_16n_events", events16),
            new QuickResult("cluster_month_growth_factor", wall64 / wall16, 2),
        ];
    }

    private static (double WallMs, long Events, int Failovers, double PeakMb, int NotRunning) Time(ScenarioSpec spec)
    {
        ClusterSimulation.Run(spec); // warm-up: JIT
        double best = double.MaxValue;
        long events = 0;
        int failovers = 0, notRunning = 0;
        long peak = 0;
        var sampler = new Progress(() => peak = Math.Max(peak, Environment.WorkingSet));
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            peak = Math.Max(peak, Environment.WorkingSet);
            long start = Stopwatch.GetTimestamp();
            SimulationResult r = ClusterSimulation.Run(spec, null, sampler);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            peak = Math.Max(peak, Environment.WorkingSet);
            events = r.EventsProcessed;
            failovers = r.Failovers.Count;
            notRunning = r.Vms.Count(v => v.State != "running");
        }

        return (best, events, failovers, peak / (1024.0 * 1024.0), notRunning);
    }

    /// <summary>Reports progress synchronously (System.Progress would post to the thread pool).</summary>
    private sealed class Progress(Action sample) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => sample();
    }

    internal static ScenarioSpec Scenario(int nodes, int vms)
    {
        Random random = new RandomStreams(2026).For("bench", "clusterMonth");
        SimTime Hours(double h) => SimTime.FromSeconds(h * 3600);
        HostSpec Host(int i) => new()
        {
            Name = $"hv{i:00}",
            MemoryBytes = 512 * GiB,
            Cpu = new CpuSpec { Cores = 32 },
            Nics =
            [
                new NicSpec { Name = "cl1", BitsPerSecond = 1e9, Networks = ["cluster"] },
                new NicSpec { Name = "lm1", BitsPerSecond = 10e9, Networks = ["lm"] },
                new NicSpec { Name = "lm2", BitsPerSecond = 10e9, Networks = ["lm"] },
                new NicSpec { Name = "vm1", BitsPerSecond = 10e9, Networks = ["prod"] },
            ],
        };
        int[] priorities = [3000, 2000, 2000, 1000];
        int volumes = Math.Max(2, nodes / 8);
        return new ScenarioSpec
        {
            Name = $"cluster-month-{nodes}",
            Seed = 2026,
            Until = Hours(30 * 24),
            Cluster = new ClusterSpec { LiveMigration = new LiveMigrationSpec { Option = "compression" } },
            Networks =
            [
                new NetworkSpec("cluster", NetworkRole.Cluster),
                new NetworkSpec("lm", NetworkRole.LiveMigration),
                new NetworkSpec("prod", NetworkRole.Vm),
            ],
            Hosts = Enumerable.Range(1, nodes).Select(Host).ToArray(),
            Storage = Enumerable.Range(1, volumes).Select(i => new StorageSpec { Name = $"csv{i}" }).ToArray(),
            Vms = Enumerable.Range(1, vms).Select(i => new VmSpec
            {
                Name = $"vm{i:0000}",
                Host = $"hv{1 + (i - 1) % nodes:00}",
                MemoryBytes = (4 + random.Next(5)) * GiB,
                Vcpus = 2,
                CpuLoad = 0.2,
                Priority = priorities[random.Next(priorities.Length)],
                Dirtying = new DirtyingSpec { Model = "workingSet", BytesPerSecond = 50e6, WorkingSetBytes = 1 * GiB },
                MemoryContent = new MemoryContentSpec { ZeroPageFraction = 0.2, CompressionRatio = 2.2 },
                Disks = [new DiskSpec("os", 60 * GiB, DiskController.Scsi, $"csv{1 + random.Next(volumes)}")],
                Nics = [new VmNicSpec("prod")],
            }).ToArray(),
            Faults = new FaultsSpec
            {
                Hosts = new FaultProcessSpec(new WeibullSpec(1.2, Hours(2000).Seconds), new LogNormalSpec(Hours(4).Seconds, 0.8)),
                Nics = new FaultProcessSpec(new ExponentialSpec(Hours(5000).Seconds), new ExponentialSpec(1800)),
                StoragePaths = new FaultProcessSpec(new ExponentialSpec(Hours(8000).Seconds), new ExponentialSpec(3600)),
                Storage = new FaultProcessSpec(new ExponentialSpec(Hours(50000).Seconds), new ExponentialSpec(7200)),
            },
        };
    }
}
