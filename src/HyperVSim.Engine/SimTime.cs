using System.Globalization;

namespace HyperVSim.Engine;

/// <summary>
/// A point or span of simulated time as a whole number of nanoseconds. Integral time keeps sums exact
/// and ordering stable; a <see cref="long"/> covers about 292 years.
/// </summary>
public readonly record struct SimTime(long Nanoseconds) : IComparable<SimTime>
{
    public const long NanosecondsPerSecond = 1_000_000_000L;

    public static readonly SimTime Zero = new(0);
    public static readonly SimTime MaxValue = new(long.MaxValue);

    /// <summary>2^-50: four ulps of relative error, within which a product counts as a whole number of nanoseconds.</summary>
    private const double WholeTolerance = 8.881784197001252E-16;

    /// <summary>The time in seconds, as a double (for reports; never for ordering).</summary>
    public double Seconds => Nanoseconds / (double)NanosecondsPerSecond;

    /// <summary>Seconds rounded to the nearest nanosecond; throws on NaN, negative infinity or overflow.</summary>
    public static SimTime FromSeconds(double seconds)
    {
        if (double.IsNaN(seconds))
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), "time is NaN");
        }

        double ns = Math.Round(seconds * NanosecondsPerSecond, MidpointRounding.AwayFromZero);
        if (ns >= long.MaxValue || ns <= long.MinValue)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "time does not fit in 292 years of nanoseconds");
        }

        return new SimTime((long)ns);
    }

    /// <summary>
    /// Seconds rounded up to the next nanosecond, for durations that must not end early. A value within
    /// floating-point noise (2^-50 relative) of a whole nanosecond is that nanosecond: 61e-9 s is 61 ns, not 62.
    /// </summary>
    public static SimTime FromSecondsCeiling(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "duration must be a non-negative number");
        }

        // A whole number of nanoseconds written in seconds rarely multiplies back exactly (61e-9 * 1e9 is
        // 61.00000000000001): within a few ulps of a whole nanosecond counts as that nanosecond, not the next.
        double exact = seconds * NanosecondsPerSecond;
        double nearest = Math.Round(exact);
        double ns = Math.Abs(exact - nearest) <= exact * WholeTolerance ? nearest : Math.Ceiling(exact);
        return ns >= long.MaxValue ? MaxValue : new SimTime((long)ns);
    }

    public static SimTime FromMilliseconds(double milliseconds) => FromSeconds(milliseconds / 1000.0);

    public int CompareTo(SimTime other) => Nanoseconds.CompareTo(other.Nanoseconds);

    public static SimTime operator +(SimTime a, SimTime b) => new(checked(a.Nanoseconds + b.Nanoseconds));
    public static SimTime operator -(SimTime a, SimTime b) => new(checked(a.Nanoseconds - b.Nanoseconds));
    public static bool operator <(SimTime a, SimTime b) => a.Nanoseconds < b.Nanoseconds;
    public static bool operator >(SimTime a, SimTime b) => a.Nanoseconds > b.Nanoseconds;
    public static bool operator <=(SimTime a, SimTime b) => a.Nanoseconds <= b.Nanoseconds;
    public static bool operator >=(SimTime a, SimTime b) => a.Nanoseconds >= b.Nanoseconds;

    public static SimTime Max(SimTime a, SimTime b) => a >= b ? a : b;
    public static SimTime Min(SimTime a, SimTime b) => a <= b ? a : b;

    public override string ToString() => Seconds.ToString("0.#########", CultureInfo.InvariantCulture) + "s";
}
