using HyperVSim.Model.Results;
using HyperVSim.Model.Transports;

namespace HyperVSim.Reports;

/// <summary>The report's names for the model's enums, in one place (docs/report-format.md).</summary>
public static class WireNames
{
    /// <summary><c>completed</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public static string Of(MigrationResult result) => result switch
    {
        MigrationResult.Completed => "completed",
        MigrationResult.Failed => "failed",
        MigrationResult.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "no wire name"),
    };

    /// <summary><c>setup</c>, <c>pass</c>, <c>blackout</c>, <c>switchover</c>, <c>save</c>, <c>restore</c>, <c>copy</c>, <c>mirror</c> or <c>pull</c>.</summary>
    public static string Of(PhaseKind kind) => kind switch
    {
        PhaseKind.Setup => "setup",
        PhaseKind.Pass => "pass",
        PhaseKind.Blackout => "blackout",
        PhaseKind.Switchover => "switchover",
        PhaseKind.Save => "save",
        PhaseKind.Restore => "restore",
        PhaseKind.Copy => "copy",
        PhaseKind.Mirror => "mirror",
        PhaseKind.Pull => "pull",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no wire name"),
    };

    /// <summary><c>plain</c>, <c>compressed</c> or <c>fellBack</c>.</summary>
    public static string Of(PayloadEncoding encoding) => encoding switch
    {
        PayloadEncoding.Plain => "plain",
        PayloadEncoding.Compressed => "compressed",
        PayloadEncoding.FellBack => "fellBack",
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "no wire name"),
    };
}
