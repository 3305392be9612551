using HyperVSim.Engine;

namespace HyperVSim.Flow.Tests;

/// <summary>The units of the hand-computed schedules: links of 1 B/ns, times in nanoseconds (<c>using static</c>).</summary>
internal static class Links
{
    public const double OneBytePerNs = 1e9;

    public static SimTime Ns(long ns) => new(ns);
}
