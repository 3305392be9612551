using System.Diagnostics;
using HyperVSim.Benchmarks.Workloads;

namespace HyperVSim.Benchmarks.Quick;

/// <summary>
/// Events per second of the engine and of a bare priority-queue loop on the same hold model
/// (<see cref="HoldWorkload"/>: 1,000 processes, exponential delays of mean 1 ms, 10 million events per run),
/// their ratio, and the engine's allocation per event in steady state. Engine and baseline runs alternate so
/// that noise from other work on the machine falls on both; each rate is the best of the repetitions, the
/// allocation the worst.
/// </summary>
public sealed class EngineLoopFigure : IQuickFigure
{
    private const long WarmupEvents = 1_000_000;
    private const long MeasuredEvents = 10_000_000;
    private const int Repetitions = 5;

    public string Name => "engine-loop";

    public IReadOnlyList<QuickResult> Measure()
    {
        // One short untimed round first, so both loops are jitted and tiered up before any timing.
        Round(WarmupEvents, MeasuredEvents / 10);

        double bestEngine = double.MaxValue, bestBaseline = double.MaxValue;
        long mostBytes = 0;
        for (int r = 0; r < Repetitions; r++)
        {
            var (engineSeconds, baselineSeconds, bytes) = Round(WarmupEvents, MeasuredEvents);
            bestEngine = Math.Min(bestEngine, engineSeconds);
            bestBaseline = Math.Min(bestBaseline, baselineSeconds);
            mostBytes = Math.Max(mostBytes, bytes);
        }

        double engineRate = MeasuredEvents / bestEngine;
        double baselineRate = MeasuredEvents / bestBaseline;
        return
        [
            new QuickResult("engine_events_per_s", engineRate),
            new QuickResult("baseline_events_per_s", baselineRate),
            new QuickResult("engine_vs_baseline_ratio", engineRate / baselineRate, 3),
            new QuickResult("engine_alloc_bytes_per_event", (double)mostBytes / MeasuredEvents, 3),
        ];
    }

    /// <summary>One engine run and one baseline run of the same draws; returns their timed seconds and the engine's bytes.</summary>
    private static (double EngineSeconds, double BaselineSeconds, long EngineBytes) Round(long warmup, long measured)
    {
        var engine = new EngineHold(HoldWorkload.Processes, HoldWorkload.NewDraws());
        engine.Run(HoldWorkload.Processes + warmup); // the start events, then the warm-up
        GC.Collect();
        long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        engine.Run(measured);
        double engineSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        long bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;

        var baseline = new BaselineHold(HoldWorkload.Processes, HoldWorkload.NewDraws());
        baseline.Run(warmup);
        GC.Collect();
        start = Stopwatch.GetTimestamp();
        baseline.Run(measured);
        double baselineSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;

        if (engine.Now != baseline.Now)
        {
            throw new InvalidOperationException(
                $"engine and baseline diverged: clocks {engine.Now} ns and {baseline.Now} ns after the same events");
        }

        return (engineSeconds, baselineSeconds, bytes);
    }
}
