using System.Buffers.Binary;
using System.Numerics;

namespace HyperVSim.Engine;

/// <summary>
/// xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2021) as a
/// <see cref="Random"/>: 256 bits of state, filled from one 64-bit seed by SplitMix64, so that every bit of the
/// seed counts (MathNet's own generator takes a 32-bit seed). Every public member of <see cref="Random"/> is
/// overridden and draws from the same 64-bit output, so MathNet's distributions and direct calls agree.
/// Not thread-safe; one per stream.
/// </summary>
internal sealed class Xoshiro256Random : Random
{
    private const double DoubleUnit = 1.0 / (1UL << 53);
    private const float SingleUnit = 1.0f / (1U << 24);

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Xoshiro256Random(ulong seed)
    {
        // SplitMix64's outputs are distinct for four successive counters, so the state is never all zero.
        ulong sm = seed;
        _s0 = SplitMix64.Next(ref sm);
        _s1 = SplitMix64.Next(ref sm);
        _s2 = SplitMix64.Next(ref sm);
        _s3 = SplitMix64.Next(ref sm);
    }

    /// <summary>A generator with the given raw state (not all zero), for checking against reference outputs.</summary>
    internal Xoshiro256Random(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("xoshiro256** state must not be all zero");
        }

        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1): the top 53 bits of one output.</summary>
    public override double NextDouble() => (NextUInt64() >> 11) * DoubleUnit;

    public override float NextSingle() => (NextUInt64() >> 40) * SingleUnit;

    protected override double Sample() => NextDouble();

    /// <summary>Uniform on [0, int.MaxValue), as <see cref="Random.Next()"/> promises.</summary>
    public override int Next() => (int)Below(int.MaxValue);

    // The int ranges are the long ones with int bounds: the same draws, the same argument checks.
    public override int Next(int maxValue) => (int)NextInt64(maxValue);

    public override int Next(int minValue, int maxValue) => (int)NextInt64(minValue, maxValue);

    /// <summary>Uniform on [0, long.MaxValue).</summary>
    public override long NextInt64() => (long)Below(long.MaxValue);

    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (long)Below((ulong)maxValue);
    }

    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return unchecked(minValue + (long)Below((ulong)(maxValue - minValue)));
    }

    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    /// <summary>Fills the buffer with outputs in little-endian order, eight bytes each (the last one cut short).</summary>
    public override void NextBytes(Span<byte> buffer)
    {
        while (buffer.Length >= 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(buffer, NextUInt64());
            buffer = buffer[8..];
        }

        if (buffer.Length > 0)
        {
            Span<byte> last = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(last, NextUInt64());
            last[..buffer.Length].CopyTo(buffer);
        }
    }

    /// <summary>
    /// Uniform on [0, <paramref name="bound"/>), without bias: outputs below 2^64 mod bound are drawn again, so the
    /// accepted ones cover a whole number of copies of the range. 0 for a bound of 0.
    /// </summary>
    private ulong Below(ulong bound)
    {
        if (bound == 0)
        {
            return 0;
        }

        ulong threshold = (0 - bound) % bound;
        while (true)
        {
            ulong r = NextUInt64();
            if (r >= threshold)
            {
                return r % bound;
            }
        }
    }
}

/// <summary>SplitMix64 (Steele, Lea and Flood, 2014): a counter stepped by the golden ratio, then a mixing finaliser.</summary>
internal static class SplitMix64
{
    /// <summary>2^64 / φ, the counter's step.</summary>
    public const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>Advances <paramref name="state"/> and returns the mix of the new value.</summary>
    public static ulong Next(ref ulong state)
    {
        state += Golden;
        return Mix(state);
    }

    /// <summary>The finaliser: a bijection of 64-bit values in which every input bit affects every output bit.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
