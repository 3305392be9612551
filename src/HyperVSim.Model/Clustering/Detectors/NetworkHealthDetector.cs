using HyperVSim.Engine;
using HyperVSim.Model.Components;
using HyperVSim.Model.Migration;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Clustering.Detectors;

/// <summary>
/// VM network health protection (2012 R2, docs/model.md §Network health protection): when a host loses the external
/// link of a network (no NIC up on it) and it stays lost for <see cref="DetectionSpec.NetworkHealth"/>, every running
/// VM there with a protected adapter on that network is live-migrated, highest priority first, to a node where all its protected networks are
/// up (placement's choice); with no such node the VM stays and the report says why. The moves queue behind the
/// simultaneous-migration limit like any other; those still queued when the link returns are cancelled.
/// </summary>
public sealed class NetworkHealthDetector : IFailureDetector
{
    private readonly Dictionary<(Host, string), AlarmHandle> _waiting = [];
    private readonly Dictionary<(Host, string), List<LiveMigration>> _moves = [];
    private readonly Dictionary<LiveMigration, Incident> _incidentOf = [];
    private ClusterService? _service;

    public string Name => "networkHealth";

    public bool Enabled(Cluster cluster) => cluster?.Spec.Cluster.NetworkHealthProtection ?? false;

    public void Attach(ClusterService service)
    {
        _service = service ?? throw new ArgumentNullException(nameof(service));
        service.Cluster.NicStateChanged += OnNic;
        service.Cluster.Component<MigrationService>().MigrationEnded += OnMigrationEnded;
    }

    private ClusterService Service => _service ?? throw new InvalidOperationException("the network health detector is not attached");

    /// <summary>True when <paramref name="host"/> has a NIC up on <paramref name="network"/>.</summary>
    public static bool LinkUp(Host host, string network) => host.HasNicUpOn(network);

    private void OnNic(Nic nic)
    {
        Host host = nic.Host;
        foreach (string network in nic.Spec.Networks)
        {
            var key = (host, network);
            if (!LinkUp(host, network))
            {
                if (!_waiting.TryGetValue(key, out var alarm) || !alarm.IsPending)
                {
                    _waiting[key] = Service.Sim.Schedule(Service.Cluster.Spec.Cluster.Detection.NetworkHealth, _ => Act(host, network), null, "network health");
                }

                continue;
            }

            if (_waiting.Remove(key, out var pending))
            {
                pending.Cancel();
            }

            if (_moves.Remove(key, out var moves))
            {
                foreach (LiveMigration m in moves.Where(m => !m.HasEnded && !m.Started))
                {
                    Incident? incident = _incidentOf.GetValueOrDefault(m);
                    m.Cancel($"network {network} is up again on {host.Name}: the move is no longer needed");
                    incident?.Back(m.Vm, host, Service.Sim.Now);
                }
            }
        }
    }

    private void Act(Host host, string network)
    {
        _waiting.Remove((host, network));
        if (LinkUp(host, network) || !host.IsUp)
        {
            return;
        }

        ClusterService s = Service;
        Incident? incident = host.Nics.Where(n => n.IsOn(network))
            .Select(n => s.LatestOn($"nic:{n.FullName}")).OfType<Incident>()
            .OrderByDescending(i => i.At).FirstOrDefault();
        VirtualMachine[] vms = host.Vms
            .Where(v => v.State == VmState.Running && !v.Migrating && v.Spec.Nics.Any(n => n.Protected && n.Network == network))
            .OrderByDescending(v => v.Spec.Priority).ThenBy(v => v.Index)
            .ToArray();
        incident?.Detected(s.Sim.Now, Name, $"network {network} lost its link on {host.Name} for {s.Cluster.Spec.Cluster.Detection.NetworkHealth}: {vms.Length} VM{(vms.Length == 1 ? "" : "s")} with a protected adapter on it");
        if (vms.Length == 0)
        {
            return;
        }

        var placement = s.Cluster.Component<Placement>();
        var service = s.Cluster.Component<MigrationService>();
        var moves = _moves.TryGetValue((host, network), out var list) ? list : _moves[(host, network)] = [];
        foreach (VirtualMachine vm in vms)
        {
            incident?.Affect(vm);
            Host? target = placement.Choose(vm, out string why, h => ProtectedNetworksDown(vm, h));
            if (target is null)
            {
                vm.SetState(vm.State, $"network {network} is down on {host.Name} and no node can take {vm.Name}: {why}");
                continue;
            }

            vm.SetState(vm.State, $"network {network} is down on {host.Name}: network health protection moves it to {target.Name}");
            LiveMigration m = service.LiveMigrate(vm, target, "cluster");
            moves.Add(m);
            if (incident is not null)
            {
                _incidentOf[m] = incident;
            }
        }
    }

    /// <summary>Why <paramref name="host"/> would not help <paramref name="vm"/>: a protected network of it is down there too.</summary>
    private static string? ProtectedNetworksDown(VirtualMachine vm, Host host)
    {
        foreach (VmNicSpec nic in vm.Spec.Nics.Where(n => n.Protected))
        {
            if (!LinkUp(host, nic.Network))
            {
                return $"network {nic.Network} is down on {host.Name} too";
            }
        }

        return null;
    }

    private void OnMigrationEnded(LiveMigration m)
    {
        if (_incidentOf.Remove(m, out var incident) && m.Record is { Result: Results.MigrationResult.Completed })
        {
            incident.Back(m.Vm, m.Target, Service.Sim.Now);
        }
    }
}
