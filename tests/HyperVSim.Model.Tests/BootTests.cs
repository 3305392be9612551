using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Boot;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using static HyperVSim.Model.Tests.TestScenarios;

namespace HyperVSim.Model.Tests;

/// <summary>
/// Boot models (docs/model.md §Boot): each boot's time against the closed form of its phases; generation 2 against
/// generation 1 within Microsoft's "up to 20%" (boot) and "up to 50%" (install over PXE); a device that cannot boot
/// costs exactly its time-out; nothing bootable leaves the VM failed with the reason; the start throttle holds.
/// </summary>
public sealed class BootTests
{
    private const double Bandwidth = 2e9;
    private const long Iops = 80_000;
    private static readonly BootSpec P = new();
    private static readonly GuestOsProfile Os = GuestOsProfiles.For(new VmSpec { Name = "x", MemoryBytes = GiB, GuestOs = "ws2012r2" });

    /// <summary>A volume's rate for I/Os of <paramref name="io"/> bytes: min(bandwidth, IOPS × size).</summary>
    private static double Rate(long io) => Math.Min(Bandwidth, Iops * (double)io);

    private static VmSpec BootVm(string name, VmGeneration generation, string host, bool blank = false, string network = "prod") => new()
    {
        Name = name,
        Host = host,
        MemoryBytes = 4 * GiB,
        Generation = generation,
        GuestOs = "ws2012r2",
        State = VmInitialState.Off,
        Disks = [new DiskSpec("os", 60 * GiB, generation == VmGeneration.Two ? DiskController.Scsi : DiskController.Ide, "csv1") { Blank = blank }],
        Nics = [new VmNicSpec(network) { Legacy = generation == VmGeneration.One }],
    };

    private static ScenarioSpec Boots(IReadOnlyList<VmSpec> vms, IReadOnlyList<HostSpec>? hosts = null, StorageSpec? volume = null, int tftpWindow = 1, params ScenarioEventSpec[] events) =>
        Scenario(NoFixedCosts(), hosts ?? [Host("hv1"), Host("hv2")], vms, events.Length > 0 ? events : vms.Select(v => (ScenarioEventSpec)new StartEventSpec(SimTime.FromSeconds(10), v.Name)).ToArray()) with
        {
            Storage = [volume ?? new StorageSpec { Name = "csv1", BytesPerSecond = Bandwidth, Iops = Iops }],
            Networks = [new NetworkSpec("lm", NetworkRole.LiveMigration), new NetworkSpec("prod", NetworkRole.Vm) { Pxe = true, TftpWindow = tftpWindow }],
        };

    private static BootRecord Only(SimulationResult r, string vm) => r.Boots.Single(b => b.Vm == vm);

    /// <summary>
    /// Alone on the volume: T1 = POST + L ÷ min(IDE, V) + (R − L) ÷ V + init and T2 = UEFI + Secure Boot + R ÷ V + init,
    /// with V = min(B, IOPS × 8 KiB) (docs/model.md §Boot, "Generation 2 against generation 1").
    /// </summary>
    [Fact]
    public void Gen2_boots_faster_than_gen1_on_the_same_storage_within_up_to_20_percent()
    {
        // One after the other, so neither shares the volume with the other.
        SimulationResult r = ClusterSimulation.Run(Boots(
            [BootVm("g1", VmGeneration.One, "hv1"), BootVm("g2", VmGeneration.Two, "hv2")],
            events: [new StartEventSpec(SimTime.FromSeconds(10), "g1"), new StartEventSpec(SimTime.FromSeconds(100), "g2")]));

        double v = Rate(Os.BootIoSizeBytes);
        double t1 = P.BiosPost.Seconds + (Os.LoaderBytes / Math.Min(P.EmulatedIdeBytesPerSecond, v)) + ((Os.BootReadBytes - Os.LoaderBytes) / v) + Os.InitTime.Seconds;
        double t2 = P.UefiInit.Seconds + P.SecureBootCheck.Seconds + (Os.BootReadBytes / v) + Os.InitTime.Seconds;
        BootRecord g1 = Only(r, "g1"), g2 = Only(r, "g2");
        g1.BootSeconds().Should().BeApproximately(t1, 1e-6);
        g2.BootSeconds().Should().BeApproximately(t2, 1e-6);
        g1.Device.Should().Be("disk");
        g2.Phases.Select(p => p.Kind).Should().Equal("firmware", "secureBoot", "bootLoader", "osLoad", "osInit");
        double saving = (t1 - t2) / t1;
        saving.Should().BeInRange(0.05, 0.20, "Microsoft: generation 2 boots up to 20% faster");
    }

