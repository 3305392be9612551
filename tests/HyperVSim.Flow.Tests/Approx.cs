namespace HyperVSim.Flow.Tests;

/// <summary>Relative comparison of rates, with an absolute floor for values at or near zero.</summary>
internal static class Approx
{
    public const double Relative = 1e-9;

    public static bool Equal(double a, double b, double relative = Relative) =>
        Math.Abs(a - b) <= (relative * Math.Max(Math.Abs(a), Math.Abs(b))) + 1e-12;

    public static bool AtMost(double a, double limit, double relative = Relative) =>
        a <= limit + (relative * Math.Abs(limit)) + 1e-12;

    public static bool AtLeast(double a, double limit, double relative = Relative) =>
        a >= limit - (relative * Math.Abs(limit)) - 1e-12;
}
