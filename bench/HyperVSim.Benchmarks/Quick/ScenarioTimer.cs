using System.Diagnostics;
using HyperVSim.Model;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;

namespace HyperVSim.Benchmarks.Quick;

/// <summary>The quick figures' timing of one scenario: a warm-up run for the JIT, then the best of three runs.</summary>
internal static class ScenarioTimer
{
    /// <summary>Runs <paramref name="spec"/> once to warm up, then three times after a collection; each run is checked by <paramref name="check"/>.</summary>
    public static (double BestMs, SimulationResult Last) BestOfThree(ScenarioSpec spec, Action<SimulationResult> check)
    {
        ClusterSimulation.Run(spec);
        double best = double.MaxValue;
        SimulationResult last = null!;
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            long start = Stopwatch.GetTimestamp();
            last = ClusterSimulation.Run(spec);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            check(last);
        }

        return (best, last);
    }
}
