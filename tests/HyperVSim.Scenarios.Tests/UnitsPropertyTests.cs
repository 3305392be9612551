using CsCheck;
using HyperVSim.Engine;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>Format then parse gives the value back, for every quantity family (fixed seed, bounded iterations).</summary>
public sealed class UnitsPropertyTests
{
    private static readonly long[] SizeFactors = [1, 1000, 1024, 1_000_000, 1L << 20, 1_000_000_000, 1L << 30, 1L << 40];

    /// <summary>Any long, and round multiples of the units people write.</summary>
    private static readonly Gen<long> Sizes = Gen.OneOf(
        Gen.Long,
        Gen.Long[0, 100_000].SelectMany(n => Gen.Int[0, SizeFactors.Length - 1].Select(i => n * SizeFactors[i])));

    private static readonly Gen<double> Rates = Gen.OneOf(
        Gen.Double[0, 1e13],
        Gen.Long[0, 1_000_000_000_000].Select(n => (double)n),
        Gen.Int[0, 10_000].Select(n => n * 1e8));

    [Fact]
    public void Sizes_round_trip() =>
        Sampling.Check(Sizes, b => Units.ParseSize(Units.FormatSize(b)) == b);

    [Fact]
    public void Durations_round_trip() =>
        Sampling.Check(Gen.Long, ns => Units.ParseDuration(Units.FormatDuration(new SimTime(ns))) == new SimTime(ns));

    [Fact]
    public void Bit_rates_round_trip() =>
        Sampling.Check(Rates, r => Units.ParseBitRate(Units.FormatBitRate(r)).Equals(r));

    [Fact]
    public void Byte_rates_round_trip() =>
        Sampling.Check(Rates, r => Units.ParseByteRate(Units.FormatByteRate(r)).Equals(r));

    [Fact]
    public void Frequencies_round_trip() =>
        Sampling.Check(Gen.Double[0, 1e10], f => Units.ParseFrequency(Units.FormatFrequency(f)).Equals(f));

    [Fact]
    public void Fractions_round_trip() =>
        Sampling.Check(Gen.Double[0, 1], f => Units.ParseFraction(Units.FormatFraction(f)).Equals(f));

    [Fact]
    public void Whole_percentages_are_hundredths() =>
        Sampling.Check(Gen.Int[0, 100], p => Units.ParseFraction(p + "%").Equals(p / 100.0), iterations: 300);

    [Fact]
    public void Binary_and_decimal_units_agree_with_their_factors() =>
        Sampling.Check(
            Gen.Long[0, 1_000_000],
            n => Units.ParseSize(n + "KiB") == n * 1024 && Units.ParseSize(n + "MB") == n * 1_000_000 && Units.ParseSize(n + "GiB") == n << 30);
}