    /// <summary>
    /// A PXE install: DHCP + boot image ÷ min(NIC, block × window ÷ RTT) + Windows PE + image ÷ NIC + write + setup +
    /// a disk boot; generation 1's legacy NIC (100 Mbps, emulated round trips) against generation 2's synthetic one.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    public void Gen2_installs_over_pxe_faster_than_gen1_within_up_to_50_percent(int window)
    {
        SimulationResult r = ClusterSimulation.Run(Boots(
            [BootVm("g1", VmGeneration.One, "hv1", blank: true), BootVm("g2", VmGeneration.Two, "hv2", blank: true)],
            tftpWindow: window,
            events: [new StartEventSpec(SimTime.FromSeconds(10), "g1"), new StartEventSpec(SimTime.FromSeconds(5000), "g2")]));

        BootRecord g1 = Only(r, "g1"), g2 = Only(r, "g2");
        g1.Device.Should().Be("network");
        g2.Device.Should().Be("network");
        double tftp1 = Math.Min(P.LegacyNicBytesPerSecond, P.TftpBlockBytes * window / (P.TftpRoundTrip + P.LegacyNicLatency).Seconds);
        double tftp2 = P.TftpBlockBytes * window / P.TftpRoundTrip.Seconds;
        Phase(g1, "pxe").Should().BeApproximately(P.PxeDhcp.Seconds + (Os.BootImageBytes / tftp1), 1e-6);
        Phase(g2, "pxe").Should().BeApproximately(P.PxeDhcp.Seconds + (Os.BootImageBytes / tftp2), 1e-6);
        Phase(g1, "installCopy").Should().BeApproximately(Os.InstallImageBytes / P.LegacyNicBytesPerSecond, 1e-6);
        Phase(g1, "timeout").Should().Be(P.DiskTimeout.Seconds, "the blank disk is tried first and gives up after its time-out");
        double saving = (g1.BootSeconds() - g2.BootSeconds()) / g1.BootSeconds();
        saving.Should().BeInRange(0.25, 0.50, "Microsoft: generation 2 installs an OS up to 50% faster (synthetic PXE and SCSI)");
    }

    [Theory]
    [InlineData(VmGeneration.One, DvdMedia.Empty, false)]
    [InlineData(VmGeneration.Two, DvdMedia.Empty, false)]
    [InlineData(VmGeneration.One, DvdMedia.None, true)]
    public void A_failing_first_device_adds_exactly_its_timeout(VmGeneration generation, DvdMedia dvd, bool floppy)
    {
        VmSpec plain = BootVm("plain", generation, "hv1") with { BootOrder = [BootDevice.Disk] };
        BootDevice first = floppy ? BootDevice.Floppy : BootDevice.Dvd;
        VmSpec failing = BootVm("failing", generation, "hv2") with { BootOrder = [first, BootDevice.Disk], Dvd = dvd, Floppy = floppy };
        SimulationResult r = ClusterSimulation.Run(Boots([plain, failing], events:
            [new StartEventSpec(SimTime.FromSeconds(10), "plain"), new StartEventSpec(SimTime.FromSeconds(100), "failing")]));

        SimTime timeout = floppy ? P.FloppyTimeout : P.DvdTimeout;
        BootRecord a = Only(r, "plain"), b = Only(r, "failing");
        SimTime.FromSeconds(b.BootSeconds()).Should().Be(SimTime.FromSeconds(a.BootSeconds()) + timeout);
        b.Phases.Single(p => p.Kind == "timeout").Device.Should().Be(floppy ? "floppy" : "dvd");
    }

