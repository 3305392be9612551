using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Experiments.Studies;
using MathNet.Numerics.Distributions;
using Xunit;

namespace HyperVSim.Experiments.Tests;

/// <summary>The summaries a study prints, against known truth and closed forms.</summary>
public sealed class StudyStatisticsTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(30)]
    public void The_95_percent_interval_contains_the_true_mean_in_93_to_97_percent_of_1000_repetitions(int replications)
    {
        // A synthetic model with known truth: each replication's metric is normal, mean 42, sd 3.
        Random rnd = new RandomStreams(2026).For("coverage", replications.ToString(System.Globalization.CultureInfo.InvariantCulture));
        int covered = 0;
        for (int rep = 0; rep < 1000; rep++)
        {
            double?[] sample = Enumerable.Range(0, replications).Select(_ => (double?)Normal.Sample(rnd, 42, 3)).ToArray();
            MetricSummary s = MetricSummary.Of("m", sample);
            if (s.CiLow <= 42 && 42 <= s.CiHigh)
            {
                covered++;
            }
        }

        covered.Should().BeInRange(930, 970);
    }

    [Fact]
    public void Mean_sd_interval_and_percentiles_match_hand_computed_values()
    {
        MetricSummary s = MetricSummary.Of("m", [1.0, 2.0, 3.0, 4.0, null]);

        s.N.Should().Be(4);
        s.Missing.Should().Be(1);
        s.Mean.Should().Be(2.5);
        s.Sd.Should().BeApproximately(Math.Sqrt(5.0 / 3), 1e-12);
        double half = 3.182446305284263 * Math.Sqrt(5.0 / 3) / 2; // t(0.975, 3) = 3.1824...
        s.CiLow.Should().BeApproximately(2.5 - half, 1e-9);
        s.CiHigh.Should().BeApproximately(2.5 + half, 1e-9);
        s.P50.Should().Be(2.5);
        s.P95.Should().BeApproximately(3.85, 1e-12, "R-7: 1 + 0.95 × 3 = 3.85th value");
    }

    [Fact]
    public void A_single_replication_has_no_interval()
    {
        MetricSummary s = MetricSummary.Of("m", [7.0]);
        s.Mean.Should().Be(7);
        s.Sd.Should().BeNull();
        s.CiLow.Should().BeNull();
    }

    [Theory]
    [InlineData("mean", 2.5)]
    [InlineData("max", 4)]
    [InlineData("min", 1)]
    [InlineData("sum", 10)]
    [InlineData("count", 4)]
    [InlineData("p50", 2.5)]
    public void Aggregates_reduce_a_runs_values(string aggregate, double expected) =>
        Aggregates.Apply(aggregate, [1.0, 2.0, 3.0, 4.0]).Should().Be(expected);

    [Fact]
    public void A_grid_varies_the_first_parameter_slowest()
    {
        var points = StudyDesign.Grid([new("a", ["1", "2"]), new("b", ["x", "y", "z"])]);
        points.Select(p => p.ToString()).Should().Equal("a=1, b=x", "a=1, b=y", "a=1, b=z", "a=2, b=x", "a=2, b=y", "a=2, b=z");
    }

    [Fact]
    public void A_latin_hypercube_uses_every_stratum_of_every_range_once()
    {
        var points = StudyDesign.LatinHypercube([new("speed", [], 10, 40, "Gbps"), new("ratio", [], 1, 3)], 20, seed: 5);

        points.Should().HaveCount(20);
        foreach (string path in new[] { "speed", "ratio" })
        {
            (double from, double to) = path == "speed" ? (10.0, 40.0) : (1.0, 3.0);
            var strata = points.Select(p => double.Parse(p.Settings.Single(s => s.Path == path).Value.Replace("Gbps", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture))
                .Select(v => (int)((v - from) / (to - from) * 20)).OrderBy(x => x).ToArray();
            strata.Should().Equal(Enumerable.Range(0, 20), $"each of the 20 strata of {path} is sampled once");
        }

        StudyDesign.LatinHypercube([new("speed", [], 10, 40, "Gbps")], 20, seed: 5).Select(p => p.ToString())
            .Should().Equal(StudyDesign.LatinHypercube([new("speed", [], 10, 40, "Gbps")], 20, seed: 5).Select(p => p.ToString()), "the design is deterministic");
    }

    [Fact]
    public void The_difference_of_two_alternatives_has_a_Welch_interval_and_says_whether_it_is_significant()
    {
        // Means 2.5 and 4.5, both variances 5/3 over 4 values: se = √(2 · 5/12), Welch df = 6, t(0.975, 6) = 2.446912.
        MetricDifference d = MetricDifference.Of("m", [1.0, 2.0, 3.0, 4.0], [3.0, 4.0, 5.0, 6.0])!;
        double half = 2.4469118511449692 * Math.Sqrt(2 * 5.0 / 12);
        d.Difference.Should().Be(2);
        d.CiLow.Should().BeApproximately(2 - half, 1e-9);
        d.CiHigh.Should().BeApproximately(2 + half, 1e-9);
        d.Significant.Should().BeFalse("the interval contains 0");

        MetricDifference.Of("m", [1.0, 1.1, 0.9, 1.0], [3.0, 3.1, 2.9, 3.0])!.Significant.Should().BeTrue();
        MetricDifference.Of("m", [1.0], [2.0, 3.0]).Should().BeNull("one value has no spread to judge by");
    }
}
