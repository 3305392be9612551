using CsCheck;
using FluentAssertions;
using Xunit;

namespace HyperVSim.Engine.Tests;

public sealed class SimTimeTests
{
    [Theory]
    [InlineData(0.0, 0L)]
    [InlineData(1.0, 1_000_000_000L)]
    [InlineData(1.5, 1_500_000_000L)]
    [InlineData(0.001, 1_000_000L)]
    [InlineData(-2.0, -2_000_000_000L)]
    [InlineData(86_400.0, 86_400_000_000_000L)]
    public void FromSeconds_converts_exactly_representable_values(double seconds, long nanoseconds)
    {
        SimTime.FromSeconds(seconds).Nanoseconds.Should().Be(nanoseconds);
    }

    [Theory]
    [InlineData(1.4e-9, 1L)]
    [InlineData(1.6e-9, 2L)]
    [InlineData(0.5e-9, 1L)] // 0.5 ns: halves round away from zero...
    [InlineData(2.5e-9, 3L)] // ...not to even (which would give 2)
    [InlineData(-2.5e-9, -3L)]
    [InlineData(1.0000000005, 1_000_000_001L)]
    public void FromSeconds_rounds_to_the_nearest_nanosecond_halves_away_from_zero(double seconds, long nanoseconds)
    {
        SimTime.FromSeconds(seconds).Nanoseconds.Should().Be(nanoseconds);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e12)] // about 31,700 years
    [InlineData(-1e12)]
    public void FromSeconds_refuses_what_is_not_a_time(double seconds)
    {
        Action convert = () => SimTime.FromSeconds(seconds);

        convert.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("seconds");
    }

    [Fact]
    public void FromSeconds_accepts_up_to_about_292_years()
    {
        SimTime.FromSeconds(9.2e9).Nanoseconds.Should().Be(9_200_000_000_000_000_000L);
    }

    [Fact]
    public void FromMilliseconds_converts_and_rounds()
    {
        SimTime.FromMilliseconds(2.5).Nanoseconds.Should().Be(2_500_000L);
        SimTime.FromMilliseconds(1e-6).Nanoseconds.Should().Be(1L);
        SimTime.FromMilliseconds(0.0000004).Nanoseconds.Should().Be(0L);
    }

    [Theory]
    [InlineData(0.0, 0L)]
    [InlineData(1e-10, 1L)]
    [InlineData(1.0000000001e-9, 2L)]
    [InlineData(61.5e-9, 62L)]
    [InlineData(1.0000000005, 1_000_000_001L)]
    public void FromSecondsCeiling_rounds_up_to_the_next_nanosecond(double seconds, long nanoseconds)
    {
        SimTime.FromSecondsCeiling(seconds).Nanoseconds.Should().Be(nanoseconds);
    }

    [Theory]
    [InlineData(61e-9, 61L)] // 61e-9 * 1e9 is 61.00000000000001 in doubles
    [InlineData(121e-9, 121L)]
    [InlineData(0.1, 100_000_000L)]
    [InlineData(1.0, 1_000_000_000L)]
    public void FromSecondsCeiling_keeps_whole_nanoseconds_whole(double seconds, long nanoseconds)
    {
        SimTime.FromSecondsCeiling(seconds).Nanoseconds.Should().Be(nanoseconds);
    }

    [Fact]
    public void FromSecondsCeiling_saturates_instead_of_overflowing()
    {
        SimTime.FromSecondsCeiling(double.PositiveInfinity).Should().Be(SimTime.MaxValue);
        SimTime.FromSecondsCeiling(1e30).Should().Be(SimTime.MaxValue);
    }

    [Theory]
    [InlineData(-1e-9)]
    [InlineData(double.NaN)]
    public void FromSecondsCeiling_refuses_negative_durations_and_NaN(double seconds)
    {
        Action convert = () => SimTime.FromSecondsCeiling(seconds);

        convert.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("seconds");
    }

    /// <summary>
    /// Whole nanoseconds written as seconds come back unchanged, both rounded and ceiled, for any time up to
    /// about 46 days (beyond 2^52 ns a double cannot hold every nanosecond).
    /// </summary>
    [Fact]
    public void Whole_nanoseconds_round_trip_through_seconds()
    {
        Seeded.Check(Gen.Long[0, 4_000_000_000_000_000L], ns =>
        {
            double seconds = ns / 1e9;
            SimTime.FromSeconds(seconds).Nanoseconds.Should().Be(ns);
            SimTime.FromSeconds(-seconds).Nanoseconds.Should().Be(-ns);
            SimTime.FromSecondsCeiling(seconds).Nanoseconds.Should().Be(ns);
        }, cases: 2_000);
    }

    [Fact]
    public void Small_whole_nanoseconds_round_trip_through_seconds()
    {
        for (long ns = 0; ns < 200_000; ns++)
        {
            double seconds = ns / 1e9;
            if (SimTime.FromSecondsCeiling(seconds).Nanoseconds != ns || SimTime.FromSeconds(seconds).Nanoseconds != ns)
            {
                Assert.Fail($"{ns} ns written as {seconds:R} s came back as {SimTime.FromSeconds(seconds).Nanoseconds} (rounded), {SimTime.FromSecondsCeiling(seconds).Nanoseconds} (ceiling)");
            }
        }
    }

    [Fact]
    public void Seconds_reads_back_as_a_double()
    {
        new SimTime(1_500_000_000).Seconds.Should().Be(1.5);
        new SimTime(1).Seconds.Should().Be(1e-9);
    }

    [Fact]
    public void Arithmetic_and_comparison_work_on_nanoseconds()
    {
        var a = new SimTime(5);
        var b = new SimTime(3);

        (a + b).Should().Be(new SimTime(8));
        (a - b).Should().Be(new SimTime(2));
        (a > b).Should().BeTrue();
        (a >= new SimTime(5)).Should().BeTrue();
        (b < a).Should().BeTrue();
        (b <= new SimTime(3)).Should().BeTrue();
        (a < b).Should().BeFalse();
        SimTime.Max(a, b).Should().Be(a);
        SimTime.Min(a, b).Should().Be(b);
        a.CompareTo(b).Should().BePositive();
        new[] { a, b, SimTime.Zero }.Order().Should().Equal(SimTime.Zero, b, a);
    }

    [Fact]
    public void Overflow_throws_instead_of_wrapping()
    {
        Func<SimTime> add = () => SimTime.MaxValue + new SimTime(1);
        Func<SimTime> sub = () => new SimTime(long.MinValue) - new SimTime(1);

        add.Should().Throw<OverflowException>();
        sub.Should().Throw<OverflowException>();
    }

    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(1_500_000_000L, "1.5s")]
    [InlineData(1L, "0.000000001s")]
    [InlineData(60_000_000_000L, "60s")]
    [InlineData(-250_000_000L, "-0.25s")]
    public void Prints_as_seconds(long nanoseconds, string text)
    {
        new SimTime(nanoseconds).ToString().Should().Be(text);
    }
}
