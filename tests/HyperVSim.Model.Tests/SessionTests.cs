using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using static HyperVSim.Model.Tests.TestScenarios;

namespace HyperVSim.Model.Tests;

/// <summary>
/// Console sessions (docs/model.md §Console sessions, [B] Savill): enhanced mode needs the host policy (off by
/// default), a guest with Remote Desktop Services over VMBus and an allowed user, and works without a network path;
/// USB needs the client's policy; a VM that is not running gets no session.
/// </summary>
public sealed class SessionTests
{
    private static SessionRecord Connect(bool hostPolicy, string? guestOs, ConnectEventSpec connect, bool running = true, bool nics = true)
    {
        VmSpec vm = Vm("vm", "hv1", 4 * GiB) with { GuestOs = guestOs, State = running ? VmInitialState.Running : VmInitialState.Off, Nics = nics ? [new VmNicSpec("prod")] : [] };
        ScenarioSpec spec = Scenario(NoFixedCosts(), [Host("hv1") with { EnhancedSessionMode = hostPolicy }], [vm], connect);
        return ClusterSimulation.Run(spec).Sessions.Should().ContainSingle().Subject;
    }

    private static ConnectEventSpec Enhanced(bool usb = false, bool clientUsb = false, bool user = true) =>
        new(SimTime.FromSeconds(1), "vm", SessionMode.Enhanced) { Usb = usb, ClientUsbPolicy = clientUsb, UserAllowed = user };

    [Fact]
    public void Enhanced_mode_falls_back_to_basic_while_the_host_policy_is_off() =>
        Connect(false, "ws2012r2", Enhanced()).Should().Match<SessionRecord>(s => s.Mode == "basic" && s.Outcome == "degraded" && s.Reason.Contains("enhanced session mode policy is off"));

    [Fact]
    public void Enhanced_mode_needs_a_guest_with_remote_desktop_services() =>
        Connect(true, "ws2012", Enhanced()).Should().Match<SessionRecord>(s => s.Mode == "basic" && s.Reason.Contains("no Remote Desktop Services over VMBus"));

    [Fact]
    public void Enhanced_mode_needs_an_allowed_user() =>
        Connect(true, "win81", Enhanced(user: false)).Mode.Should().Be("basic");

    [Fact]
    public void Enhanced_mode_works_without_a_network_path_to_the_guest() =>
        Connect(true, "ws2012r2", Enhanced(), nics: false).Should().Match<SessionRecord>(s => s.Mode == "enhanced" && s.Outcome == "connected");

    [Fact]
    public void Usb_redirection_needs_the_client_policy()
    {
        Connect(true, "ws2012r2", Enhanced(usb: true)).Should().Match<SessionRecord>(s => s.Mode == "enhanced" && !s.Usb && s.Outcome == "degraded");
        Connect(true, "ws2012r2", Enhanced(usb: true, clientUsb: true)).Should().Match<SessionRecord>(s => s.Usb && s.Outcome == "connected");
    }

    [Fact]
    public void A_vm_that_is_off_gets_no_session() =>
        Connect(true, "ws2012r2", Enhanced(), running: false).Should().Match<SessionRecord>(s => s.Mode == "none" && s.Outcome == "failed");

    [Fact]
    public void Power_restored_to_a_failed_host_brings_it_back_and_boots_its_vms()
    {
        VmSpec vm = Vm("vm", "hv1", 4 * GiB) with { GuestOs = "ws2012r2", State = VmInitialState.Off, Disks = [new DiskSpec("os", 60 * GiB, DiskController.Ide, null)] };
        ScenarioSpec spec = Scenario(NoFixedCosts(), [Host("hv1"), Host("hv2"), Host("hv3")], [vm],
            new FaultEventSpec(SimTime.FromSeconds(1), new FaultTarget(FaultTargetKind.Host, "hv1"), Repair: false),
            new PowerOnEventSpec(SimTime.FromSeconds(100), ["hv1"]));
        SimulationResult r = ClusterSimulation.Run(spec);

        r.Vms.Single().State.Should().Be("running");
        r.Boots.Should().ContainSingle().Which.RequestedAt.Should().Be(100);
    }
}
