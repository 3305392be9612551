using HyperVSim.Model.Transports;

namespace HyperVSim.Reports;

/// <summary>The report's names for the model's enums, in one place (docs/report-format.md).</summary>
public static class WireNames
{
    /// <summary><c>plain</c>, <c>compressed</c> or <c>fellBack</c>.</summary>
    public static string Of(PayloadEncoding encoding) => encoding switch
    {
        PayloadEncoding.Plain => "plain",
        PayloadEncoding.Compressed => "compressed",
        PayloadEncoding.FellBack => "fellBack",
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "no wire name"),
    };
}
