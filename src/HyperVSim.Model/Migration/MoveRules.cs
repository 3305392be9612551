using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Migration;

/// <summary>
/// "Will it move?": the rules Hyper-V applies before a live migration, in one place. <see cref="WhyNot(VmSpec, HostSpec, HostSpec)"/>
/// holds the rules that depend only on configuration (version, CPU vendor, generation, virtual switches); the
/// scenario loader evaluates them on specs, and <see cref="WhyNot(VirtualMachine, Host, bool)"/> evaluates them
/// on live state at run time, with the rules that depend on state (running, paused or down target, free memory).
/// </summary>
public static class MoveRules
{
    /// <summary>Why configuration alone forbids moving <paramref name="vm"/> from <paramref name="source"/> to <paramref name="target"/>, or null.</summary>
    public static MoveRefusal? WhyNot(VmSpec vm, HostSpec source, HostSpec target)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return WhyNotBetween(vm.Name, source, target) ?? WhyNotOnto(vm, target);
    }

    /// <summary>The rules between two hosts whatever the VM: never to an older version, never across CPU vendors.</summary>
    public static MoveRefusal? WhyNotBetween(string vmName, HostSpec source, HostSpec target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (source.Version == HyperVVersion.V2012R2 && target.Version == HyperVVersion.V2012)
        {
            return new(MoveRule.OlderVersion, $"a VM cannot live-migrate from 2012 R2 ({source.Name}) back to 2012 ({target.Name}): live migration to an older version is not possible", "migrate it to a 2012R2 host");
        }

        if (source.Cpu.Vendor != target.Cpu.Vendor)
        {
            string from = Word(source.Cpu.Vendor), to = Word(target.Cpu.Vendor);
            return new(MoveRule.CpuVendor, $"live migration never crosses CPU vendors: {source.Name} is {from}, {target.Name} is {to}", $"migrate {vmName} to an {from} host");
        }

        return null;
    }

    /// <summary>The rules of the destination alone: it can run the VM's generation and has a virtual switch for each of its adapters.</summary>
    public static MoveRefusal? WhyNotOnto(VmSpec vm, HostSpec target)
    {
        ArgumentNullException.ThrowIfNull(vm);
        ArgumentNullException.ThrowIfNull(target);
        if (vm.Generation == VmGeneration.Two && target.Version == HyperVVersion.V2012)
        {
            return new(MoveRule.Generation, $"{vm.Name} is a generation 2 VM, and {target.Name} runs 2012, which cannot run it", "migrate it to a 2012R2 host");
        }

        for (int i = 0; i < vm.Nics.Count; i++)
        {
            VmNicSpec nic = vm.Nics[i];
            if (!target.HasVirtualSwitch(nic.Network))
            {
                return new(MoveRule.VirtualSwitch, $"{target.Name} has no virtual switch named '{nic.Network}' for {vm.Name}'s network adapter, so the move would fail", $"give {target.Name} a NIC on network {nic.Network}, or list '{nic.Network}' in its virtualSwitches");
            }
        }

        return null;
    }

    /// <summary>Why Hyper-V would refuse to live-migrate <paramref name="vm"/> to <paramref name="target"/> now, or null when it can.</summary>
    public static string? WhyNot(VirtualMachine vm, Host target, bool checkMemory)
    {
        ArgumentNullException.ThrowIfNull(vm);
        ArgumentNullException.ThrowIfNull(target);
        Host? source = vm.Host;
        if (source is null)
        {
            return $"VM '{vm.Name}' is not on any host";
        }

        if (ReferenceEquals(source, target))
        {
            return $"VM '{vm.Name}' already runs on {target.Name}";
        }

        if (vm.State != VmState.Running)
        {
            return $"VM '{vm.Name}' is {vm.State.ToString().ToLowerInvariant()}; only a running VM can be live-migrated";
        }

        if (!target.IsUp)
        {
            return $"{target.Name} is down";
        }

        if (target.Paused)
        {
            return $"{target.Name} is paused (drained): the cluster places nothing on a paused node";
        }

        if (WhyNot(vm.Spec, source.Spec, target.Spec) is { } refusal)
        {
            return refusal.Message;
        }

        if (checkMemory && target.FreeMemoryBytes < vm.Spec.MemoryBytes)
        {
            return $"{target.Name} has not enough memory: the VM needs {Bytes(vm.Spec.MemoryBytes)}, {Bytes(Math.Max(0, target.FreeMemoryBytes))} is free";
        }

        return null;
    }

    /// <summary>The vendor as scenarios write it.</summary>
    private static string Word(CpuVendor vendor) => vendor == CpuVendor.Amd ? "amd" : "intel";

    private static string Bytes(long b) => b >= 1L << 30
        ? $"{b / (double)(1L << 30):0.##} GiB"
        : $"{b / (double)(1L << 20):0.##} MiB";
}

/// <summary>Which configuration rule refused a move.</summary>
public enum MoveRule
{
    OlderVersion,
    CpuVendor,
    Generation,
    VirtualSwitch,
}

/// <summary>A move configuration forbids: the rule, why in words, and a fix for a scenario's author.</summary>
public sealed record MoveRefusal(MoveRule Rule, string Message, string Fix);
