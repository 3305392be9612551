using HyperVSim.Engine;
using HyperVSim.Flow;
using HyperVSim.Model.Components;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using HyperVSim.Model.Storage;

namespace HyperVSim.Model.Boot;

/// <summary>
/// Boots VMs that opt into a boot model (docs/model.md §Boot), as processes over simulated time: the generation's
/// firmware steps (the VM is then Online and its start slot frees), then each device of the boot order in turn; a
/// device that cannot boot costs its time-out; a disk boot reads the boot loader and the OS through the boot disk's
/// volume (flows that share the volume max-min with every other flow there); a PXE boot downloads its boot image over
/// TFTP through the host's NIC on the PXE network and installs the OS on a blank boot disk, as a DVD with an install
/// image does; then the VM reboots from its disk.
/// </summary>
public sealed class Boots : IClusterComponent
{
    private readonly List<BootRun> _runs = [];
    private readonly Dictionary<VirtualMachine, BootRun> _active = [];
    private Cluster? _cluster;

    private Cluster Cluster => _cluster ?? throw new InvalidOperationException("boots are not attached to a cluster");

    public void Attach(Cluster cluster)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        cluster.VmStateChanged += OnVmState;
    }

    /// <summary>Every boot so far, in the order they started.</summary>
    public IReadOnlyList<BootRecord> Records() => _runs.Select(r => r.Record()).ToArray();

    /// <summary>
    /// Boots <paramref name="vm"/> on <paramref name="host"/>: <paramref name="online"/> is called when the firmware is
    /// done (the cluster's Online), <paramref name="done"/> when the guest runs (null) or cannot (the reason).
    /// Nothing is called when the boot is cut short by the VM's state changing (its host or storage went away).
    /// </summary>
    internal void Start(VirtualMachine vm, Host host, SimTime requestedAt, Action online, Action<string?> done)
    {
        var run = new BootRun(this, vm, host, requestedAt, online, done);
        _runs.Add(run);
        _active[vm] = run;
        run.Process = Cluster.Simulation.Process(Steps(run), $"boot {vm.Name}");
    }

    private void OnVmState(VirtualMachine vm, VmState before)
    {
        if (_active.TryGetValue(vm, out BootRun? run) && (vm.State != VmState.Starting || !ReferenceEquals(vm.Host, run.Host)))
        {
            run.Abort($"{vm.Name} went {vm.State.ToString().ToLowerInvariant()}: {vm.Reason}");
        }
    }

    private IEnumerable<Event> Steps(BootRun run)
    {
        foreach (Event e in Firmware(run))
        {
            yield return e;
        }

        run.Online();
        foreach (BootDevice device in run.Vm.Spec.BootOrder ?? run.Model.DefaultOrder)
        {
            Attempt attempt = Try(run, device);
            if (attempt.Absent)
            {
                continue;
            }

            if (attempt.Cost is { } cost)
            {
                // A device that cannot boot: the firmware waits its time-out, then tries the next.
                run.Begin("timeout", device);
                yield return Cluster.Simulation.Timeout(cost);
                run.End(reason: attempt.Reason);
                run.Tried.Add($"{Word(device)}: {attempt.Reason}");
                continue;
            }

            IEnumerable<Event> steps = device switch
            {
                BootDevice.Network => NetworkBoot(run, attempt),
                BootDevice.Dvd => DvdInstall(run),
                _ => DiskBoot(run),
            };
            foreach (Event e in steps)
            {
                yield return e;
            }

            if (run.Failed)
            {
                yield break;
            }

            if (run.Booted)
            {
                run.Finish(Word(device), null);
                yield break;
            }
        }

        run.Finish(null, run.Tried.Count == 0
            ? "no boot device: the VM has nothing the firmware can boot from"
            : $"no boot device could boot ({string.Join("; ", run.Tried)})");
    }

    /// <summary>What trying <paramref name="device"/> gives: absent (not tried), a failure costing its time-out, or a go.</summary>
    private Attempt Try(BootRun run, BootDevice device)
    {
        VmSpec vm = run.Vm.Spec;
        BootSpec p = Cluster.Spec.Cluster.Boot;
        if (!run.Model.Has(device, vm))
        {
            return Attempt.NotThere;
        }

        switch (device)
        {
            case BootDevice.Disk:
                DiskSpec? disk = run.Model.BootDisk(vm);
                return disk is null ? Attempt.NotThere
                    : disk.Blank ? Attempt.Fails(p.DiskTimeout, $"the boot disk {disk.Name} is blank")
                    : Attempt.Go;
            case BootDevice.Floppy:
                return Attempt.Fails(p.FloppyTimeout, "no bootable floppy disk");
            case BootDevice.Dvd:
                return vm.Dvd == DvdMedia.Empty ? Attempt.Fails(p.DvdTimeout, "the DVD drive is empty")
                    : InstallTarget(run) is null ? Attempt.Fails(p.DvdTimeout, "the install DVD waited for a key press: the boot disk is not blank (or there is none)")
                    : Attempt.Go;
            default:
                if (run.Model.PxeNic(vm) is not { } nic)
                {
                    return Attempt.NotThere;
                }

                NetworkSpec? network = Cluster.Spec.Networks.FirstOrDefault(n => n.Name == nic.Network);
                if (network is not { Pxe: true })
                {
                    return Attempt.Fails(p.PxeTimeout, $"no PXE server answers on {nic.Network}");
                }

                Nic? hostNic = run.Host.Nics.Where(n => n.IsUpOn(nic.Network)).OrderBy(n => n.Receive.FlowCount).FirstOrDefault();
                return hostNic is null
                    ? Attempt.Fails(p.PxeTimeout, $"{run.Host.Name} has no NIC up on {nic.Network}")
                    : new Attempt(false, null, null, hostNic, network);
        }
    }

    private IEnumerable<Event> Firmware(BootRun run)
    {
        foreach (var (kind, duration) in run.Model.Firmware(Cluster.Spec.Cluster.Boot, run.Vm.Spec))
        {
            run.Begin(kind, null);
            yield return Cluster.Simulation.Timeout(duration);
            run.End();
        }
    }

    /// <summary>The boot loader through the firmware's disk path, the rest of the OS through the guest's, then its start-up.</summary>
    private IEnumerable<Event> DiskBoot(BootRun run)
    {
        BootSpec p = Cluster.Spec.Cluster.Boot;
        DiskSpec disk = run.Model.BootDisk(run.Vm.Spec)!;
        Volume? volume = disk.Storage is { } name ? Cluster.VolumeNamed(name) : null;
        GuestOsProfile os = run.Os;
        long loader = Math.Min(os.LoaderBytes, os.BootReadBytes);
        foreach (Event e in Move(run, "bootLoader", BootDevice.Disk, loader, read: true, Volume(volume, os.BootIoSizeBytes, run.Model.FirmwareReadBytesPerSecond(p))))
        {
            yield return e;
        }

        foreach (Event e in Move(run, "osLoad", BootDevice.Disk, os.BootReadBytes - loader, read: true, Volume(volume, os.BootIoSizeBytes, double.PositiveInfinity)))
        {
            yield return e;
        }

        if (run.Failed)
        {
            yield break;
        }

        run.Begin("osInit", BootDevice.Disk);
        yield return Cluster.Simulation.Timeout(os.InitTime);
        run.End();
        run.Booted = true;
    }

    /// <summary>
    /// PXE: DHCP with the server, then the boot image over TFTP at min(adapter rate, block × window ÷ round trip),
    /// sharing the host NIC's receive side; then the install from the network. With an OS on the disk the server
    /// has nothing to do and the firmware goes on to the next device.
    /// </summary>
    private IEnumerable<Event> NetworkBoot(BootRun run, Attempt attempt)
    {
        BootSpec p = Cluster.Spec.Cluster.Boot;
        Nic nic = attempt.Nic!;
        if (InstallTarget(run) is null)
        {
            run.Begin("pxe", BootDevice.Network);
            yield return Cluster.Simulation.Timeout(p.PxeDhcp);
            run.End(reason: "the PXE server had nothing to install: the boot disk is not blank (or there is none)");
            run.Tried.Add("network: nothing to install");
            yield break;
        }

        run.Begin("pxe", BootDevice.Network);
        yield return Cluster.Simulation.Timeout(p.PxeDhcp);
        double tftp = TftpBytesPerSecond(p, run.Model, attempt.Network!.TftpWindow);
        foreach (Event e in Flow(run, run.Os.BootImageBytes, [new FlowUsage(nic.Receive, 1)], Math.Min(tftp, run.Model.NicBytesPerSecond(p)), read: true))
        {
            yield return e;
        }

        foreach (Event e in Install(run, BootDevice.Network, [new FlowUsage(nic.Receive, 1)], run.Model.NicBytesPerSecond(p)))
        {
            yield return e;
        }
    }

    /// <summary>TFTP's rate: block × window ÷ round trip (lockstep when the window is 1).</summary>
    public static double TftpBytesPerSecond(BootSpec parameters, IBootModel model, int window)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(model);
        return parameters.TftpBlockBytes * (double)Math.Max(1, window) / model.TftpRoundTrip(parameters).Seconds;
    }

    /// <summary>An install DVD: its boot image read through the firmware's DVD path, then the install from the DVD (the ISO on the boot disk's volume).</summary>
    private IEnumerable<Event> DvdInstall(BootRun run)
    {
        BootSpec p = Cluster.Spec.Cluster.Boot;
        DiskSpec disk = InstallTarget(run)!;
        Volume? volume = disk.Storage is { } name ? Cluster.VolumeNamed(name) : null;
        run.Begin("dvd", BootDevice.Dvd);
        foreach (Event e in Flow(run, run.Os.BootImageBytes, volume?.Usages(p.InstallIoSizeBytes) ?? [], Bound(volume, run.Model.FirmwareReadBytesPerSecond(p)), read: true))
        {
            yield return e;
        }

        foreach (Event e in Install(run, BootDevice.Dvd, volume?.Usages(p.InstallIoSizeBytes) ?? [], Bound(volume, double.PositiveInfinity)))
        {
            yield return e;
        }
    }

    /// <summary>Windows PE starts, Setup copies the install image from its source and writes it to the boot disk, finishes, and the VM reboots from the disk.</summary>
    private IEnumerable<Event> Install(BootRun run, BootDevice source, IReadOnlyList<FlowUsage> from, double bound)
    {
        BootSpec p = Cluster.Spec.Cluster.Boot;
        if (run.Failed)
        {
            yield break;
        }

        run.Begin("winPe", source);
        yield return Cluster.Simulation.Timeout(p.WinPeStart);
        run.End();
        foreach (Event e in Move(run, "installCopy", source, run.Os.InstallImageBytes, read: true, (from, bound)))
        {
            yield return e;
        }

        DiskSpec disk = InstallTarget(run)!;
        Volume? volume = disk.Storage is { } name ? Cluster.VolumeNamed(name) : null;
        foreach (Event e in Move(run, "installWrite", BootDevice.Disk, run.Os.InstallWriteBytes, read: false, Volume(volume, p.InstallIoSizeBytes, double.PositiveInfinity)))
        {
            yield return e;
        }

        if (run.Failed)
        {
            yield break;
        }

        run.Begin("setup", BootDevice.Disk);
        yield return Cluster.Simulation.Timeout(p.SetupTime);
        run.End();
        run.Installed = true;
        foreach (Event e in Firmware(run))
        {
            yield return e;
        }

        foreach (Event e in DiskBoot(run))
        {
            yield return e;
        }
    }

    /// <summary>The blank boot disk an install writes to, or null (none, or it holds an OS already).</summary>
    private static DiskSpec? InstallTarget(BootRun run) =>
        run.Model.BootDisk(run.Vm.Spec) is { Blank: true } disk && !run.Installed ? disk : null;

    private (IReadOnlyList<FlowUsage> Usages, double Bound) Volume(Volume? volume, long ioSize, double cap) =>
        (volume?.Usages(ioSize) ?? [], Bound(volume, cap));

    /// <summary>A flow's own cap: <paramref name="cap"/>, and the unlimited-storage rate when the volume limits nothing.</summary>
    private double Bound(Volume? volume, double cap) =>
        volume is null || !volume.LimitedResources.Any() ? Math.Min(cap, Cluster.Spec.Cluster.Boot.UnlimitedBytesPerSecond) : cap;

    private IEnumerable<Event> Move(BootRun run, string kind, BootDevice device, long bytes, bool read, (IReadOnlyList<FlowUsage> Usages, double Bound) path)
    {
        if (run.Failed)
        {
            yield break;
        }

        run.Begin(kind, device);
        foreach (Event e in Flow(run, bytes, path.Usages, path.Bound, read))
        {
            yield return e;
        }
    }

    /// <summary>Moves <paramref name="bytes"/> as one flow and ends the open phase with them; a failed flow fails the boot.</summary>
    private IEnumerable<Event> Flow(BootRun run, long bytes, IReadOnlyList<FlowUsage> usages, double bound, bool read)
    {
        if (bytes > 0)
        {
            run.Flow = Cluster.Flows.Start($"boot:{run.Vm.Name}", bytes, usages, bound);
            yield return run.Flow.Completion.Tolerated();
            bool ok = run.Flow.Completion.Ok;
            string? error = run.Flow.Completion.Error?.Message;
            run.Flow = null;
            if (!ok)
            {
                run.End(reason: error);
                run.Finish(null, $"the boot's transfer failed: {error}");
                yield break;
            }
        }

        run.End(read ? bytes : 0, read ? 0 : bytes);
    }

    private static string Word(BootDevice device) => device.ToString().ToLowerInvariant();

    /// <summary>What trying a device gives.</summary>
    private sealed record Attempt(bool Absent, SimTime? Cost, string? Reason, Nic? Nic = null, NetworkSpec? Network = null)
    {
        public static Attempt NotThere { get; } = new(true, null, null);

        public static Attempt Go { get; } = new(false, null, null);

        public static Attempt Fails(SimTime cost, string reason) => new(false, cost, reason);
    }

    /// <summary>One boot in progress or done.</summary>
    private sealed class BootRun(Boots owner, VirtualMachine vm, Host host, SimTime requestedAt, Action online, Action<string?> done)
    {
        private readonly List<BootPhaseRecord> _phases = [];
        private readonly double _startedAt = owner.Cluster.Simulation.Now.Seconds;
        private (string Kind, BootDevice? Device, double Start)? _open;
        private double? _onlineAt;
        private double? _runningAt;
        private string? _device;
        private string _result = "booting";
        private string? _reason;

        public VirtualMachine Vm { get; } = vm;

        public Host Host { get; } = host;

        public IBootModel Model { get; } = BootModels.For(vm.Spec.Generation);

        public GuestOsProfile Os { get; } = GuestOsProfiles.For(vm.Spec);

        public Process? Process { get; set; }

        public Flow.Flow? Flow { get; set; }

        public List<string> Tried { get; } = [];

        public bool Booted { get; set; }

        public bool Installed { get; set; }

        /// <summary>True once the boot has ended (failed or aborted): the steps left do nothing.</summary>
        public bool Failed => _result != "booting";

        private double Now => owner.Cluster.Simulation.Now.Seconds;

        public void Begin(string kind, BootDevice? device) => _open = (kind, device, Now);

        public void End(long read = 0, long written = 0, string? reason = null)
        {
            if (_open is not { } o)
            {
                return;
            }

            _phases.Add(new BootPhaseRecord(o.Kind, o.Start, Now)
            {
                Device = o.Device is { } d ? Word(d) : null,
                BytesRead = read,
                BytesWritten = written,
                Reason = reason,
            });
            _open = null;
        }

        public void Online()
        {
            _onlineAt = Now;
            online();
        }

        public void Finish(string? device, string? reason)
        {
            if (Failed)
            {
                return;
            }

            owner._active.Remove(Vm);
            _device = device;
            _reason = reason;
            _result = reason is null ? "running" : "failed";
            _runningAt = reason is null ? Now : null;
            done(reason);
        }

        public void Abort(string reason)
        {
            owner._active.Remove(Vm);
            if (Flow is { } f)
            {
                owner.Cluster.Flows.Cancel(f);
                Flow = null;
            }

            End(reason: reason);
            _result = "aborted";
            _reason = reason;
            Process?.Kill(reason);
        }

        public BootRecord Record() => new(Vm.Name, (int)Vm.Spec.Generation, Host.Name, requestedAt.Seconds, _startedAt)
        {
            GuestOs = Os.Name,
            OnlineAt = _onlineAt,
            RunningAt = _runningAt,
            Device = _device,
            Result = _result,
            Reason = _reason,
            Phases = _phases.ToArray(),
        };
    }
}
