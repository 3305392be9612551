using HyperVSim.Engine;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Storage;

/// <summary>
/// One virtual disk's I/O workload while its VM runs: a long-lived flow (endless amount) capped at the disk's demand
/// and its QoS maximum, and what it achieved: bytes, I/Os, normalized I/Os and the latency each I/O saw
/// (docs/model.md §Storage).
/// </summary>
public sealed class DiskIo
{
    /// <summary>Bytes that count as one normalized I/O (Storage QoS, TechNet dn282281).</summary>
    public const int NormalizationBytes = 8 * 1024;

    private readonly List<(double LatencySeconds, double Ios)> _latencies = [];
    private SimTime _lastUpdate;
    private SimTime _windowStart;

    internal DiskIo(VirtualMachine vm, DiskSpec disk, DiskIoSpec io, Volume? volume)
    {
        Vm = vm;
        Disk = disk;
        Io = io;
        Volume = volume;
        Minimum = disk.Qos?.Minimum ?? 0;
        Maximum = disk.Qos?.Maximum ?? 0;
        Window = disk.Qos?.Window ?? new DiskQosSpec().Window;
        Units = NormalizedUnits(io.SizeBytes);
    }

    public VirtualMachine Vm { get; }

    public DiskSpec Disk { get; }

    public DiskIoSpec Io { get; }

    /// <summary>The volume the disk lives on; null when the scenario names none (then only its demand limits it).</summary>
    public Volume? Volume { get; internal set; }

    /// <summary>Normalized I/Os one I/O of this disk counts: ceil(size ÷ 8 KB), at least 1.</summary>
    public int Units { get; }

    /// <summary>QoS minimum in normalized IOPS (0: none).</summary>
    public long Minimum { get; internal set; }

    /// <summary>QoS maximum in normalized IOPS (0: none).</summary>
    public long Maximum { get; internal set; }

    /// <summary>The window the minimum is judged over.</summary>
    public SimTime Window { get; }

    /// <summary>The flow carrying the I/O now; null while the disk does no I/O.</summary>
    public Flow.Flow? Flow { get; internal set; }

    /// <summary>The host the flow runs from.</summary>
    internal Host? On { get; set; }

    /// <summary>Bytes per second moved now (the flow's rate as last seen).</summary>
    public double Rate { get; private set; }

    /// <summary>The latency an I/O sees now, in seconds.</summary>
    public double LatencySeconds { get; private set; }

    /// <summary>Bytes moved so far.</summary>
    public double Bytes { get; private set; }

    /// <summary>Seconds the I/O ran so far.</summary>
    public double RunSeconds { get; private set; }

    /// <summary>True while event 32930 is raised and not yet cleared by 32931.</summary>
    public bool Alerting { get; internal set; }

    /// <summary>True when a periodic minimum check is scheduled.</summary>
    internal bool Checking { get; set; }

    internal double WindowIos { get; private set; }

    internal double WindowDemandIos { get; private set; }

    internal double WindowRunSeconds { get; private set; }

    /// <summary>Normalized I/Os of an I/O of <paramref name="sizeBytes"/>: ceil(size ÷ 8 KB), at least 1 (dn282281).</summary>
    public static int NormalizedUnits(long sizeBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sizeBytes);
        return (int)Math.Max(1, (sizeBytes + NormalizationBytes - 1) / NormalizationBytes);
    }

    /// <summary>
    /// The flow's cap in bytes per second: the demand iops × size, and under a QoS maximum at most
    /// maximum ÷ units I/Os per second, i.e. maximum × size ÷ units bytes per second.
    /// </summary>
    public double BoundBytesPerSecond => Maximum > 0 ? Math.Min(Io.BytesPerSecond, Maximum * (double)Io.SizeBytes / Units) : Io.BytesPerSecond;

    /// <summary>Normalized IOPS the disk asks for: its demand in normalized IOPS, no more than its maximum.</summary>
    public double DemandNormalizedIops => BoundBytesPerSecond / Io.SizeBytes * Units;

    /// <summary>Adds what happened since the last update at the rate and latency then.</summary>
    internal void Advance(SimTime now)
    {
        double dt = (now - _lastUpdate).Seconds;
        _lastUpdate = now;
        if (dt <= 0 || Flow is null)
        {
            return;
        }

        double bytes = Rate * dt;
        double ios = bytes / Io.SizeBytes;
        Bytes += bytes;
        RunSeconds += dt;
        WindowIos += ios * Units;
        WindowDemandIos += DemandNormalizedIops * dt;
        WindowRunSeconds += dt;
        if (ios > 0)
        {
            if (_latencies.Count > 0 && _latencies[^1].LatencySeconds == LatencySeconds)
            {
                _latencies[^1] = (LatencySeconds, _latencies[^1].Ios + ios);
            }
            else
            {
                _latencies.Add((LatencySeconds, ios));
            }
        }
    }

    /// <summary>Bytes moved up to <paramref name="now"/> (read and written; the write part is 1 − read of it).</summary>
    internal double BytesAt(SimTime now)
    {
        Advance(now);
        return Bytes;
    }

    /// <summary>Sets the rate after <see cref="Advance"/>.</summary>
    internal void SetRate(double rate) => Rate = rate;

    /// <summary>Sets the latency after <see cref="Advance"/>.</summary>
    internal void SetLatency(double seconds) => LatencySeconds = seconds;

    /// <summary>Starts a new QoS window now.</summary>
    internal void ResetWindow(SimTime now)
    {
        _windowStart = now;
        WindowIos = 0;
        WindowDemandIos = 0;
        WindowRunSeconds = 0;
    }

    /// <summary>Start of the current QoS window.</summary>
    internal SimTime WindowStart => _windowStart;

    /// <summary>Mean latency per I/O in seconds (0 when none ran).</summary>
    public double MeanLatencySeconds
    {
        get
        {
            double ios = 0;
            double sum = 0;
            foreach ((double l, double n) in _latencies)
            {
                ios += n;
                sum += l * n;
            }

            return ios > 0 ? sum / ios : 0;
        }
    }

    /// <summary>The latency 95% of the I/Os saw or less (0 when none ran).</summary>
    public double P95LatencySeconds
    {
        get
        {
            double total = _latencies.Sum(x => x.Ios);
            if (total <= 0)
            {
                return 0;
            }

            double seen = 0;
            foreach ((double l, double n) in _latencies.OrderBy(x => x.LatencySeconds))
            {
                seen += n;
                if (seen >= 0.95 * total * (1 - 1e-12))
                {
                    return l;
                }
            }

            return _latencies.Max(x => x.LatencySeconds);
        }
    }

    public override string ToString() => $"{Vm.Name}/{Disk.Name}";
}
