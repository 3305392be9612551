using HyperVSim.Engine;
using HyperVSim.Flow;
using HyperVSim.Model.Components;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Storage;

/// <summary>
/// VM disk I/O as flows (docs/model.md §Storage): every disk with an I/O workload runs one long-lived flow while its VM
/// is running (not while starting, paused, saved, off or failed) on a host that reaches its volume. The flow crosses
/// the volume's bandwidth, IOPS and (SMB) file-server resources, and for an SMB share the host's storage-network NICs
/// (SMB Multichannel; SMB Direct on RDMA NICs) and its SMB bandwidth limit of category VirtualMachine. It moves with
/// the VM, stops on storage loss, and comes back when the path does. Latency per volume follows M/M/1; Storage QoS
/// caps each disk at its maximum and raises events 32930/32931 about its minimum.
/// </summary>
public sealed class StorageIo : IClusterComponent
{
    /// <summary>The utilisation at which a saturated volume's latency is taken (the fluid model has no queue to grow).</summary>
    public const double MaxUtilisation = 0.99;

    private readonly List<DiskIo> _disks = [];
    private readonly Dictionary<Flow.Flow, DiskIo> _byFlow = [];
    private readonly Dictionary<VirtualMachine, List<DiskIo>> _byVm = [];
    private readonly Dictionary<Resource, VolumeIo> _byResource = [];
    private readonly Dictionary<Volume, VolumeIo> _volumes = [];
    private readonly List<QosEventRecord> _events = [];
    private readonly List<VolumeIo> _dirty = [];
    private Cluster _cluster = null!;

    /// <summary>The disks with an I/O workload, in VM and disk order.</summary>
    public IReadOnlyList<DiskIo> Disks => _disks;

    /// <summary>Storage QoS events so far, in time order.</summary>
    public IReadOnlyList<QosEventRecord> Events => _events;

    /// <summary>The M/M/1 latency of a volume whose busiest resource is at utilisation <paramref name="rho"/>: s ÷ (1 − min(ρ, 0.99)).</summary>
    public static double Latency(double serviceSeconds, double rho) => serviceSeconds / (1 - Math.Clamp(rho, 0, MaxUtilisation));

    public void Attach(Cluster cluster)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        foreach (VirtualMachine vm in cluster.Vms)
        {
            foreach (DiskSpec d in vm.Spec.Disks)
            {
                if (d.Io is not { } io)
                {
                    continue;
                }

                Volume? volume = d.Storage is { } name ? cluster.VolumeNamed(name) : null;
                var disk = new DiskIo(vm, d, io, volume);
                disk.SetLatency(volume is null ? 0 : volume.Spec.EffectiveServiceTime.Seconds);
                _disks.Add(disk);
                (_byVm.TryGetValue(vm, out var list) ? list : _byVm[vm] = []).Add(disk);
                if (volume is not null)
                {
                    VolumeOf(volume).Disks.Add(disk);
                }
            }
        }

        if (_disks.Count == 0)
        {
            return;
        }

        cluster.Flows.RatesChanged += OnRates;
        cluster.VmStateChanged += (vm, _) => Refresh(vm);
        cluster.StorageStateChanged += (volume, _) =>
        {
            if (_volumes.TryGetValue(volume, out VolumeIo? v))
            {
                foreach (VirtualMachine vm in v.Disks.Select(d => d.Vm).Distinct().ToArray())
                {
                    Refresh(vm);
                }
            }
        };
        cluster.DisksMoved += Rehome;
        cluster.NicStateChanged += nic =>
        {
            // SMB Multichannel re-forms over the NICs that are up: restart the host's share I/O over them.
            foreach (DiskIo d in _disks.Where(d => ReferenceEquals(d.On, nic.Host) && d.Volume?.Spec.Kind == StorageKind.Smb).ToArray())
            {
                Stop(d);
                Refresh(d.Vm);
            }
        };
        foreach (VirtualMachine vm in _byVm.Keys)
        {
            Refresh(vm);
        }

