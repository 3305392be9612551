using HyperVSim.Model.Boot;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Components;

/// <summary>
/// Console sessions (Virtual Machine Connection, docs/model.md §Console sessions): basic mode gives keyboard, mouse
/// and screen of a running VM; enhanced mode is RDP over VMBus, so it needs no network path to the guest, but it
/// needs the host's enhanced session mode policy (off by default on Windows Server), a guest with Remote Desktop
/// Services over VMBus (Windows 8.1, Server 2012 R2) and a user in its Administrators or Remote Desktop Users group;
/// otherwise the session falls back to basic, with the reason. USB redirection needs the client's RemoteFX USB
/// redirection policy as well. [B] Savill.
/// </summary>
public sealed class Sessions : IClusterComponent
{
    private readonly List<SessionRecord> _records = [];
    private Cluster? _cluster;

    public void Attach(Cluster cluster) => _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));

    /// <summary>Every session asked for, in time order.</summary>
    public IReadOnlyList<SessionRecord> Records() => _records.ToArray();

    /// <summary>Opens a console session to <paramref name="vm"/> as <paramref name="connect"/> asks, and records what it got.</summary>
    public SessionRecord Connect(VirtualMachine vm, ConnectEventSpec connect)
    {
        ArgumentNullException.ThrowIfNull(vm);
        ArgumentNullException.ThrowIfNull(connect);
        Cluster cluster = _cluster ?? throw new InvalidOperationException("sessions are not attached to a cluster");
        string requested = connect.Mode == SessionMode.Enhanced ? "enhanced" : "basic";
        var record = new SessionRecord(vm.Name, cluster.Simulation.Now.Seconds, requested, "none") { Host = vm.Host?.Name };
        record = vm.State != VmState.Running || vm.Host is not { } host
            ? record with { Outcome = "failed", Reason = $"{vm.Name} is {vm.State.ToString().ToLowerInvariant()}: a console session needs a running VM" }
            : Grant(record, vm, host, connect);
        _records.Add(record);
        return record;
    }

    private static SessionRecord Grant(SessionRecord record, VirtualMachine vm, Host host, ConnectEventSpec connect)
    {
        if (connect.Mode == SessionMode.Basic)
        {
            return record with
            {
                Mode = "basic",
                Reason = "basic session: keyboard, mouse and screen" + (connect.Usb ? "; USB redirection needs an enhanced session" : string.Empty),
                Outcome = connect.Usb ? "degraded" : "connected",
            };
        }

        string? refusal = host.Version != HyperVVersion.V2012R2
            ? $"{host.Name} runs 2012: enhanced session mode is new in 2012 R2"
            : !host.Spec.EnhancedSessionMode
            ? $"{host.Name}'s enhanced session mode policy is off (the default on Windows Server): enable it with Set-VMHost -EnableEnhancedSessionMode $true"
            : GuestOsProfiles.Find(vm.Spec.GuestOs) is not { } os
                ? $"{vm.Name}'s guest OS is not given (vms[].guestOs): enhanced mode needs a guest with Remote Desktop Services over VMBus (Windows 8.1, Server 2012 R2)"
                : !os.EnhancedSession
                    ? $"{os.Description} has no Remote Desktop Services over VMBus (Windows 8.1 and Server 2012 R2 have)"
                    : !connect.UserAllowed ? "the user is in neither Administrators nor Remote Desktop Users on the guest" : null;
        if (refusal is not null)
        {
            return record with { Mode = "basic", Outcome = "degraded", Reason = $"basic instead of enhanced: {refusal}" };
        }

        string how = "enhanced session over VMBus (no network path to the guest needed): clipboard, audio, printers, drives, smart cards";
        if (connect.Usb && !connect.ClientUsbPolicy)
        {
            return record with { Mode = "enhanced", Outcome = "degraded", Reason = $"{how}; USB not redirected: the client's RemoteFX USB device redirection policy is off" };
        }

        return record with { Mode = "enhanced", Usb = connect.Usb, Reason = connect.Usb ? $"{how}, USB" : how };
    }
}
