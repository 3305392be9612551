namespace HyperVSim.Model.Clustering.Detectors;

/// <summary>
/// VM storage failure detection (2012 R2, docs/model.md §Storage failure detection): a guest that crashed because
/// its host lost one of its disks' volumes is, <see cref="Specs.DetectionSpec.StorageFailure"/> later and if still
/// failed there, turned off and restarted on a node that reaches its storage (placement's choice; with none, it waits,
/// and starts when the storage is back). Without it, the guest stays failed until its host reaches the storage again.
/// </summary>
public sealed class StorageFailureDetector : IFailureDetector
{
    private ClusterService? _service;

    public string Name => "storageFailure";

    public bool Enabled(Cluster cluster) => cluster?.Spec.Cluster.StorageFailureDetection ?? false;

    public void Attach(ClusterService service)
    {
        _service = service ?? throw new ArgumentNullException(nameof(service));
        service.GuestCrashed += (vm, incident) =>
        {
            Host host = vm.Host!;
            service.Sim.Schedule(service.Cluster.Spec.Cluster.Detection.StorageFailure, _ => Act(vm, host, incident), null, "storage failure detection");
        };
    }

    private void Act(VirtualMachine vm, Host host, Incident? incident)
    {
        ClusterService s = _service!;
        if (vm.State != VmState.Failed || !ReferenceEquals(vm.Host, host) || s.Restarts.IsWaiting(vm))
        {
            return;
        }

        incident?.Detected(s.Sim.Now, Name, $"guests on {host.Name} crashed on storage loss; after {s.Cluster.Spec.Cluster.Detection.StorageFailure} they are relocated to nodes that reach their storage");
        vm.SetState(Model.VmState.Off, $"storage failure detection: {vm.Name} is moved off {host.Name}, which cannot reach its storage");
        vm.Unplace();
        s.Restarts.Request(vm, failover: true, vm.Reason);
        s.Restarts.SchedulePass();
    }
}
