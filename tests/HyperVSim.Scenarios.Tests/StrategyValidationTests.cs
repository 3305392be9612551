using FluentAssertions;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>
/// Migration strategies and storage moves (issue 10) refused where Hyper-V or the model cannot have them: each case
/// is the one error of its scenario, at the value to change (path, line, column), with its message and fix.
/// </summary>
public sealed class StrategyValidationTests
{
    private const string Vm = "vms:\n  - { name: vm1, memory: 4GiB, host: hv1, disks: [ { name: os, size: 40GiB, controller: scsi, storage: csv1 } ] }\n";

    private const string Volumes = "storage:\n  - { name: csv1 }\n  - { name: csv2 }\n  - { name: l2, kind: local, host: hv2 }\n";

    [Fact]
    public void An_unknown_strategy_suggests_the_nearest()
    {
        ScenarioError e = Yaml.Errors(Yaml.Base + Volumes + Vm + "events:\n  - { at: 1m, migrate: { vm: vm1, to: hv2, strategy: postcpy } }\n").Should().ContainSingle().Subject;
        (e.Path, e.Line, e.Column).Should().Be(("events[0].migrate.strategy", 19, 54));
        e.Message.Should().Contain("did you mean 'postcopy'?");
    }

    [Fact]
    public void Postcopy_with_compression_is_refused_with_why() =>
        Check(Yaml.Base + Volumes + Vm + "events:\n  - { at: 1m, migrate: { vm: vm1, to: hv2, strategy: postcopy, option: compression } }\n",
            ("events[0].migrate.option", 19, 72), "postcopy cannot use option compression: post-copy pulls each page the guest faults on as it is needed, and compression works on whole pre-copy passes with spare CPU", "option: tcpip");

    [Fact]
    public void A_storage_move_to_a_volume_local_to_another_host_is_refused() =>
        Check(Yaml.Base + Volumes + Vm + "events:\n  - { at: 1m, moveStorage: { vm: vm1, to: l2 } }\n",
            ("events[0].moveStorage.to", 19, 43), "hv1 cannot reach volume l2: it is local to hv2, and vm1 runs on hv1 at 1m", "a volume hv1 reaches");

    [Fact]
    public void A_shared_nothing_move_to_a_volume_the_destination_cannot_reach_is_refused() =>
        Check(Yaml.Base + Volumes + "  - { name: l1, kind: local, host: hv1 }\n" + Vm + "events:\n  - { at: 1m, migrate: { vm: vm1, to: hv2, storage: l1 } }\n",
            ("events[0].migrate.storage", 20, 53), "hv2 cannot reach volume l1: it is local to hv1", "a volume hv2 reaches");

    [Fact]
    public void A_storage_move_to_the_volume_the_disks_are_on_is_refused() =>
        Check(Yaml.Base + Volumes + Vm + "events:\n  - { at: 1m, moveStorage: { vm: vm1, to: csv1 } }\n",
            ("events[0].moveStorage.to", 19, 43), "vm1's disks are already on csv1 at 1m", "another volume");

    [Fact]
    public void A_storage_move_of_a_shared_vhdx_is_refused() =>
        Check(Yaml.Base + Volumes + "vms:\n  - { name: vm1, memory: 4GiB, host: hv1, disks: [ { name: q, size: 1GiB, controller: scsi, storage: csv1, shared: true } ] }\nevents:\n  - { at: 1m, moveStorage: { vm: vm1, to: csv2 } }\n",
            ("events[0].moveStorage.vm", 19, 34), "vm1's disk q is a shared VHDX: a storage move cannot copy a disk the guest cluster's nodes share", "remove the event");

    [Fact]
    public void MaxSimultaneousStorage_out_of_range_is_refused()
    {
        ScenarioError e = Yaml.Errors(Yaml.Base + "cluster: { liveMigration: { maxSimultaneousStorage: 0 } }\n").Should().ContainSingle().Subject;
        (e.Path, e.Line).Should().Be(("cluster.liveMigration.maxSimultaneousStorage", 12));
        e.Message.Should().Contain("more than zero");
    }

    private static void Check(string text, (string Path, int Line, int Column) at, string message, string fix)
    {
        ScenarioError e = Yaml.Errors(text).Should().ContainSingle().Subject;
        (e.Path, e.Line, e.Column).Should().Be(at);
        e.Message.Should().Be(message);
        e.Fix.Should().Contain(fix);
    }
}
