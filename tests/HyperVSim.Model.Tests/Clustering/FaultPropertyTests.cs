using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Clustering;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using Xunit;
using static HyperVSim.Model.Tests.Clustering.ClusterScenarios;

namespace HyperVSim.Model.Tests.Clustering;

/// <summary>
/// Invariants over random fault sequences (fixed seeds, bounded sizes): checked after every VM state change and at the
/// end, when every fault has been repaired and the cluster has had time to recover.
/// </summary>
public sealed class FaultPropertyTests
{
    private const int Throttle = 3;

    public static TheoryData<int> Seeds()
    {
        // HVS_FAULT_SEQUENCES=N runs N sequences (a soak); the suite runs 40.
        int count = int.TryParse(Environment.GetEnvironmentVariable("HVS_FAULT_SEQUENCES"), out int n) && n > 0 ? n : 40;
        var data = new TheoryData<int>();
        for (int seed = 1; seed <= count; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_fault_sequences_keep_the_cluster_consistent_and_recover_everything(int seed)
    {
        ScenarioSpec spec = RandomScenario(seed, out double lastRepair);
        var violations = new List<string>();
        ClusterService? service = null;

        SimulationResult r = ClusterSimulation.Run(spec, null, null, cluster =>
        {
            service = cluster.Component<ClusterService>();
            cluster.VmStateChanged += (vm, _) => Check(cluster, service, violations);
        });

        violations.Should().BeEmpty();
        service!.Restarts.PeakStarting.Should().BeLessThanOrEqualTo(Throttle);
        service.HasQuorum.Should().BeTrue("every node is repaired");
        r.Vms.Where(v => spec.Vms.Single(s => s.Name == v.Name).Priority > 0)
            .Where(v => v.State != "running")
            .Select(v => $"{v.Name}: {v.State} ({v.Timeline[^1].Reason})")
            .Should().BeEmpty($"every fault was repaired by {lastRepair:0} s and the cluster had until {spec.Until}");
        r.Vms.Should().OnlyContain(v => v.Availability >= 0 && v.Availability <= 1);
    }

    private static void Check(Cluster cluster, ClusterService service, List<string> violations)
    {
        if (violations.Count > 10)
        {
            return;
        }

        string at = cluster.Simulation.Now.ToString();
        foreach (VirtualMachine vm in cluster.Vms)
        {
            int on = cluster.Hosts.Count(h => h.Vms.Contains(vm));
            if (on > 1)
            {
                violations.Add($"{at}: {vm.Name} is on {on} hosts");
            }

            // A failed VM may be failed on its host (its guest crashed) or nowhere (its group passed the failover threshold).
            bool needsHost = vm.State is VmState.Running or VmState.Starting or VmState.Paused;
            if (needsHost && (vm.Host is null || !vm.Host.Vms.Contains(vm)))
            {
                violations.Add($"{at}: {vm.Name} is {vm.State} but on no host");
            }

            if (vm.State is VmState.Running or VmState.Starting && vm.Host is { } h && (!h.IsUp || !service.Members.Contains(h)))
            {
                violations.Add($"{at}: {vm.Name} is {vm.State} on {h.Name}, which is down or not a member");
            }
        }

        foreach (Host h in cluster.Hosts)
        {
            long used = h.Vms.Where(v => v.State is not (VmState.Off or VmState.Saved)).Sum(v => v.Spec.MemoryBytes) + h.IncomingReservedBytes;
            if (used > h.Spec.MemoryBytes - h.Spec.MemoryReserveBytes)
            {
                violations.Add($"{at}: {h.Name} holds {used} bytes, more than its {h.Spec.MemoryBytes - h.Spec.MemoryReserveBytes}");
            }

            if (used != h.HeldMemoryBytes + h.IncomingReservedBytes)
            {
                violations.Add($"{at}: {h.Name}'s memory accounting drifted");
            }

            int starting = h.Vms.Count(v => v.State == VmState.Starting);
            if (starting > Throttle)
            {
                violations.Add($"{at}: {h.Name} starts {starting} VMs at once");
            }
        }
    }

    /// <summary>4–6 nodes, VMs using at most half the memory, random fail/repair pairs of hosts, NICs, paths and volumes, all repaired by the end.</summary>
    internal static ScenarioSpec RandomScenario(int seed, out double lastRepair)
    {
        var rnd = new Random(seed);
        int hosts = rnd.Next(4, 7);
        long hostMemory = 64 * GiB;
        var hostSpecs = Enumerable.Range(1, hosts).Select(i => Host($"hv{i}", rnd.Next(3) == 0 ? "siteB" : "siteA", hostMemory)).ToArray();
        int[] priorities = [0, 1000, 2000, 3000];
        var vms = new List<VmSpec>();
        long budget = hosts * hostMemory / 2;
        for (int i = 1; budget > 8 * GiB && i <= 40; i++)
        {
            long mem = (1 + rnd.Next(8)) * GiB;
            budget -= mem;
            vms.Add(Vm($"vm{i:00}", null, mem, priorities[rnd.Next(4)]) with
            {
                Disks = [new DiskSpec("os", 40 * GiB, DiskController.Scsi, rnd.Next(2) == 0 ? "csv1" : "csv2")],
                StartTime = SimTime.FromSeconds(5 + rnd.Next(40)),
                AntiAffinity = rnd.Next(4) == 0 ? "pair" : null,
            });
        }

        var events = new List<ScenarioEventSpec>();
        string[] targets = Enumerable.Range(1, hosts).Select(i => $"host hv{i}")
            .Concat(Enumerable.Range(1, hosts).SelectMany(i => new[] { $"nic hv{i}/cl1", $"nic hv{i}/lm1", $"nic hv{i}/vm1" }))
            .Concat(Enumerable.Range(1, hosts).Select(i => $"storagePath hv{i}/csv{1 + rnd.Next(2)}"))
            .Concat(["storage csv1", "storage csv2"])
            .ToArray();
        var busyUntil = new Dictionary<string, double>();
        lastRepair = 0;
        int faults = rnd.Next(3, 12);
        for (int k = 0; k < faults; k++)
        {
            string t = targets[rnd.Next(targets.Length)];
            double start = Math.Round(rnd.NextDouble() * 3600, 3);
            double end = Math.Round(start + 1 + rnd.NextDouble() * 900, 3);
            if (busyUntil.TryGetValue(t, out double until) && start <= until)
            {
                continue;
            }

            busyUntil[t] = end;
            string[] parts = t.Split(' ');
            FaultTargetKind kind = Enum.Parse<FaultTargetKind>(parts[0], ignoreCase: true);
            events.Add(Fail(kind, parts[1], start));
            events.Add(Repair(kind, parts[1], end));
            lastRepair = Math.Max(lastRepair, end);
        }

        return Scenario(hostSpecs, vms,
            new ClusterSpec { LiveMigration = TestScenarios.NoFixedCosts(), StartThrottle = Throttle, Detection = new DetectionSpec { StorageFailure = SimTime.FromSeconds(30) } },
            SimTime.FromSeconds(lastRepair + 3 * 3600),
            events.OrderBy(e => e.At).ToArray()) with
        {
            Seed = seed,
            Storage = [new StorageSpec { Name = "csv1" }, new StorageSpec { Name = "csv2" }],
        };
    }
}
