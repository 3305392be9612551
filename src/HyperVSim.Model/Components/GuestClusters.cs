using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Components;

/// <summary>
/// Guest clusters on shared VHDX (docs/model.md §Guest clusters): VMs clustered inside their guests with their own
/// heartbeat. A member whose guest stops running (its host crashed, it was saved or crashed, or a live migration's
/// blackout) for <c>delay × threshold</c> is evicted; if it owned the guest cluster's role, the role fails over to the
/// first running member and is online there after <see cref="GuestClusterSpec.RoleFailover"/>. A member that runs
/// again rejoins.
/// </summary>
public sealed class GuestClusters : IClusterComponent
{
    private readonly List<GuestClusterEvent> _events = [];
    private readonly Dictionary<VirtualMachine, GuestClusterSpec> _clusterOf = [];
    private readonly Dictionary<string, VirtualMachine?> _owner = new(StringComparer.Ordinal);
    private readonly HashSet<VirtualMachine> _evicted = [];
    private readonly Dictionary<VirtualMachine, int> _generation = [];
    private Cluster? _cluster;

    /// <summary>What the guest clusters did, in time order.</summary>
    public IReadOnlyList<GuestClusterEvent> Events => _events;

    /// <summary>The member owning the role of <paramref name="guestCluster"/> now (null while the role is offline).</summary>
    public VirtualMachine? OwnerOf(string guestCluster) => _owner.GetValueOrDefault(guestCluster);

    public void Attach(Cluster cluster)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        foreach (GuestClusterSpec g in cluster.Spec.GuestClusters)
        {
            VirtualMachine[] members = cluster.Vms.Where(v => v.Spec.GuestCluster == g.Name).ToArray();
            foreach (VirtualMachine vm in members)
            {
                _clusterOf[vm] = g;
            }

            _owner[g.Name] = members.FirstOrDefault(v => v.State == VmState.Running);
        }

        if (_clusterOf.Count > 0)
        {
            cluster.VmStateChanged += OnVm;
        }
    }

    private void OnVm(VirtualMachine vm, VmState before)
    {
        if (!_clusterOf.TryGetValue(vm, out GuestClusterSpec? g) || before == vm.State)
        {
            return;
        }

        Cluster cluster = _cluster!;
        if (before == VmState.Running)
        {
            int generation = _generation[vm] = _generation.GetValueOrDefault(vm) + 1;
            SimTime limit = new(checked(g.Delay.Nanoseconds * g.Threshold));
            cluster.Simulation.Schedule(limit, _ => Check(vm, g, generation), null, "guest heartbeat");
        }
        else if (vm.State == VmState.Running)
        {
            _generation[vm] = _generation.GetValueOrDefault(vm) + 1;
            if (_evicted.Remove(vm))
            {
                Add(g, "rejoined", vm, $"{vm.Name} runs again on {vm.Host?.Name} and rejoins {g.Name}");
            }

            if (_owner.GetValueOrDefault(g.Name) is null)
            {
                _owner[g.Name] = vm;
                Add(g, "roleOnline", vm, $"the role of {g.Name} comes online on {vm.Name} after {g.RoleFailover}");
            }
        }
    }

    private void Check(VirtualMachine vm, GuestClusterSpec g, int generation)
    {
        if (_generation.GetValueOrDefault(vm) != generation || vm.State == VmState.Running)
        {
            return;
        }

        _evicted.Add(vm);
        Add(g, "evicted", vm, $"{vm.Name} missed {g.Threshold} heartbeats every {g.Delay} ({vm.State.ToString().ToLowerInvariant()}: {vm.Reason})");
        if (!ReferenceEquals(_owner.GetValueOrDefault(g.Name), vm))
        {
            return;
        }

        VirtualMachine? next = _clusterOf.Where(kv => kv.Value == g && kv.Key.State == VmState.Running && !_evicted.Contains(kv.Key))
            .Select(kv => kv.Key).OrderBy(v => v.Index).FirstOrDefault();
        _owner[g.Name] = next;
        Add(g, next is null ? "roleOffline" : "roleMoved", next ?? vm, next is null
            ? $"the role of {g.Name} is offline: no member runs"
            : $"the role of {g.Name} fails over from {vm.Name} to {next.Name}, online after {g.RoleFailover}");
    }

    private void Add(GuestClusterSpec g, string kind, VirtualMachine member, string reason) =>
        _events.Add(new GuestClusterEvent(g.Name, _cluster!.Simulation.Now.Seconds, kind, member.Name, reason));
}
