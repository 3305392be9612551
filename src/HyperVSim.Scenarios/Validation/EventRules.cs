using HyperVSim.Model.Migration;
using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Diagnostics;
using HyperVSim.Scenarios.Reading;

namespace HyperVSim.Scenarios.Validation;

/// <summary>
/// Events name existing VMs, hosts, NICs and volumes, happen before <c>until</c>, and migrate only where Hyper-V
/// can: not to the host the VM is on, not across CPU vendors, not from 2012 R2 back to 2012, not a generation 2 VM
/// to a 2012 host. A VM's host is followed through the migrate events while it is known; a drain or fault that
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
                    Migrate(c, e.Origin, m, location);
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
            }
        }

        LiveMigrationNics(c);
    }

    private static void Migrate(ValidationContext c, Origin origin, MigrateEventSpec m, Dictionary<string, string?> location)
    {
        Site to = origin.Of("migrate.to");
        bool vmKnown = c.Refers(m.Vm, origin.Of("migrate.vm"), "VM", c.Vms, "vms");
        if (!c.Refers(m.To, to, "host", c.Hosts, "hosts") || !vmKnown || m.Vm.Length == 0 || m.To.Length == 0)
        {
            return;
        }

        HostSpec target = c.Hosts[m.To].Spec;
        VmSpec vm = c.Vms[m.Vm].Spec;

        if (location.GetValueOrDefault(m.Vm) is { } from && c.Hosts.TryGetValue(from, out var source))
        {
            if (from == m.To)
            {
                c.Add(to, $"{m.Vm} is already on {m.To} at {Units.FormatDuration(m.At)}", "migrate it to another host");
            }
            else if (MoveRules.WhyNotBetween(m.Vm, source.Spec, target) is { } between)
            {
                c.Add(to, between.Message, between.Fix);
            }
            else if (source.Spec.Version == HyperVVersion.V2012 && m.Option is { } option && VersionRules.NeedsR2(option))
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
        DrainEventSpec => "drain",
        FaultEventSpec { Repair: true } => "repair",
        FaultEventSpec => "fail",
        PauseEventSpec => "pause",
        ResumeEventSpec => "resume",
        RestartEventSpec => "restart",
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
