using HyperVSim.Model.Migration;
using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Diagnostics;
using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Scenarios.Validation;

/// <summary>
/// Events name existing VMs, hosts, NICs and volumes, happen before <c>until</c>, and migrate only where Hyper-V
/// can: not to the host the VM is on, not across CPU vendors, not from 2012 R2 back to 2012 (a host upgraded by an
/// earlier upgrade event counts as 2012 R2), not a generation 2 VM to a 2012 host. Only a 2012 host is upgraded, once;
/// a resize names a VHDX on the SCSI controller, not shared, and does not shrink it below its used size. A VM's host is followed through the migrate events while it is known; a drain or fault that
/// may move it makes it unknown. Pause, resume, restart and start name existing hosts and VMs. Fail and repair
/// events are followed per target in time order (ties in listed order): a target cannot fail while failed, nor be
/// repaired while not failed. A restart is not a failure for that purpose. For a run, an event no handler of the
/// model carries out (<see cref="Model.Scripting.ScenarioEventHandlers"/>) is refused.
/// </summary>
internal static class EventRules
{
    public static void Check(ValidationContext c)
    {
        var location = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (Sourced<VmSpec> vm in c.Scenario.Vms.Where(v => c.Vms.ContainsKey(v.Spec.Name) && v.Spec.Host is { } h && c.Hosts.ContainsKey(h)))
        {
            location.TryAdd(vm.Spec.Name, vm.Spec.Host); // a repeated name is reported by NameRules, a missing one by the reader
        }

        var failed = new Dictionary<FaultTarget, Origin>();
        var upgraded = new Dictionary<string, string>(StringComparer.Ordinal);
        var movedTo = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Sourced<ScenarioEventSpec> e in c.Scenario.Events.OrderBy(e => e.Spec.At))
        {
            if (c.Options.RefuseUnsimulated && !Model.Scripting.ScenarioEventHandlers.Handles(e.Spec))
            {
                string action = Action(e.Spec);
                string what = e.Spec is FaultEventSpec ? $"{action} events (host, NIC and storage failures)" : $"{action} events";
                c.Add(e.Origin.Of(action), $"{what} are not simulated in this version", "remove the event for now");
            }

            if (c.Scenario.Until is { } until && e.Spec.At > until)
            {
                c.Add(e.Origin.Of("at"), $"the event at {Units.FormatDuration(e.Spec.At)} comes after until ({Units.FormatDuration(until)}), so it never happens", "move it before until, or raise until");
            }

            switch (e.Spec)
            {
                case MigrateEventSpec m:
                    Storage(c, e.Origin, m, movedTo);
                    Migrate(c, e.Origin, m, location, upgraded);
                    break;
                case MoveStorageEventSpec s:
                    MoveStorage(c, e.Origin, s, location, movedTo);
                    break;
                case DrainEventSpec d:
                    Node(c, e.Origin.Of("drain"), d.Host, location, movesVms: true);
                    break;
                case FaultEventSpec f:
                    if (Fault(c, e.Origin, f, location))
                    {
                        State(c, e.Origin, f, failed);
                    }

                    break;
                case PauseEventSpec p:
                    Node(c, e.Origin.Of("pause.host"), p.Host, location, movesVms: p.Drain);
                    break;
                case ResumeEventSpec r:
                    Node(c, e.Origin.Of("resume.host"), r.Host, location, movesVms: false);
                    break;
                case RestartEventSpec r:
                    Node(c, e.Origin.Of("restart.host"), r.Host, location, movesVms: true);
                    break;
                case StartEventSpec s:
                    c.Refers(s.Vm, e.Origin.Of("start.vm"), "VM", c.Vms, "vms");
                    break;
                case PowerOnEventSpec p:
                    for (int i = 0; i < p.Hosts.Count; i++)
                    {
                        c.Refers(p.Hosts[i], e.Origin.Of($"powerOn.hosts[{i}]"), "host", c.Hosts, "hosts");
                    }

                    break;
                case ConnectEventSpec s:
                    c.Refers(s.Vm, e.Origin.Of("connect.vm"), "VM", c.Vms, "vms");
                    break;
                case SaveEventSpec s:
                    c.Refers(s.Vm, e.Origin.Of("save.vm"), "VM", c.Vms, "vms");
                    break;
                case RestoreEventSpec r:
                    c.Refers(r.Vm, e.Origin.Of("restore.vm"), "VM", c.Vms, "vms");
                    break;
                case UpgradeEventSpec u:
                    Upgrade(c, e.Origin, u, location, upgraded);
                    break;
                case ResizeEventSpec r:
                    Resize(c, e.Origin, r);
                    break;
            }
        }

