using FluentAssertions;
using HyperVSim.Experiments.Comparison;

namespace HyperVSim.Experiments.Tests;

/// <summary>Inputs afl-fuzz found crashing the report parser (docs/fuzzing.md): each is now a refusal naming the field.</summary>
public sealed class ReportParserFuzzFindingsTests
{
    [Fact]
    public void A_schema_that_is_not_a_string_is_not_a_report()
    {
        Action parse = () => ReportParser.Parse("""{"schema":[{"name":"a","state":"off","downtimeSeconds":null,"outages":0}]}""", "fuzz.json");
        parse.Should().Throw<ReportFormatException>().WithMessage("*not a HyperVSim report: expected \"schema\"*");
    }

    [Theory]
    [InlineData("""{"schema":"hypervsim.report/v1","migrations":[],"drains":[null],"vZs":[]}""", "drains[0]: is null*\"drains\" must be an object")]
    [InlineData("""{"schema":"hypervsim.report/v1","vms":[{"name":"a","state":"off","downtimeSeconds":1,"outages":0},7]}""", "vms[1]: is number*\"vms\" must be an object")]
    [InlineData("""{"schema":"hypervsim.report/v1","migrations":[[]]}""", "migrations[0]: is array*\"migrations\" must be an object")]
    public void A_record_that_is_not_an_object_is_refused_by_field_and_index(string json, string message)
    {
        Action parse = () => ReportParser.Parse(json, "fuzz.json");
        parse.Should().Throw<ReportFormatException>().Where(e => e.File == "fuzz.json" && e.JsonPath != null)
            .WithMessage($"*{message}");
    }
}