    [Fact]
    public void A_network_without_a_pxe_server_costs_the_pxe_timeout()
    {
        VmSpec plain = BootVm("plain", VmGeneration.Two, "hv1") with { BootOrder = [BootDevice.Disk] };
        VmSpec pxeFirst = BootVm("pxeFirst", VmGeneration.Two, "hv2", network: "lm") with { BootOrder = [BootDevice.Network, BootDevice.Disk] };
        SimulationResult r = ClusterSimulation.Run(Boots([plain, pxeFirst], events:
            [new StartEventSpec(SimTime.FromSeconds(10), "plain"), new StartEventSpec(SimTime.FromSeconds(200), "pxeFirst")]));

        (Only(r, "pxeFirst").BootSeconds() - Only(r, "plain").BootSeconds()).Should().BeApproximately(P.PxeTimeout.Seconds, 1e-9);
        Only(r, "pxeFirst").Phases.Single(p => p.Kind == "timeout").Reason.Should().Be("no PXE server answers on lm");
    }

    [Fact]
    public void Nothing_bootable_leaves_the_vm_failed_with_the_reason()
    {
        VmSpec vm = BootVm("empty", VmGeneration.One, "hv1", blank: true, network: "lm") with { Dvd = DvdMedia.Empty, Floppy = true };
        SimulationResult r = ClusterSimulation.Run(Boots([vm]));

        BootRecord b = Only(r, "empty");
        b.Result.Should().Be("failed");
        b.RunningAt.Should().BeNull();
        b.Reason.Should().Be("no boot device could boot (dvd: the DVD drive is empty; disk: the boot disk os is blank; network: no PXE server answers on lm; floppy: no bootable floppy disk)");
        double expected = P.BiosPost.Seconds + P.DvdTimeout.Seconds + P.DiskTimeout.Seconds + P.PxeTimeout.Seconds + P.FloppyTimeout.Seconds;
        (b.Phases[^1].End - b.StartedAt).Should().BeApproximately(expected, 1e-9);
        VmRecord v = r.Vms.Single();
        v.State.Should().Be("failed");
        v.Timeline[^1].Reason.Should().Contain("no boot device could boot");
    }

    [Fact]
    public void Boots_sharing_a_volume_share_its_rate()
    {
        // Two generation 2 boots at once: both OS loads cross the volume together, each at half its rate.
        SimulationResult r = ClusterSimulation.Run(Boots([BootVm("a", VmGeneration.Two, "hv1"), BootVm("b", VmGeneration.Two, "hv2")]));

        double v = Rate(Os.BootIoSizeBytes);
        double alone = P.UefiInit.Seconds + P.SecureBootCheck.Seconds + (Os.BootReadBytes / v) + Os.InitTime.Seconds;
        double shared = alone + (Os.BootReadBytes / v);
        Only(r, "a").BootSeconds().Should().BeApproximately(shared, 1e-6);
        Only(r, "b").BootSeconds().Should().BeApproximately(shared, 1e-6);
    }

