using FluentAssertions;
using HyperVSim.Experiments.Comparison;

namespace HyperVSim.Experiments.Tests;

/// <summary>Comparison reads strictly: tolerances mean what they say, and a timing that is not a usable number is an error naming its JSON path.</summary>
public sealed class ReportStrictnessTests
{
    private static string Report(string total) => $$"""
        {
          "schema": "hypervsim.report/v1", "scenario": "s",
          "migrations": [
            { "vm": "a", "kind": "live", "requestedAt": 0, "result": "completed", "totalSeconds": 1, "queuedSeconds": 0,
              "blackoutSeconds": 0.1, "rounds": 2, "bytesOnWire": 100, "cpuSeconds": 0 },
            { "vm": "b", "kind": "live", "requestedAt": 5, "result": "completed", "totalSeconds": {{total}}, "queuedSeconds": 0,
              "blackoutSeconds": 0.1, "rounds": 2, "bytesOnWire": 100, "cpuSeconds": 0 } ]
        }
        """;

    [Theory]
    [InlineData("2", "", "did you mean 2%?")]
    [InlineData("2", "--tolerance ", "did you mean --tolerance 2%?")]
    [InlineData("1.5", "--metric totalSeconds=", "did you mean --metric totalSeconds=1.5%?")]
    public void A_bare_tolerance_above_1_is_refused_with_the_percentage_it_probably_meant(string text, string option, string suggestion)
    {
        Action parse = () => Tolerances.ParsePercent(text, option);
        parse.Should().Throw<FormatException>().Which.Message.Should().EndWith(suggestion).And.Contain("0.02 means 2%");
    }

    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("0.5", 0.5)]
    [InlineData("200%", 2.0)]
    public void A_fraction_up_to_1_or_any_percentage_is_a_tolerance(string text, double expected) =>
        Tolerances.ParsePercent(text).Should().Be(expected);

    [Theory]
    [InlineData("\"abc\"", "migrations[1].totalSeconds: must be a number, not the string \"abc\"")]
    [InlineData("-3", "migrations[1].totalSeconds: -3 is negative")]
    [InlineData("true", "migrations[1].totalSeconds: must be a number, not true or false")]
    [InlineData("1e999", "migrations[1].totalSeconds: 1e999 is too large a number")]
    public void A_timing_that_is_not_a_usable_number_names_the_file_and_its_json_path(string total, string message)
    {
        Action parse = () => ReportParser.Parse(Report(total), "current.json");
        ReportFormatException ex = parse.Should().Throw<ReportFormatException>().Which;
        ex.Message.Should().StartWith("current.json: " + message);
        ex.JsonPath.Should().Be("migrations[1].totalSeconds");
    }

    [Fact]
    public void A_missing_timing_names_the_file_and_its_json_path()
    {
        Action parse = () => ReportParser.Parse(Report("1").Replace("\"totalSeconds\": 1, \"queuedSeconds\"", "\"queuedSeconds\"", StringComparison.Ordinal), "current.json");
        parse.Should().Throw<ReportFormatException>().Which.Message.Should().StartWith("current.json: migrations[0].totalSeconds: missing");
    }

    [Fact]
    public void A_null_timing_is_an_unfinished_migration_not_an_error() =>
        ReportParser.Parse(Report("null"), "current.json").Records[1].Metrics.Should().NotContainKey("totalSeconds");
}
