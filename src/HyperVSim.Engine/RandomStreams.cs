using System.Text;
using MathNet.Numerics.Random;

namespace HyperVSim.Engine;

/// <summary>
/// Independent random streams derived from one root seed. Each stream is named by (entity, purpose), so an
/// entity's draws depend only on the seed and its own name: adding a VM never changes another VM's draws.
/// Generators are MathNet's Xoshiro256**, seeded with a hash of (seed, entity, purpose).
/// </summary>
public sealed class RandomStreams
{
    public RandomStreams(long rootSeed)
    {
        RootSeed = rootSeed;
    }

    public long RootSeed { get; }

    /// <summary>A new generator for (entity, purpose); the same names always give the same sequence.</summary>
    public Random For(string entity, string purpose)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(purpose);
        return new Xoshiro256StarStar(DeriveSeed(RootSeed, entity, purpose), threadSafe: false);
    }

    /// <summary>
    /// The 32-bit seed for a stream: FNV-1a over the UTF-8 of entity and purpose (a zero byte between them),
    /// mixed with the root seed by SplitMix64's finaliser, folded to 32 bits (MathNet seeds with an int and
    /// expands it with SplitMix64 itself). Stable across platforms and runs, unlike string.GetHashCode.
    /// </summary>
    public static int DeriveSeed(long rootSeed, string entity, string purpose)
    {
        ulong h = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(entity))
        {
            h = (h ^ b) * 1099511628211UL;
        }

        h = (h ^ 0) * 1099511628211UL;
        foreach (byte b in Encoding.UTF8.GetBytes(purpose))
        {
            h = (h ^ b) * 1099511628211UL;
        }

        ulong z = h ^ ((ulong)rootSeed * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return unchecked((int)(z ^ (z >> 32)));
    }
}
