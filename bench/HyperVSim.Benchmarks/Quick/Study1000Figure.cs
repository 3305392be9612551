using System.Diagnostics;
using HyperVSim.Experiments.Studies;
using HyperVSim.Model;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;

namespace HyperVSim.Benchmarks.Quick;

/// <summary>
/// A study of 1,000 replications of a 16-host drain (20 VMs of 4–16 GiB off one host, compression, setup jitter
/// differing per replication) through the study runner with case files, on 1 thread and on 2: wall times and the
/// speed-up (each the best of two alternating rounds). The two summaries must be byte-identical.
/// </summary>
public sealed class Study1000Figure : IQuickFigure
{
    public string Name => "study";

    public IReadOnlyList<QuickResult> Measure()
    {
        ScenarioSpec spec = Drain100Figure.Scenario() with { Name = "study-drain" };
        spec = spec with { Vms = spec.Vms.Take(20).ToArray() };
        var study = new StudyDefinition("study1000", 7, 1000, [new StudyPoint(0, [])], [new MetricSpec("drainSeconds", "drains[0].totalSeconds", "mean")]);
        IReadOnlyDictionary<string, double?> Evaluate(StudyPoint p, int r)
        {
            SimulationResult result = ClusterSimulation.Run(spec with { CaseIndex = p.Index, Replication = r });
            return new Dictionary<string, double?> { ["drainSeconds"] = result.Drains[0].TotalSeconds };
        }

        // Warm-up: JIT and tiered compilation of the whole path (runner, case files, model) on both thread counts.
        for (int w = 0; w < 40; w++)
        {
            ClusterSimulation.Run(spec with { Replication = w });
        }

        double Time(int threads, out string summary)
        {
            string dir = Directory.CreateTempSubdirectory("hvs-bench-study-").FullName;
            try
            {
                long start = Stopwatch.GetTimestamp();
                StudyRunner.Run(study, Evaluate, dir, threads);
                double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                summary = File.ReadAllText(Path.Combine(dir, "summary.json"));
                return ms;
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        // Alternate the thread counts and keep each one's best, so that noise and warm-up fall on both.
        double one = double.MaxValue, two = double.MaxValue;
        string s1 = "", s2 = "";
        for (int round = 0; round < 2; round++)
        {
            two = Math.Min(two, Time(2, out s2));
            one = Math.Min(one, Time(1, out s1));
        }

        if (s1 != s2)
        {
            throw new InvalidOperationException("the study's summary differs between 1 and 2 threads");
        }

        return
        [
            new QuickResult("study1000_wall_ms", two, 1),
            new QuickResult("study1000_1t_wall_ms", one, 1),
            new QuickResult("study_speedup_2t", one / two, 2),
        ];
    }
}
