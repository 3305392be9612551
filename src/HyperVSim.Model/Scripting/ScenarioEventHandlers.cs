using HyperVSim.Model.Clustering;
using HyperVSim.Model.Components;
using HyperVSim.Model.Plugins;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Scripting;

/// <summary>
/// The registry of scripted-event handlers: a scenario event is carried out by the handler registered for its
/// kind; an event kind with none is refused at validation (<see cref="Handles"/>), never skipped.
/// </summary>
public static class ScenarioEventHandlers
{
    public static Registry<IScenarioEventHandler> Registry { get; } = new("scenario event",
    [
        new("migrate", "live-migrate a VM to a host", HyperVVersion.V2012, () => new Handler<MigrateEventSpec>((c, m) =>
            c.Component<MigrationService>().LiveMigrate(c.VmNamed(m.Vm), c.HostNamed(m.To), option: m.Option, strategy: m.Strategy, storage: m.Storage))),
        new("moveStorage", "move a running VM's disks to another volume (storage live migration)", HyperVVersion.V2012, () => new Handler<MoveStorageEventSpec>((c, m) =>
            c.Component<MigrationService>().MoveStorage(c.VmNamed(m.Vm), c.VolumeNamed(m.To)))),
        new("drain", "pause a node and drain its roles", HyperVVersion.V2012, () => new Handler<DrainEventSpec>((c, d) =>
            c.Component<Maintenance>().Drain(c.HostNamed(d.Host)))),
        new("fail", "a host, NIC, storage path or volume fails", HyperVVersion.V2012, () => new Handler<FaultEventSpec>((c, f) =>
        {
            var service = c.Component<ClusterService>();
            if (f.Repair)
            {
                service.Repair(f.Target);
            }
            else
            {
                service.Fail(f.Target, "scripted failure");
            }
        })),
        new("pause", "pause a node, draining it or not", HyperVVersion.V2012, () => new Handler<PauseEventSpec>((c, p) =>
            c.Component<Maintenance>().Pause(c.HostNamed(p.Host), p.Drain))),
        new("resume", "resume a paused node, with failback", HyperVVersion.V2012, () => new Handler<ResumeEventSpec>((c, r) =>
            c.Component<Maintenance>().Resume(c.HostNamed(r.Host), r.Failback))),
        new("restart", "drain a node, take it down for a while, bring it back", HyperVVersion.V2012, () => new Handler<RestartEventSpec>((c, r) =>
            c.Component<Maintenance>().Restart(c.HostNamed(r.Host), r.DownFor, r.Drain, r.Failback))),
        new("setQos", "change a disk's Storage QoS while running", HyperVVersion.V2012R2, () => new Handler<SetQosEventSpec>((c, q) =>
            c.Component<Storage.StorageIo>().SetQos(c.VmNamed(q.Vm), q.Disk, q.Minimum, q.Maximum))),
        new("start", "start a VM that is off", HyperVVersion.V2012, () => new Handler<StartEventSpec>((c, s) =>
            c.Component<ClusterService>().Restarts.Start(c.VmNamed(s.Vm), "started by the scenario"))),
        new("powerOn", "power restored: hosts come up and their VMs that are off start", HyperVVersion.V2012, () => new Handler<PowerOnEventSpec>((c, p) =>
        {
            var service = c.Component<ClusterService>();
            Host[] hosts = p.Hosts.Count == 0 ? c.Hosts.ToArray() : p.Hosts.Select(c.HostNamed).ToArray();
            foreach (Host h in hosts.Where(h => !h.IsUp))
            {
                service.Repair(new FaultTarget(FaultTargetKind.Host, h.Name));
            }

            service.Restarts.PowerOn(hosts, wholeCluster: p.Hosts.Count == 0);
        })),
        new("connect", "open a console session (basic or enhanced) to a VM", HyperVVersion.V2012, () => new Handler<ConnectEventSpec>((c, s) =>
            c.Component<Sessions>().Connect(c.VmNamed(s.Vm), s))),
        new("save", "save a running VM's memory to its storage", HyperVVersion.V2012, () => new Handler<SaveEventSpec>((c, s) =>
            c.Component<SavedStates>().Save(c.VmNamed(s.Vm)))),
        new("restore", "restore a saved VM from its storage", HyperVVersion.V2012, () => new Handler<RestoreEventSpec>((c, r) =>
            c.Component<SavedStates>().Restore(c.VmNamed(r.Vm)))),
        new("upgrade", "upgrade a 2012 host in place to 2012 R2, saving and restoring its VMs", HyperVVersion.V2012, () => new Handler<UpgradeEventSpec>((c, u) =>
            c.Component<SavedStates>().Upgrade(c.HostNamed(u.Host), u.Duration))),
        new("resize", "grow or shrink a VHDX on the SCSI controller of a running VM", HyperVVersion.V2012R2, () => new Handler<ResizeEventSpec>((c, r) =>
            c.Component<DiskResizes>().Resize(c.VmNamed(r.Vm), r.Disk, r.SizeBytes))),
    ]);

    /// <summary>True when some handler carries out <paramref name="scenarioEvent"/>.</summary>
    public static bool Handles(ScenarioEventSpec scenarioEvent) => For(Registry.Descriptors.Select(d => d.Create()).ToArray(), scenarioEvent) is not null;

    /// <summary>The handler among <paramref name="handlers"/> for <paramref name="scenarioEvent"/>, or null.</summary>
    internal static IScenarioEventHandler? For(IReadOnlyList<IScenarioEventHandler> handlers, ScenarioEventSpec scenarioEvent) =>
        handlers.FirstOrDefault(h => h.Handles.IsInstanceOfType(scenarioEvent));

    /// <summary>A handler for one event spec type.</summary>
    private sealed class Handler<T>(Action<Cluster, T> apply) : IScenarioEventHandler
        where T : ScenarioEventSpec
    {
        public Type Handles => typeof(T);

        public void Apply(Cluster cluster, ScenarioEventSpec scenarioEvent) => apply(cluster, (T)scenarioEvent);
    }
}
