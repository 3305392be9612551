using FluentAssertions;
using HyperVSim.Engine;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>Unit parsing and formatting by example.</summary>
public sealed class UnitsTests
{
    private const long KiB = 1024;
    private const long MiB = 1024 * KiB;
    private const long GiB = 1024 * MiB;
    private const long TiB = 1024 * GiB;

    [Theory]
    [InlineData("512MiB", 512 * MiB)]
    [InlineData("16GiB", 16 * GiB)]
    [InlineData("2TiB", 2 * TiB)]
    [InlineData("500MB", 500_000_000L)]
    [InlineData("4GB", 4_000_000_000L)]
    [InlineData("1B", 1L)]
    [InlineData("1KiB", KiB)]
    [InlineData("1KB", 1000L)]
    [InlineData("1kB", 1000L)]
    [InlineData("1.5GiB", 3 * GiB / 2)]
    [InlineData(".5KiB", 512L)]
    [InlineData("16 GiB", 16 * GiB)]
    [InlineData(" 127GiB ", 127 * GiB)]
    [InlineData("1e3B", 1000L)]
    [InlineData("1.1GB", 1_100_000_000L)]
    [InlineData("-1GiB", -GiB)]
    public void Sizes_parse_to_bytes(string text, long bytes) => Units.ParseSize(text).Should().Be(bytes);

    [Theory]
    [InlineData("1Gbps", 1e9)]
    [InlineData("10Gbps", 1e10)]
    [InlineData("40Gbps", 4e10)]
    [InlineData("56Gbps", 5.6e10)]
    [InlineData("100Mbps", 1e8)]
    [InlineData("0.1Gbps", 1e8)]
    [InlineData("1Tbps", 1e12)]
    public void Bit_rates_parse_to_bits_per_second(string text, double bps) => Units.ParseBitRate(text).Should().Be(bps);

    [Theory]
    [InlineData("200MB/s", 2e8)]
    [InlineData("1.5GiB/s", 1.5 * GiB)]
    [InlineData("2GB/s", 2e9)]
    public void Byte_rates_parse_to_bytes_per_second(string text, double rate) => Units.ParseByteRate(text).Should().Be(rate);

    [Theory]
    [InlineData("10ns", 10L)]
    [InlineData("50us", 50_000L)]
    [InlineData("50µs", 50_000L)]
    [InlineData("300ms", 300_000_000L)]
    [InlineData("30s", 30_000_000_000L)]
    [InlineData("2m", 120_000_000_000L)]
    [InlineData("1.5h", 5_400_000_000_000L)]
    [InlineData("7d", 604_800_000_000_000L)]
    [InlineData("0.1s", 100_000_000L)]
    public void Durations_parse_to_nanoseconds(string text, long ns) => Units.ParseDuration(text).Should().Be(new SimTime(ns));

    [Theory]
    [InlineData("30%", 0.3)]
    [InlineData("0.3", 0.3)]
    [InlineData("100%", 1.0)]
    [InlineData("0%", 0.0)]
    [InlineData("33.3%", 0.333)]
    [InlineData("1", 1.0)]
    public void Fractions_parse(string text, double value) => Units.ParseFraction(text).Should().Be(value);

    [Fact]
    public void Frequencies_parse_to_hertz() => Units.ParseFrequency("2.6GHz").Should().Be(2.6e9);

    [Theory]
    [InlineData("16")]
    [InlineData("GiB")]
    [InlineData("16XB")]
    [InlineData("16GB/s")]
    [InlineData("16gib")]
    [InlineData("")]
    [InlineData("1,5GiB")]
    [InlineData("NaNGiB")]
    [InlineData("InfinityGiB")]
    [InlineData("0x10GiB")]
    [InlineData("99999999999PiB")]
    public void Bad_sizes_are_refused(string text) => Units.TryParseSize(text, out _).Should().BeFalse();

    [Theory]
    [InlineData("130%")]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("30 percent")]
    public void Bad_fractions_are_refused(string text) => Units.TryParseFraction(text, out _).Should().BeFalse();

    [Theory]
    [InlineData("16", "has no unit")]
    [InlineData("16gib", "did you mean 'GiB'?")]
    [InlineData("16GB/s", "it reads as a byte rate")]
    public void Parse_errors_explain_themselves(string text, string message)
    {
        Action parse = () => Units.ParseSize(text);
        parse.Should().Throw<FormatException>().WithMessage($"*{message}*");
    }

    [Theory]
    [InlineData("10Gb/s", "did you mean 'Gbps'?")]
    [InlineData("10GB/s", "it reads as a byte rate")]
    public void Bit_rate_errors_explain_themselves(string text, string message)
    {
        Action parse = () => Units.ParseBitRate(text);
        parse.Should().Throw<FormatException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void Duration_unit_aliases_are_suggested()
    {
        Action parse = () => Units.ParseDuration("2min");
        parse.Should().Throw<FormatException>().WithMessage("*did you mean 'm'?*");
    }

    [Fact]
    public void Formatting_picks_the_largest_exact_unit()
    {
        Units.FormatSize(16 * GiB).Should().Be("16GiB");
        Units.FormatSize(500_000_000).Should().Be("500MB");
        Units.FormatSize(1023).Should().Be("1023B");
        Units.FormatSize(0).Should().Be("0B");
        Units.FormatDuration(SimTime.FromSeconds(5400)).Should().Be("90m");
        Units.FormatDuration(SimTime.FromMilliseconds(300)).Should().Be("300ms");
        Units.FormatDuration(SimTime.Zero).Should().Be("0s");
        Units.FormatBitRate(1e10).Should().Be("10Gbps");
        Units.FormatBitRate(5.6e10).Should().Be("56Gbps");
        Units.FormatByteRate(1.5 * GiB).Should().Be("1.5GiB/s");
        Units.FormatByteRate(2e8).Should().Be("200MB/s");
        Units.FormatFrequency(2.6e9).Should().Be("2.6GHz");
        Units.FormatFraction(0.3).Should().Be("0.3");
    }
}