        foreach (DiskIo d in _disks)
        {
            StartChecking(d);
        }
    }

    /// <summary>The I/O workload of <paramref name="vm"/>'s disk <paramref name="disk"/>; null when that disk has none.</summary>
    internal DiskIo? DiskOf(VirtualMachine vm, string disk) =>
        _byVm.TryGetValue(vm, out List<DiskIo>? disks) ? disks.FirstOrDefault(d => d.Disk.Name == disk) : null;

    /// <summary>Changes a disk's QoS while running (a null bound keeps its value; 0 removes it).</summary>
    public void SetQos(VirtualMachine vm, string disk, long? minimum, long? maximum)
    {
        DiskIo d = _disks.FirstOrDefault(x => ReferenceEquals(x.Vm, vm) && x.Disk.Name == disk)
            ?? throw new ArgumentException($"VM '{vm.Name}' has no disk '{disk}' with an I/O workload", nameof(disk));
        SimTime now = _cluster.Simulation.Now;
        d.Advance(now);
        d.Minimum = minimum ?? d.Minimum;
        d.Maximum = maximum ?? d.Maximum;
        if (d.Flow is { Active: true } f)
        {
            _cluster.Flows.SetBound(f, d.BoundBytesPerSecond);
        }

        StartChecking(d);
    }

    /// <summary>The records at <paramref name="end"/>: disks, QoS events and volumes.</summary>
    public (IReadOnlyList<DiskRecord> Disks, IReadOnlyList<QosEventRecord> Events, IReadOnlyList<VolumeRecord> Volumes) Records(SimTime end)
    {
        foreach (DiskIo d in _disks)
        {
            d.Advance(end);
        }

        foreach (VolumeIo v in _volumes.Values)
        {
            v.Advance(end);
        }

        DiskRecord[] disks = _disks.Select(d =>
        {
            double ios = d.Bytes / d.Io.SizeBytes;
            double iops = d.RunSeconds > 0 ? ios / d.RunSeconds : 0;
            long read = (long)Math.Round(d.Bytes * d.Io.ReadFraction);
            return new DiskRecord(
                d.Vm.Name, d.Disk.Name, d.Volume?.Name, iops, iops * d.Units, d.MeanLatencySeconds * 1000, d.P95LatencySeconds * 1000, read, (long)Math.Round(d.Bytes) - read);
        }).ToArray();
        VolumeRecord[] volumes = _cluster.Volumes.Where(_volumes.ContainsKey).Select(v => _volumes[v]).Select(v => new VolumeRecord(
            v.Volume.Name,
            v.Volume.Spec.Kind.ToString().ToLowerInvariant(),
            end > SimTime.Zero ? v.RhoIntegral / end.Seconds : 0,
            v.RhoPeak,
            end > SimTime.Zero ? v.IoIntegral / end.Seconds : 0)).ToArray();
        return (disks, _events.ToArray(), volumes);
    }

    /// <summary>Per-volume IOPS over time, for volumes that carried I/O, in the scenario's order.</summary>
    public IReadOnlyList<TimeSeries> Series() =>
        _cluster.Volumes.Where(_volumes.ContainsKey).Select(v => _volumes[v])
            .Where(v => v.Points.Count > 1)
            .Select(v => new TimeSeries($"{v.Volume.Name} iops", "IOPS", v.Points.ToArray()))
            .ToArray();

    /// <summary>The tracking of a volume, made the first time a disk lands on it (at the start, or by a storage move).</summary>
    private VolumeIo VolumeOf(Volume volume)
    {
        if (!_volumes.TryGetValue(volume, out VolumeIo? v))
        {
            v = new VolumeIo(volume);
            _volumes.Add(volume, v);
            foreach (Resource r in volume.LimitedResources)
            {
                _byResource[r] = v;
            }
        }

        return v;
    }

    /// <summary>
    /// A storage move switched some of the VM's disks to another volume: from this instant their I/O leaves the old
    /// volume and runs on the new one (the flow restarts over the new volume's resources, and for an SMB share its NICs).
    /// </summary>
    private void Rehome(VirtualMachine vm)
    {
        if (!_byVm.TryGetValue(vm, out List<DiskIo>? disks))
        {
            return;
        }

        SimTime now = _cluster.Simulation.Now;
        foreach (DiskIo d in disks)
        {
            string? name = vm.Spec.Disks.FirstOrDefault(x => x.Name == d.Disk.Name)?.Storage;
            Volume? volume = name is null ? null : _cluster.VolumeNamed(name);
            if (ReferenceEquals(volume, d.Volume))
            {
                continue;
            }

            Stop(d);
            if (d.Volume is { } old)
            {
                _volumes[old].Disks.Remove(d);
                _volumes[old].Update(now);
            }

            d.Volume = volume;
            if (volume is not null)
            {
                VolumeIo v = VolumeOf(volume);
                v.Disks.Add(d);
                d.Advance(now);
                d.SetLatency(Latency(volume.Spec.EffectiveServiceTime.Seconds, 0));
            }
        }

        Refresh(vm);
    }

    private void Refresh(VirtualMachine vm)
    {
        if (!_byVm.TryGetValue(vm, out List<DiskIo>? disks))
        {
            return;
        }

        foreach (DiskIo d in disks)
        {
            Host? host = vm.State == VmState.Running ? vm.Host : null;
            bool want = host is not null && (d.Volume is null || _cluster.Reaches(host, d.Volume));
            if (d.Flow is { } f && (!want || !ReferenceEquals(d.On, host) || !f.Active))
            {
                Stop(d);
            }

            if (want && d.Flow is null)
            {
                Start(d, host!);
            }
        }
    }

    private void Start(DiskIo d, Host host)
    {
        var path = new List<FlowUsage>();
        if (d.Volume is { } volume)
        {
            path.AddRange(volume.Usages(d.Io.SizeBytes));
            if (volume.Spec.Kind == StorageKind.Smb)
            {
                SmbPath.Add(_cluster, path, host, d.Io.ReadFraction);
                if (host.SmbVirtualMachineLimit is { } limit)
                {
                    path.Add(new FlowUsage(limit, 1));
                }
            }
        }

        d.Advance(_cluster.Simulation.Now);
        Flow.Flow flow = _cluster.Flows.Start($"io {d}", double.PositiveInfinity, path, d.BoundBytesPerSecond);
        flow.Completion.AddCallback(_ =>
        {
            // A NIC or volume resource that failed ended the flow: forget it, and run the disk again where it can.
            if (ReferenceEquals(d.Flow, flow))
            {
                Stop(d);
                Refresh(d.Vm);
            }
        });
        d.Flow = flow;
        d.On = host;
        _byFlow.Add(flow, d);
    }

    private void Stop(DiskIo d)
    {
        if (d.Flow is not { } f)
        {
            return;
        }

        SimTime now = _cluster.Simulation.Now;
        d.Advance(now);
        d.SetRate(0);
        _byFlow.Remove(f);
        d.Flow = null;
        d.On = null;
        _cluster.Flows.Cancel(f);
        if (d.Volume is { } v)
        {
            _volumes[v].Update(now);
        }
    }

    private void OnRates(IReadOnlyList<Flow.Flow> flows)
    {
        SimTime now = _cluster.Simulation.Now;
        for (int i = 0; i < flows.Count; i++)
        {
            if (_byFlow.TryGetValue(flows[i], out DiskIo? d))
            {
                d.Advance(now);
                d.SetRate(flows[i].Rate);
                if (d.Volume is { } v)
                {
                    Mark(_volumes[v]);
                }
            }
        }

        IReadOnlyList<Resource> touched = _cluster.Flows.TouchedResources;
        for (int i = 0; i < touched.Count; i++)
        {
            if (_byResource.TryGetValue(touched[i], out VolumeIo? v))
            {
                Mark(v);
            }
        }

        foreach (VolumeIo v in _dirty)
        {
            v.Dirty = false;
            v.Update(now);
        }

        _dirty.Clear();
    }

    private void Mark(VolumeIo v)
    {
        if (!v.Dirty)
        {
            v.Dirty = true;
            _dirty.Add(v);
        }
    }

    /// <summary>Checks a disk's minimum at the end of every window while it has one (windows counted from when the check starts).</summary>
    private void StartChecking(DiskIo d)
    {
        if (d.Checking || d.Minimum <= 0)
        {
            return;
        }

        d.Checking = true;
        d.Advance(_cluster.Simulation.Now);
        d.ResetWindow(_cluster.Simulation.Now);
        _cluster.Simulation.Schedule(d.Window, CheckMinimum, d, "qos-window");
    }

    /// <summary>
    /// The minimum rule: over a window in which the disk's I/O ran, it is short when it achieved less than
    /// min(minimum, what it asked for) normalized IOPS; a disk asking for less than its minimum is short only when it
    /// gets less than it asks. 32930 when it becomes short, 32931 when it no longer is; a window in which the I/O did
    /// not run gives no verdict.
    /// </summary>
    private void CheckMinimum(object? state)
    {
        var d = (DiskIo)state!;
        SimTime now = _cluster.Simulation.Now;
        d.Advance(now);
        if (d.WindowRunSeconds > 0 && d.Minimum > 0)
        {
            double achieved = d.WindowIos / d.WindowRunSeconds;
            double asked = d.WindowDemandIos / d.WindowRunSeconds;
            double threshold = Math.Min(d.Minimum, asked);
            bool short_ = achieved < threshold * (1 - 1e-9);
            string window = $"{d.Window.Seconds:0.###} s";
            if (short_ && !d.Alerting)
            {
                d.Alerting = true;
                _events.Add(new QosEventRecord(now.Seconds, 32930, d.Vm.Name, d.Disk.Name, $"{achieved:0.#} normalized IOPS over the last {window}, below its minimum of {d.Minimum}"));
            }
            else if (!short_ && d.Alerting)
            {
                d.Alerting = false;
                _events.Add(new QosEventRecord(now.Seconds, 32931, d.Vm.Name, d.Disk.Name, $"{achieved:0.#} normalized IOPS over the last {window}, back at its minimum of {d.Minimum}"));
            }
        }

        d.ResetWindow(now);
        if (d.Minimum > 0)
        {
            _cluster.Simulation.Schedule(d.Window, CheckMinimum, d, "qos-window");
        }
        else
        {
            d.Checking = false;
            d.Alerting = false;
        }
    }

    /// <summary>What the component tracks of one volume: its disks, utilisation over time and IOPS series.</summary>
    private sealed class VolumeIo(Volume volume)
    {
        private SimTime _last;
        private double _rho;
        private double _iops;

        public Volume Volume { get; } = volume;

        public List<DiskIo> Disks { get; } = [];

        public List<TimePoint> Points { get; } = [new TimePoint(0, 0)];

        public bool Dirty { get; set; }

        public double RhoIntegral { get; private set; }

        public double RhoPeak { get; private set; }

        public double IoIntegral { get; private set; }

        public void Advance(SimTime now)
        {
            double dt = (now - _last).Seconds;
            _last = now;
            if (dt > 0)
            {
                RhoIntegral += _rho * dt;
                IoIntegral += _iops * dt;
            }
        }

        /// <summary>After rates changed: utilisation of the busiest resource, latency of every disk, IOPS point.</summary>
        public void Update(SimTime now)
        {
            Advance(now);
            double rho = 0;
            foreach (Resource r in Volume.LimitedResources)
            {
                double load = r.Load;
                rho = Math.Max(rho, r.Capacity > 0 ? load / r.Capacity : load > 0 ? 1 : 0);
            }

            _rho = rho;
            RhoPeak = Math.Max(RhoPeak, rho);
            double latency = Latency(Volume.Spec.EffectiveServiceTime.Seconds, rho);
            double iops = 0;
            foreach (DiskIo d in Disks)
            {
                if (d.LatencySeconds != latency)
                {
                    d.Advance(now);
                    d.SetLatency(latency);
                }

                iops += d.Rate / d.Io.SizeBytes;
            }

            _iops = iops;
            double t = now.Seconds;
            if (Points[^1].Value != iops)
            {
                if (Points[^1].Time == t)
                {
                    Points[^1] = new TimePoint(t, iops);
                }
                else
                {
                    Points.Add(new TimePoint(t, iops));
                }
            }
        }
    }
}
