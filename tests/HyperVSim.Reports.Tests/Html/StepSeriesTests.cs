using FluentAssertions;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Html.Plots;

namespace HyperVSim.Reports.Tests.Html;

/// <summary>Step-series arithmetic used to pick and draw the busiest NICs.</summary>
public sealed class StepSeriesTests
{
    private static readonly TimeSeries Series = new("n", "bytes/s", [new TimePoint(0, 0), new TimePoint(2, 10), new TimePoint(5, 4)]);

    [Fact]
    public void The_integral_holds_each_value_until_the_next_point_and_the_last_until_the_end() =>
        // 0·2 + 10·3 + 4·(8 − 5) = 42.
        StepSeries.Integral(Series, 8).Should().Be(42);

    [Fact]
    public void Coordinates_carry_the_last_value_to_the_end_and_scale_values()
    {
        var (xs, ys) = StepSeries.Coordinates(Series, 8, 0.5);

        xs.Should().Equal(0, 2, 5, 8);
        ys.Should().Equal(0, 5, 2, 2);
    }
}
