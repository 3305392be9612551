using HyperVSim.Model.Components;

namespace HyperVSim.Model.Migration;

/// <summary>
/// Where the cluster moves a VM it must move (drain today, failover restart later): 2012 R2's memory-aware
/// placement [B] TechDays 2013, the node with the most free memory that can take the VM, counting the memory of
/// moves already requested to each node (<see cref="Host.PlannedIncomingBytes"/>) so that VMs spread. Paused and
/// down nodes are never chosen (the "will it move" rules refuse them), nor nodes outside the cluster membership or
/// that cannot reach the VM's storage.
/// </summary>
public sealed class Placement : IClusterComponent
{
    private Cluster? _cluster;

    public void Attach(Cluster cluster) => _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));

    /// <summary>Why <paramref name="h"/> is outside the cluster membership (when a cluster service keeps one), or null.</summary>
    private string? NotInCluster(Host h) =>
        _cluster!.FindComponent<Clustering.ClusterService>() is { } service && !service.Members.Contains(h)
            ? $"{h.Name} is not in the cluster membership"
            : null;

    /// <summary>The node to move <paramref name="vm"/> to, or null with every node's reason in <paramref name="why"/>.</summary>
    public Host? Choose(VirtualMachine vm, out string why) => Choose(vm, out why, null);

    /// <summary>As <see cref="Choose(VirtualMachine, out string)"/>, refusing also the nodes <paramref name="extra"/> gives a reason against.</summary>
    public Host? Choose(VirtualMachine vm, out string why, Func<Host, string?>? extra)
    {
        ArgumentNullException.ThrowIfNull(vm);
        Host? best = null;
        long bestFree = long.MinValue;
        List<string>? reasons = null; // made at the first refusal
        IReadOnlyList<Host> hosts = (_cluster ?? throw new InvalidOperationException("placement is not attached to a cluster")).Hosts;
        for (int i = 0; i < hosts.Count; i++)
        {
            Host h = hosts[i];
            if (ReferenceEquals(h, vm.Host))
            {
                continue;
            }

            string? refusal = MoveRules.WhyNot(vm, h, checkMemory: false)
                ?? (vm.Spec.PossibleOwners.Count > 0 && !vm.Spec.PossibleOwners.Contains(h.Name, StringComparer.Ordinal) ? $"{h.Name} is not a possible owner" : null)
                ?? NotInCluster(h)
                ?? (_cluster!.StorageReachable(vm, h, out string storage) ? null : storage)
                ?? extra?.Invoke(h);
            long free = h.FreeMemoryBytes - h.PlannedIncomingBytes;
            if (refusal is null && free < vm.Spec.MemoryBytes)
            {
                refusal = $"{h.Name} has {free / (double)(1L << 30):0.##} GiB free";
            }

            if (refusal is not null)
            {
                (reasons ??= []).Add(refusal);
                continue;
            }

            if (free > bestFree)
            {
                best = h;
                bestFree = free;
            }
        }

        why = reasons is null ? "the cluster has no other node" : string.Join("; ", reasons);
        return best;
    }
}