    /// <summary>
    /// Property (fixed seeds): whatever the number of VMs, hosts and generations, a sweep over every boot's
    /// [startedAt, onlineAt) never finds more than the throttle (32) on one node, and every VM runs.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void At_no_instant_do_more_than_32_vms_start_on_a_node(int seed)
    {
        var random = new Random(seed);
        int hosts = random.Next(1, 5);
        int vms = random.Next(40, 200);
        HostSpec[] hs = Enumerable.Range(1, hosts).Select(i => Host($"hv{i}", memory: 1024 * GiB)).ToArray();
        VmSpec[] vs = Enumerable.Range(1, vms).Select(i => BootVm($"vm{i}", random.Next(2) == 0 ? VmGeneration.One : VmGeneration.Two, $"hv{random.Next(1, hosts + 1)}") with
        {
            Host = null,
            MemoryBytes = 2 * GiB,
            Priority = new[] { 1000, 2000, 3000 }[random.Next(3)],
        }).ToArray();
        SimulationResult r = ClusterSimulation.Run(Boots(vs, hs, events: [new PowerOnEventSpec(SimTime.FromSeconds(random.Next(0, 30)), [])]));

        r.Boots.Should().HaveCount(vms);
        r.Boots.Should().OnlyContain(b => b.Result == "running");
        foreach (var node in r.Boots.GroupBy(b => b.Host))
        {
            // Slots free before new ones are taken at the same instant: (time, -1) sorts before (time, +1).
            int starting = 0, peak = 0;
            foreach (var (_, delta) in node.SelectMany(b => new[] { (b.StartedAt, 1), (b.OnlineAt!.Value, -1) }).OrderBy(e => e.Item1).ThenBy(e => e.Item2))
            {
                starting += delta;
                peak = Math.Max(peak, starting);
            }

            peak.Should().BeLessThanOrEqualTo(32, $"node {node.Key} may start at most 32 VMs at once");
            if (node.Count() > 32)
            {
                peak.Should().Be(32, "with more VMs than slots the throttle is reached");
            }
        }

        // Higher priorities get start slots first.
        r.Boots.OrderBy(b => b.StartedAt).First().Vm.Should().Be(vs.Where(v => v.Priority == vs.Max(x => x.Priority)).First().Name);
    }

    [Fact]
    public void A_storm_on_slower_storage_lasts_longer_and_gen2_gains_little_there()
    {
        VmSpec[] vms = Enumerable.Range(1, 40).Select(i => BootVm($"vm{i}", i % 2 == 0 ? VmGeneration.Two : VmGeneration.One, "hv1") with { Host = null }).ToArray();
        var power = new PowerOnEventSpec(SimTime.FromSeconds(10), []);
        SimulationResult fast = ClusterSimulation.Run(Boots(vms, events: [power]));
        SimulationResult slow = ClusterSimulation.Run(Boots(vms, volume: new StorageSpec { Name = "csv1", BytesPerSecond = 600e6, Iops = 15_000 }, events: [power]));

        BootStormRecord[] f = [.. BootStormRecord.Of(fast.Boots)], s = [.. BootStormRecord.Of(slow.Boots)];
        s.Select(x => x.Seconds!.Value).Should().OnlyContain(x => x > f.Max(y => y.Seconds!.Value));

        // The whole storm reads 40 × R through the volume: it cannot end sooner than that allows.
        double floor = 40.0 * Os.BootReadBytes / Math.Min(600e6, 15_000 * 8192.0);
        s.Max(x => x.Seconds!.Value).Should().BeGreaterThan(floor);
    }

    [Fact]
    public void A_vm_without_a_boot_model_keeps_its_fixed_start_time()
    {
        VmSpec fixedVm = Vm("fixed", "hv1", 4 * GiB) with { State = VmInitialState.Off, StartTime = SimTime.FromSeconds(42) };
        SimulationResult r = ClusterSimulation.Run(Boots([fixedVm]));

        r.Boots.Should().BeEmpty();
        r.Vms.Single().Timeline[^1].At.Should().Be(52);
    }

    private static double Phase(BootRecord b, string kind) => b.Phases.Where(p => p.Kind == kind).Sum(p => p.Seconds);
}

/// <summary>Helpers on boot records for the tests.</summary>
internal static class BootRecordExtensions
{
    public static double BootSeconds(this BootRecord b) => b.RunningAt!.Value - b.StartedAt;
}
