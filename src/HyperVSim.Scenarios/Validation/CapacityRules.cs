using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Scenarios.Validation;

/// <summary>
/// What fits: the cluster's node and VM counts, each host's reserve, the memory of the VMs placed on a host (running
/// ones together, each off one alone), a VM's vCPUs against the host's logical processors, a working set within its VM.
/// </summary>
internal static class CapacityRules
{
    public static void Check(ValidationContext c)
    {
        Totals(c);
        var hosts = c.Scenario.Hosts.Where(h => !h.Broken).ToArray();
        foreach (Sourced<HostSpec> host in hosts)
        {
            if (host.Spec.MemoryReserveBytes >= host.Spec.MemoryBytes)
            {
                c.Add(host.Origin.Of("memoryReserve"), $"memoryReserve {Units.FormatSize(host.Spec.MemoryReserveBytes)} leaves nothing for VMs in {Units.FormatSize(host.Spec.MemoryBytes)} of memory", "make memoryReserve smaller than memory");
                continue;
            }

            PlacedMemory(c, host);
        }

        // Copies of a counted VM differ only in name: check each element once.
        foreach (Sourced<VmSpec> vm in c.Scenario.Vms.Where(v => !v.Broken).DistinctBy(v => v.Origin))
        {
            Fits(c, vm, hosts);
            if (vm.Spec.Dirtying.WorkingSetBytes is { } ws && ws > vm.Spec.MemoryBytes)
            {
                c.Add(vm.Origin.Of("memoryDirtying.workingSet"), $"working set {Units.FormatSize(ws)} is more than the VM's memory {Units.FormatSize(vm.Spec.MemoryBytes)}", "make workingSet at most the VM's memory");
            }
        }
    }

    private static void Totals(ValidationContext c)
    {
        ReadScenario s = c.Scenario;
        if (s.Hosts.Count > Limits.MaxHosts)
        {
            c.Add(s.Root.Of("hosts"), $"{s.Hosts.Count} hosts are more than a failover cluster's {Limits.MaxHosts} nodes", "use at most 64 hosts (counts included)");
        }

        if (s.Vms.Count > Limits.MaxVms)
        {
            c.Add(s.Root.Of("vms"), $"{s.Vms.Count} VMs are more than the {Limits.MaxVms} a Hyper-V 2012 R2 cluster runs", "use at most 8000 VMs (counts included)");
        }
    }

    private static void PlacedMemory(ValidationContext c, Sourced<HostSpec> host)
    {
        HostSpec h = host.Spec;
        long available = h.MemoryBytes - h.MemoryReserveBytes;
        var placed = c.Scenario.Vms.Where(v => !v.Broken && v.Spec.Host == h.Name).ToArray();
        if (placed.Length > Limits.MaxVmsPerHost)
        {
            c.Add(placed[Limits.MaxVmsPerHost].Origin.Of("host"), $"{placed.Length} VMs are placed on {h.Name}; a Hyper-V 2012 R2 host runs at most {Limits.MaxVmsPerHost}", $"place at most {Limits.MaxVmsPerHost} VMs on {h.Name}");
        }

        var running = placed.Where(v => v.Spec.State == VmInitialState.Running).ToArray();
        long total = running.Sum(v => v.Spec.MemoryBytes);
        if (total > available)
        {
            long sum = 0;
            Sourced<VmSpec> overflow = running.First(v => (sum += v.Spec.MemoryBytes) > available);
            string list = ValidationContext.List(running.Select(v => $"{v.Spec.Name} {Units.FormatSize(v.Spec.MemoryBytes)}"));
            c.Add(
                overflow.Origin.Of("host"),
                $"the running VMs placed on {h.Name} need {Units.FormatSize(total)} ({list}) but {h.Name} has {Units.FormatSize(available)} for VMs ({Units.FormatSize(h.MemoryBytes)} memory - {Units.FormatSize(h.MemoryReserveBytes)} reserve)",
                $"place fewer VMs on {h.Name}, give them less memory, or give {h.Name} more memory");
        }

        foreach (Sourced<VmSpec> off in placed.Where(v => v.Spec.State == VmInitialState.Off && v.Spec.MemoryBytes > available).DistinctBy(v => v.Origin))
        {
            c.Add(off.Origin.Of("memory"), $"the VM needs {Units.FormatSize(off.Spec.MemoryBytes)} but {h.Name} has {Units.FormatSize(available)} for VMs", "give the VM less memory, or place it elsewhere");
        }
    }

    private static void Fits(ValidationContext c, Sourced<VmSpec> vm, IReadOnlyList<Sourced<HostSpec>> hosts)
    {
        VmSpec v = vm.Spec;
        if (v.Host is { } name)
        {
            if (c.Hosts.TryGetValue(name, out var host) && !host.Broken && v.Vcpus > host.Spec.Cpu.Cores)
            {
                c.Add(vm.Origin.Of("vcpus"), $"{v.Vcpus} virtual processors are more than the {host.Spec.Cpu.Cores} logical processors of {name}", $"give the VM at most {host.Spec.Cpu.Cores} vcpus, or place it on a larger host");
            }

            return;
        }

        if (hosts.Count == 0)
        {
            return;
        }

        Sourced<HostSpec> roomiest = hosts.MaxBy(h => h.Spec.MemoryBytes - h.Spec.MemoryReserveBytes)!;
        long most = roomiest.Spec.MemoryBytes - roomiest.Spec.MemoryReserveBytes;
        if (v.MemoryBytes > most)
        {
            c.Add(vm.Origin.Of("memory"), $"the VM needs {Units.FormatSize(v.MemoryBytes)} but no host has that much for VMs (the most is {Units.FormatSize(most)} on {roomiest.Spec.Name})", "give the VM less memory, or give a host more");
        }

        int cores = hosts.Max(h => h.Spec.Cpu.Cores);
        if (v.Vcpus > cores)
        {
            c.Add(vm.Origin.Of("vcpus"), $"{v.Vcpus} virtual processors are more than any host has ({cores} logical processors at most)", $"give the VM at most {cores} vcpus");
        }
    }
}
