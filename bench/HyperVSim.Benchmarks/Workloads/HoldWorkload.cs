using System.Runtime.CompilerServices;
using HyperVSim.Engine;

namespace HyperVSim.Benchmarks.Workloads;

/// <summary>
/// The classic "hold" model: a fixed population of processes, each waiting an exponentially distributed delay
/// forever, so the event list keeps a constant size and every event is one pop and one push. The delays come
/// from one seeded generator, drawn in event order, so the engine and the baseline see the same draws.
/// </summary>
public static class HoldWorkload
{
    public const int Processes = 1_000;

    /// <summary>Mean delay: 1 ms.</summary>
    public const double MeanDelayNanoseconds = 1_000_000;

    public const long Seed = 20_240_601;

    public static Random NewDraws() => new RandomStreams(Seed).For("bench", "hold-delays");

    /// <summary>An exponential delay in whole nanoseconds, by inversion.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Draw(Random draws) => (long)(-MeanDelayNanoseconds * Math.Log(1.0 - draws.NextDouble()));
}
