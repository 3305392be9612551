namespace HyperVSim.Experiments.Calibration;

/// <summary>
/// One measured batch of live migrations (a row of a calibration CSV, docs/calibrate.md): <see cref="Count"/> VMs of
/// <see cref="VmMemoryBytes"/> each moved between two hosts with <see cref="Option"/> over NICs of
/// <see cref="LinkBitsPerSecond"/>, <see cref="Concurrency"/> at a time; <see cref="TotalSeconds"/> from the first start
/// to the last end; the mean blackout and bytes sent per migration when measured. <see cref="Line"/> is the CSV line.
/// </summary>
public sealed record Measurement(
    int Line,
    long VmMemoryBytes,
    string Option,
    double LinkBitsPerSecond,
    int Concurrency,
    double TotalSeconds,
    double? BlackoutSeconds = null,
    double? Bytes = null,
    int Count = 0)
{
    /// <summary>VMs moved in the batch: <see cref="Count"/>, or <see cref="Concurrency"/> when not given (one migration measured among that many at once).</summary>
    public int Vms => Count > 0 ? Count : Concurrency;
}

/// <summary>What the simulator predicts for one <see cref="Measurement"/>: total seconds, mean blackout seconds and mean bytes on the wire per migration.</summary>
public sealed record Prediction(double TotalSeconds, double BlackoutSeconds, double Bytes);

/// <summary>A measurement that cannot be simulated or fitted (the message names the CSV line).</summary>
public sealed class CalibrationException(string message) : Exception(message);
