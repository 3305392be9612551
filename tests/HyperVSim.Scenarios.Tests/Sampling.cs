using CsCheck;
using Xunit.Sdk;

namespace HyperVSim.Scenarios.Tests;

/// <summary>
/// Deterministic property checks: CsCheck generators driven by a fixed PCG seed for a bounded number of
/// iterations, so every run tests the same values and a failure names the value that broke the property.
/// </summary>
internal static class Sampling
{
    public const ulong Seed = 20131029;

    public static void Check<T>(Gen<T> gen, Func<T, bool> property, int iterations = 2000)
    {
        var pcg = new PCG(1, Seed);
        for (int i = 0; i < iterations; i++)
        {
            T value = gen.Generate(pcg, null!, out _);
            if (!property(value))
            {
                throw new XunitException($"property failed for {value} (iteration {i} of seed {Seed})");
            }
        }
    }
}
