using FluentAssertions;
using HyperVSim.Reports.Text;
using Xunit;

namespace HyperVSim.Reports.Tests.Text;

/// <summary>Durations never print a rounded value that belongs to the next unit (60.00 s, 1000 ms, 19m 60s).</summary>
public sealed class HumanUnitsTests
{
    [Theory]
    [InlineData(0.5, "500 ms")]
    [InlineData(0.99994, "999.9 ms")]
    [InlineData(0.99996, "1.00 s")]
    [InlineData(59.994, "59.99 s")]
    [InlineData(59.996, "1m 00s")]
    [InlineData(60.0, "1m 00s")]
    [InlineData(1199.9999, "20m 00s")]
    [InlineData(3600.0, "1h 00m")]
    public void A_duration_near_a_unit_boundary_reads_in_the_larger_unit(double seconds, string expected) =>
        HumanUnits.Seconds(seconds).Should().Be(expected);
}
