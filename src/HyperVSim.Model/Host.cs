using HyperVSim.Flow;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model;

/// <summary>A Hyper-V host (cluster node): its CPU, memory, NICs and the VMs it runs.</summary>
public sealed class Host
{
    private readonly List<VirtualMachine> _vms = [];

    internal Host(HostSpec spec, FlowNetwork flows)
    {
        Spec = spec;
        Nics = spec.Nics.Select(n => new Nic(this, n, flows)).ToArray();
    }

    public HostSpec Spec { get; }

    public string Name => Spec.Name;

    public HyperVVersion Version => Spec.Version;

    public IReadOnlyList<Nic> Nics { get; }

    /// <summary>VMs whose memory lives here now, in arrival order.</summary>
    public IReadOnlyList<VirtualMachine> Vms => _vms;

    /// <summary>Memory held by incoming migrations (the skeleton VM created on the target at setup).</summary>
    public long IncomingReservedBytes { get; internal set; }

    /// <summary>Memory VMs may still take: physical − reserve − resident VMs − incoming reservations.</summary>
    public long FreeMemoryBytes =>
        Spec.MemoryBytes - Spec.MemoryReserveBytes - _vms.Sum(v => v.Spec.MemoryBytes) - IncomingReservedBytes;

    /// <summary>Live migrations running now with this host as source or destination.</summary>
    public int ActiveMigrations { get; internal set; }

    public bool IsUp { get; private set; } = true;

    internal void Attach(VirtualMachine vm) => _vms.Add(vm);

    internal void Detach(VirtualMachine vm) => _vms.Remove(vm);

    public override string ToString() => Name;
}
