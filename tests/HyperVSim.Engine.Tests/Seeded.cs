using CsCheck;

namespace HyperVSim.Engine.Tests;

/// <summary>
/// Runs a CsCheck property on a fixed list of seeds, one case per seed on one thread, so every run of the
/// suite checks the same cases in the same order. A failure names the seed that reproduces it.
/// </summary>
internal static class Seeded
{
    /// <summary>Checks <paramref name="assert"/> on <paramref name="cases"/> generated values.</summary>
    public static void Check<T>(Gen<T> gen, Action<T> assert, int cases, uint stream = 2024)
    {
        for (int i = 0; i < cases; i++)
        {
            string seed = new PCG(stream, (ulong)i * 0x9E3779B97F4A7C15UL).ToString();
            gen.Sample(assert, seed: seed, iter: 1, threads: 1);
        }
    }
}