        LiveMigrationNics(c);
    }

    /// <summary>
    /// An in-place upgrade names a host that runs 2012 at that point of the script (not 2012 R2, not upgraded by an
    /// earlier event); from then on the host counts as 2012 R2 for the move rules. Its VMs are restored where they
    /// were, so their hosts stay known.
    /// </summary>
    private static void Upgrade(ValidationContext c, Origin origin, UpgradeEventSpec u, Dictionary<string, string?> location, Dictionary<string, string> upgraded)
    {
        Site site = origin.Of("upgrade.host");
        if (u.Host.Length == 0 || !c.Refers(u.Host, site, "host", c.Hosts, "hosts"))
        {
            return;
        }

        if (upgraded.TryGetValue(u.Host, out string? earlier))
        {
            c.Add(site, $"only a 2012 host can be upgraded in place to 2012 R2, and {u.Host} runs 2012 R2 after its upgrade at {earlier}", "remove this event, or upgrade another 2012 host");
        }
        else if (c.Hosts[u.Host].Spec.Version != HyperVVersion.V2012)
        {
            c.Add(site, $"only a 2012 host can be upgraded in place to 2012 R2, and {u.Host} runs 2012 R2 already", "name a host with version: 2012, or remove the event");
        }
        else
        {
            upgraded[u.Host] = Units.FormatDuration(u.At);
        }
    }

    /// <summary>
    /// An online resize names a VM's disk that Hyper-V can resize while the VM runs (a VHDX on the SCSI controller,
    /// not shared) and does not shrink it below the size its partitions use.
    /// </summary>
    private static void Resize(ValidationContext c, Origin origin, ResizeEventSpec r)
    {
        if (r.Vm.Length == 0 || !c.Refers(r.Vm, origin.Of("resize.vm"), "VM", c.Vms, "vms") || r.Disk.Length == 0)
        {
            return;
        }

        Site site = origin.Of("resize.disk");
        IReadOnlyList<DiskSpec> disks = c.Vms[r.Vm].Spec.Disks;
        DiskSpec? disk = disks.FirstOrDefault(d => d.Name == r.Disk);
        string name = $"{r.Vm}/{r.Disk}";
        if (disk is null)
        {
            string[] names = disks.Select(d => d.Name).Where(n => n.Length > 0).ToArray();
            string? close = Suggestions.Closest(r.Disk, names);
            string hint = close is null ? "" : $"; did you mean '{close}'?";
            c.Add(site, $"{r.Vm} has no disk '{r.Disk}'{hint}", names.Length == 0 ? $"add the disk to {r.Vm}'s disks" : $"name one of {r.Vm}'s disks: {ValidationContext.List(names)}");
        }
        else if (disk.Format == DiskFormat.Vhd)
        {
            c.Add(site, $"{name} is a VHD file: Hyper-V resizes only a VHDX while the VM runs", "convert the disk to VHDX (format: vhdx), or remove the event");
        }
        else if (disk.Controller == DiskController.Ide)
        {
            c.Add(site, $"{name} is on the IDE controller: Hyper-V resizes online only a VHDX on the SCSI controller", "attach the disk to controller: scsi, or remove the event");
        }
        else if (disk.Shared)
        {
            c.Add(site, $"{name} is a shared VHDX, which cannot be resized online", "remove the event");
        }
        else if (r.SizeBytes > 0 && r.SizeBytes < disk.MinimumBytes)
        {
            string used = disk.UsedBytes is null ? "its partitions fill the whole disk (no used: given)" : $"its partitions use {Units.FormatSize(disk.MinimumBytes)}";
            c.Add(origin.Of("resize.size"), $"{name} cannot shrink to {Units.FormatSize(r.SizeBytes)}: {used}", $"write a size of at least {Units.FormatSize(disk.MinimumBytes)}, or give the disk the size its partitions use with used:");
        }
    }

    /// <summary>A host's configuration at this point of the script: 2012 R2 once an upgrade event has run on it.</summary>
    private static HostSpec At(ValidationContext c, string host, Dictionary<string, string> upgraded) =>
        upgraded.ContainsKey(host) ? c.Hosts[host].Spec with { Version = HyperVVersion.V2012R2 } : c.Hosts[host].Spec;

    private static void Migrate(ValidationContext c, Origin origin, MigrateEventSpec m, Dictionary<string, string?> location, Dictionary<string, string> upgraded)
    {
        Site to = origin.Of("migrate.to");
        bool vmKnown = c.Refers(m.Vm, origin.Of("migrate.vm"), "VM", c.Vms, "vms");
        if (!c.Refers(m.To, to, "host", c.Hosts, "hosts") || !vmKnown || m.Vm.Length == 0 || m.To.Length == 0)
        {
            return;
        }

        HostSpec target = At(c, m.To, upgraded);
        VmSpec vm = c.Vms[m.Vm].Spec;

        if (location.GetValueOrDefault(m.Vm) is { } from && c.Hosts.ContainsKey(from))
        {
            HostSpec source = At(c, from, upgraded);
            if (from == m.To)
            {
                c.Add(to, $"{m.Vm} is already on {m.To} at {Units.FormatDuration(m.At)}", "migrate it to another host");
            }
            else if (MoveRules.WhyNotBetween(m.Vm, source, target) is { } between)
            {
                c.Add(to, between.Message, between.Fix);
            }
            else if (source.Version == HyperVVersion.V2012 && m.Option is { } option && VersionRules.NeedsR2(option))
            {
                c.Add(origin.Of("migrate.option"), $"option {m.Option} is new in 2012 R2, but {m.Vm} moves from {from}, which runs 2012: a 2012 host offers only the TCP/IP option", "write option: tcpip, or leave option out");
            }
        }

        if (MoveRules.WhyNotOnto(vm, target) is { } onto)
        {
            // The rules of Hyper-V itself (Model.Migration.MoveRules), the same the model applies at run time.
            c.Add(to, onto.Message, onto.Fix);
        }

        // Room on the target, when every VM's host is known at this point of the script (none placed by the cluster).
        if (location.Values.All(h => h is not null) && c.Scenario.Vms.All(v => v.Spec.Host is not null) && vm.State == VmInitialState.Running)
        {
            long used = location.Where(kv => kv.Value == m.To && kv.Key != m.Vm && c.Vms[kv.Key].Spec.State == VmInitialState.Running)
                .Sum(kv => c.Vms[kv.Key].Spec.MemoryBytes);
            long free = target.MemoryBytes - target.MemoryReserveBytes - used;
            if (vm.MemoryBytes > free)
            {
                c.Add(to, $"{m.To} has not enough memory for {m.Vm} at {Units.FormatDuration(m.At)}: it needs {Units.FormatSize(vm.MemoryBytes)}, {Units.FormatSize(Math.Max(0, free))} is free", $"migrate {m.Vm} to a host with room, or move other VMs off {m.To} first");
            }
        }

        location[m.Vm] = m.To;
    }

    /// <summary>
    /// The strategy and storage of a migrate event: post-copy needs a byte stream (not compression, which compresses
    /// whole pre-copy passes and cannot serve one faulted page at a time); a shared-nothing move (<c>storage:</c>) goes
    /// to a volume the destination reaches, moves no shared VHDX, and moves memory live (not by quick migration,
    /// which saves to storage both hosts share).
    /// </summary>
    private static void Storage(ValidationContext c, Origin origin, MigrateEventSpec m, Dictionary<string, string> movedTo)
    {
        string? option = m.Option ?? c.Scenario.Cluster.Spec.LiveMigration.Option;
        if (m.Strategy == Model.Migration.Strategies.PostCopyStrategy.Name && option is { } o && !Model.Migration.Strategies.PostCopyStrategy.Transports.Contains(o))
        {
            Site site = m.Option is null ? c.Scenario.Cluster.Origin.Of("liveMigration.option") : origin.Of("migrate.option");
            c.Add(site, $"postcopy cannot use option {o}: post-copy pulls each page the guest faults on as it is needed, and compression works on whole pre-copy passes with spare CPU", $"write option: tcpip (or smb) on this migrate event");
        }

        if (m.Storage is not { } volume)
        {
            return;
        }

        Site at = origin.Of("migrate.storage");
        if (!c.Refers(volume, at, "volume", c.Storage, "storage") || !c.Vms.TryGetValue(m.Vm, out var vm))
        {
            return;
        }

        if (m.Strategy == Model.Migration.Strategies.QuickStrategy.Name)
        {
            c.Add(origin.Of("migrate.strategy"), "a quick migration cannot move storage: it saves the VM to storage both hosts reach", "leave storage out, or use strategy: precopy for a shared-nothing move");
        }

        SharedDisk(c, at, vm.Spec);
        if (c.Storage[volume].Spec is { Kind: StorageKind.Local, Host: { } owner } && owner != m.To)
        {
            c.Add(at, $"{m.To} cannot reach volume {volume}: it is local to {owner}", $"copy {m.Vm}'s disks to a volume {m.To} reaches (a CSV, an SMB share or a local volume of {m.To})");
        }

        movedTo[m.Vm] = volume;
    }

    /// <summary>
    /// A storage live migration names a VM and a volume its host reaches, not the volume all its disks are already
    /// on, and not a VM with a shared VHDX (Hyper-V cannot move a shared VHDX while the guest cluster runs).
    /// </summary>
    private static void MoveStorage(ValidationContext c, Origin origin, MoveStorageEventSpec m, Dictionary<string, string?> location, Dictionary<string, string> movedTo)
    {
        Site to = origin.Of("moveStorage.to");
        bool vmKnown = c.Refers(m.Vm, origin.Of("moveStorage.vm"), "VM", c.Vms, "vms");
        if (!c.Refers(m.To, to, "volume", c.Storage, "storage") || !vmKnown || m.Vm.Length == 0 || m.To.Length == 0)
        {
            return;
        }

        VmSpec vm = c.Vms[m.Vm].Spec;
        SharedDisk(c, origin.Of("moveStorage.vm"), vm);
        string[] volumes = vm.Disks.Where(d => d.Storage is not null).Select(d => movedTo.GetValueOrDefault(m.Vm) ?? d.Storage!).Distinct().ToArray();
        if (volumes.Length == 0)
        {
            c.Add(origin.Of("moveStorage.vm"), $"{m.Vm} has no disk on a volume, so there is nothing to move", "give it disks with storage:, or remove the event");
        }
        else if (volumes.All(v => v == m.To))
        {
            c.Add(to, $"{m.Vm}'s disks are already on {m.To} at {Units.FormatDuration(m.At)}", "move them to another volume");
        }

        if (c.Storage[m.To].Spec is { Kind: StorageKind.Local, Host: { } owner } && location.GetValueOrDefault(m.Vm) is { } host && host != owner)
        {
            c.Add(to, $"{host} cannot reach volume {m.To}: it is local to {owner}, and {m.Vm} runs on {host} at {Units.FormatDuration(m.At)}", $"move the disks to a volume {host} reaches (a CSV, an SMB share or a local volume of {host})");
        }

        movedTo[m.Vm] = m.To;
    }

    private static void SharedDisk(ValidationContext c, Site site, VmSpec vm)
    {
        if (vm.Disks.FirstOrDefault(d => d.Shared) is { } shared)
        {
            c.Add(site, $"{vm.Name}'s disk {shared.Name} is a shared VHDX: a storage move cannot copy a disk the guest cluster's nodes share", "move the other disks of a VM without shared VHDX, or remove the event");
        }
    }

    /// <summary>An event on a node names a host; when it moves the node's VMs away, their hosts become unknown.</summary>
    private static void Node(ValidationContext c, Site site, string host, Dictionary<string, string?> location, bool movesVms)
    {
        c.Refers(host, site, "host", c.Hosts, "hosts");
        if (movesVms)
        {
            Forget(location, host);
        }
    }

    /// <summary>The key an event's action is written under.</summary>
    private static string Action(ScenarioEventSpec e) => e switch
    {
        MigrateEventSpec => "migrate",
        MoveStorageEventSpec => "moveStorage",
        DrainEventSpec => "drain",
        FaultEventSpec { Repair: true } => "repair",
        FaultEventSpec => "fail",
        PauseEventSpec => "pause",
        ResumeEventSpec => "resume",
        RestartEventSpec => "restart",
        SaveEventSpec => "save",
        RestoreEventSpec => "restore",
        PowerOnEventSpec => "powerOn",
        ConnectEventSpec => "connect",
        UpgradeEventSpec => "upgrade",
        ResizeEventSpec => "resize",
        SetQosEventSpec => "setQos",
        _ => "start",
    };

    /// <summary>Checks the target exists (and, for a storage path, that the host reaches the volume); true when it does.</summary>
    private static bool Fault(ValidationContext c, Origin origin, FaultEventSpec f, Dictionary<string, string?> location)
    {
        string action = f.Repair ? "repair" : "fail";
        bool known = false;
        string key = f.Target.Kind switch
        {
            FaultTargetKind.Host => "host",
            FaultTargetKind.Nic => "nic",
            FaultTargetKind.StoragePath => "storagePath",
            _ => "storage",
        };
        Site site = origin.Of($"{action}.{key}");
        string[] parts = f.Target.Name.Split('/');
        switch (f.Target.Kind)
        {
            case FaultTargetKind.Host:
                known = c.Refers(f.Target.Name, site, "host", c.Hosts, "hosts");
                break;
            case FaultTargetKind.Storage:
                known = c.Refers(f.Target.Name, site, "storage volume", c.Storage, "storage");
                location.Clear();
                break;
            case FaultTargetKind.Nic when parts.Length == 2 && c.Refers(parts[0], site, "host", c.Hosts, "hosts"):
                HostSpec host = c.Hosts[parts[0]].Spec;
                string[] nics = host.Nics.Select(n => n.Name).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
                if (!nics.Contains(parts[1], StringComparer.Ordinal))
                {
                    string? close = Suggestions.Closest(parts[1], nics);
                    string hint = close is null ? "" : $"; did you mean '{parts[0]}/{close}'?";
                    string fix = nics.Length == 0 ? $"add the NIC to {parts[0]}'s nics" : $"name one of {parts[0]}'s NICs: {ValidationContext.List(nics)}";
                    c.Add(site, $"{parts[0]} has no NIC '{parts[1]}'{hint}", fix);
                }
                else
                {
                    known = true;
                }

                break;
            case FaultTargetKind.StoragePath when parts.Length == 2:
                bool hostKnown = c.Refers(parts[0], site, "host", c.Hosts, "hosts");
                known = c.Refers(parts[1], site, "storage volume", c.Storage, "storage") && hostKnown;
                if (known && c.Storage[parts[1]].Spec is { Kind: StorageKind.Local, Host: { } owner } && owner != parts[0])
                {
                    c.Add(site, $"{parts[0]} has no path to local volume '{parts[1]}': only its own host {owner} reaches it", $"name {owner}/{parts[1]}, or a csv or smb volume");
                    known = false;
                }

                break;
        }

        if (!f.Repair && parts.Length > 0)
        {
            Forget(location, parts[0]);
        }

        return known && f.Target.Name.Length > 0;
    }

    /// <summary>Follows what is failed: a fail of something failed, or a repair of something not failed, is an error.</summary>
    private static void State(ValidationContext c, Origin origin, FaultEventSpec f, Dictionary<FaultTarget, Origin> failed)
    {
        string action = f.Repair ? "repair" : "fail";
        string at = Units.FormatDuration(f.At);
        string what = Noun(f.Target);
        Site site = origin.Of(action);
        if (!f.Repair && failed.TryGetValue(f.Target, out Origin? earlier))
        {
            c.Add(site, $"{what} has already failed ({earlier.Path} at line {earlier.At.Line}) and is not repaired by {at}", "repair it before failing it again, or remove this event");
        }
        else if (f.Repair && !failed.ContainsKey(f.Target))
        {
            c.Add(site, $"{what} is not failed at {at}, so there is nothing to repair", "fail it with an earlier event, or remove this repair");
        }

        if (f.Repair)
        {
            failed.Remove(f.Target);
        }
        else
        {
            failed.TryAdd(f.Target, origin);
        }
    }

    private static string Noun(FaultTarget target) => target.Kind switch
    {
        FaultTargetKind.Host => $"host {target.Name}",
        FaultTargetKind.Nic => $"NIC {target.Name}",
        FaultTargetKind.StoragePath => $"storage path {target.Name}",
        _ => $"storage volume {target.Name}",
    };

    private static void Forget(Dictionary<string, string?> location, string host)
    {
        foreach (string vm in location.Where(l => l.Value == host).Select(l => l.Key).ToArray())
        {
            location[vm] = null;
        }
    }

    /// <summary>When VMs are migrated or drained (a drain event, a pause or restart with drain), every host needs a NIC on a live-migration network.</summary>
    private static void LiveMigrationNics(ValidationContext c)
    {
        Sourced<ScenarioEventSpec>? moving = c.Scenario.Events.FirstOrDefault(e => e.Spec is MigrateEventSpec or DrainEventSpec or PauseEventSpec { Drain: true } or RestartEventSpec { Drain: true });
        if (moving is null)
        {
            return;
        }

        IReadOnlyList<string> chosen = c.Scenario.Cluster.Spec.LiveMigration.Networks;
        string[] lm = chosen.Count > 0
            ? chosen.Where(c.Networks.ContainsKey).ToArray()
            : c.Scenario.Networks.Where(n => n.Spec.Role == NetworkRole.LiveMigration).Select(n => n.Spec.Name).ToArray();
        if (lm.Length == 0 && chosen.Count > 0)
        {
            return; // every chosen network is unknown: reported as a reference error
        }

        if (lm.Length == 0)
        {
            c.Add(c.Scenario.Root.Of("networks"), $"the scenario moves VMs ({moving.Origin.Path}) but no network has role liveMigration", "add a network with role: liveMigration, and a NIC on it to every host");
            return;
        }

        foreach (var group in c.Scenario.Hosts.GroupBy(h => h.Origin))
        {
            HostSpec host = group.First().Spec;
            if (!host.Nics.Any(n => n.Networks.Any(lm.Contains)))
            {
                string names = ValidationContext.List(group.Select(h => h.Spec.Name));
                c.Add(group.Key.Of("nics"), $"{names}: no NIC on a live-migration network ({string.Join(", ", lm)}), but the scenario moves VMs ({moving.Origin.Path})", $"add a NIC with networks: [{lm[0]}]");
            }
        }
    }
}
