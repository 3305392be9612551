namespace HyperVSim.Model.Results;

/// <summary>
/// One virtual disk's I/O over the run: mean IOPS and normalized IOPS over the time its I/O ran, latency per I/O (mean
/// and 95th percentile) in milliseconds, and bytes read and written.
/// </summary>
public sealed record DiskRecord(string Vm, string Disk, string? Volume, double Iops, double NormalizedIops, double LatencyMs, double LatencyP95Ms, long BytesRead, long BytesWritten);

/// <summary>A Storage QoS event: 32930 (a disk got less than its minimum over a window) or 32931 (it recovered).</summary>
public sealed record QosEventRecord(double At, int Id, string Vm, string Disk, string Reason);

/// <summary>A volume that carried disk I/O: the utilisation of its busiest resource (time mean and peak) and its mean IOPS over the run.</summary>
public sealed record VolumeRecord(string Name, string Kind, double UtilisationMean, double UtilisationPeak, double Iops);
