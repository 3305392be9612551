using System.Globalization;

namespace HyperVSim.Reports.Text;

/// <summary>Human-readable sizes, durations and rates for text reports (invariant culture).</summary>
public static class HumanUnits
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Binary units: 8.00 GiB, 512.0 MiB, 17 B.</summary>
    public static string Bytes(long bytes) => Math.Abs(bytes) switch
    {
        >= 1L << 40 => (bytes / (double)(1L << 40)).ToString("0.00", Inv) + " TiB",
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.00", Inv) + " GiB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.0", Inv) + " MiB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.0", Inv) + " KiB",
        _ => bytes.ToString(Inv) + " B",
    };

    /// <summary>Seconds with a unit that suits the size: 250 ms, 7.61 s, 12m 05s, 1h 02m.</summary>
    public static string Seconds(double s) => s switch
    {
        // Each bound is where the rounding of the shorter form would reach the next unit: 0.99996 s reads 1.00 s,
        // not 1000 ms, and 59.996 s reads 1m 00s, not 60.00 s.
        < 0.99995 => (s * 1000).ToString("0.#", Inv) + " ms",
        < 59.995 => s.ToString("0.00", Inv) + " s",
        // Rounded to whole seconds first, so 1199.9999 s reads 20m 00s, not 19m 60s.
        < 3599.5 => MinutesAndSeconds((long)Math.Round(s, MidpointRounding.AwayFromZero)),
        _ => $"{(int)(s / 3600)}h {((int)(s % 3600 / 60)).ToString("00", Inv)}m",
    };

    private static string MinutesAndSeconds(long whole) => $"{whole / 60}m {(whole % 60).ToString("00", Inv)}s";

    /// <summary>A fraction as a percentage with two decimals: 0.8967 → 89.67%.</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.00", Inv) + "%";

    /// <summary>A time of the run as a clock: <c>hh:mm:ss.fff</c>, with a day count in front from one day on (<c>d.hh:mm:ss.fff</c>).</summary>
    public static string Clock(double seconds)
    {
        var t = TimeSpan.FromMilliseconds(Math.Round(Math.Max(0, seconds) * 1000, MidpointRounding.AwayFromZero));
        return t.ToString(t.Days > 0 ? @"d\.hh\:mm\:ss\.fff" : @"hh\:mm\:ss\.fff", Inv);
    }
}
