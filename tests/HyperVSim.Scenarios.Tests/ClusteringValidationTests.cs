using FluentAssertions;
using HyperVSim.Model.Specs;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>
/// The failover-clustering keys (issue 9) refused where Hyper-V or the simulation cannot have them: each case is the
/// one error of its scenario, at the value to change (path, line, column), with its exact message and its fix.
/// </summary>
public sealed class ClusteringValidationTests
{
    [Fact]
    public void A_fail_of_a_host_that_does_not_exist() =>
        Check(Yaml.Base + "events:\n  - { at: 1m, fail: { host: hv9 } }\n", ("events[0].fail.host", 13, 29), "'hv9' is not a host; did you mean 'hv1'?", "name one of the hosts: hv1, hv2");

    [Fact]
    public void A_fail_of_a_nic_that_does_not_exist() =>
        Check(Yaml.Base + "events:\n  - { at: 1m, fail: { nic: hv1/lm9 } }\n", ("events[0].fail.nic", 13, 28), "hv1 has no NIC 'lm9'; did you mean 'hv1/lm1'?", "name one of hv1's NICs: lm1, vm1");

    [Fact]
    public void A_fail_of_a_storage_path_to_a_volume_that_does_not_exist() =>
        Check(Yaml.Base + "storage: [ { name: csv1 } ]\nevents:\n  - { at: 1m, fail: { storagePath: hv1/csv9 } }\n", ("events[0].fail.storagePath", 14, 36), "'csv9' is not a storage volume; did you mean 'csv1'?", "name one of the storage volumes: csv1");

    [Fact]
    public void A_fail_of_a_storage_path_from_a_host_that_does_not_exist() =>
        Check(Yaml.Base + "storage: [ { name: csv1 } ]\nevents:\n  - { at: 1m, fail: { storagePath: hx1/csv1 } }\n", ("events[0].fail.storagePath", 14, 36), "'hx1' is not a host; did you mean 'hv1'?", "name one of the hosts");

    [Fact]
    public void A_storage_path_from_a_host_to_another_hosts_local_volume_does_not_exist() =>
        Check(Yaml.Base + "storage: [ { name: l1, kind: local, host: hv1 } ]\nevents:\n  - { at: 1m, fail: { storagePath: hv2/l1 } }\n", ("events[0].fail.storagePath", 14, 36), "hv2 has no path to local volume 'l1': only its own host hv1 reaches it", "name hv1/l1, or a csv or smb volume");

    [Fact]
    public void A_repair_of_a_volume_that_does_not_exist() =>
        Check(Yaml.Base + "storage: [ { name: csv1 } ]\nevents:\n  - { at: 1m, repair: { storage: csv9 } }\n", ("events[0].repair.storage", 14, 34), "'csv9' is not a storage volume; did you mean 'csv1'?", "name one of the storage volumes: csv1");

    [Fact]
    public void A_repair_of_something_not_failed_at_that_time_is_an_error_in_time_order() =>
        Check(Yaml.Base + "events:\n  - { at: 2m, fail: { host: hv1 } }\n  - { at: 1m, repair: { host: hv1 } }\n", ("events[1].repair", 14, 23), "host hv1 is not failed at 1m, so there is nothing to repair", "fail it with an earlier event, or remove this repair");

    [Fact]
    public void A_fail_of_something_already_failed_is_an_error() =>
        Check(Yaml.Base + "events:\n  - { at: 1m, fail: { nic: hv2/vm1 } }\n  - { at: 2m, fail: { nic: hv2/vm1 } }\n", ("events[1].fail", 14, 21), "NIC hv2/vm1 has already failed (events[0] at line 13) and is not repaired by 2m", "repair it before failing it again, or remove this event");

    [Fact]
    public void Faults_without_until_are_an_error() =>
        Check(Yaml.Base + "faults: { hosts: { between: { distribution: exponential, mean: 5000h }, repair: { distribution: exponential, mean: 4h } } }\n", ("faults", 12, 9), "random faults never stop, so without until the run would never end", "add a stop time at the top level, e.g. 'until: 30d'");

    [Fact]
    public void A_negative_weibull_scale_is_an_error() =>
        Check(Yaml.Base + "until: 30d\nfaults:\n  hosts: { between: { distribution: weibull, shape: 1.2, scale: -5h }, repair: { distribution: exponential, mean: 4h } }\n", ("faults.hosts.between.scale", 14, 65), "'-5h' is negative", "write a value from 1s to");

    [Fact]
    public void A_zero_exponential_mean_is_an_error() =>
        Check(Yaml.Base + "until: 30d\nfaults:\n  nics: { between: { distribution: exponential, mean: 0h }, repair: { distribution: exponential, mean: 4h } }\n", ("faults.nics.between.mean", 14, 55), "'0h' is zero; it must be more than zero", "write a value from 1s to");

    [Fact]
    public void A_negative_lognormal_sigma_is_an_error() =>
        Check(Yaml.Base + "until: 30d\nfaults:\n  storagePaths: { between: { distribution: exponential, mean: 4h }, repair: { distribution: lognormal, median: 1h, sigma: -0.5 } }\n", ("faults.storagePaths.repair.sigma", 14, 123), "'-0.5' is negative", "write a value from 0 to 10");

    [Fact]
    public void A_zero_weibull_shape_is_an_error() =>
        Check(Yaml.Base + "until: 30d\nfaults:\n  storage: { between: { distribution: weibull, shape: 0, scale: 2000h }, repair: { distribution: exponential, mean: 4h } }\n", ("faults.storage.between.shape", 14, 55), "'0' is zero; it must be more than zero", "write a value from 0.01 to 100");

    [Fact]
    public void A_parameter_of_another_distribution_is_an_error_naming_the_right_ones() =>
        Check(Yaml.Base + "until: 30d\nfaults:\n  hosts: { between: { distribution: weibull, shape: 1.2, scale: 2000h, mean: 5000h }, repair: { distribution: exponential, mean: 4h } }\n", ("faults.hosts.between.mean", 14, 78), "'mean' is not a parameter of the weibull distribution, which takes shape and scale", "remove mean, or write distribution: exponential");

    [Fact]
    public void A_missing_parameter_of_a_distribution_is_an_error() =>
        Check(Yaml.Base + "until: 30d\nfaults:\n  hosts: { between: { distribution: weibull, shape: 1.2 }, repair: { distribution: exponential, mean: 4h } }\n", ("faults.hosts.between.scale", 14, 21), "a weibull distribution needs scale", "add scale: 2000h");

    [Fact]
    public void An_unknown_distribution_gets_a_suggestion() =>
        Check(Yaml.Base + "until: 30d\nfaults:\n  hosts: { between: { distribution: weibul, shape: 1.2, scale: 2000h }, repair: { distribution: exponential, mean: 4h } }\n", ("faults.hosts.between.distribution", 14, 37), "'weibul' is not one of exponential, weibull, lognormal; did you mean 'weibull'?", "write one of exponential, weibull, lognormal");

    [Fact]
    public void A_priority_other_than_the_four_is_an_error_naming_them() =>
        Check(Yaml.Base + "vms: [ { name: v, memory: 1GiB, priority: 1500 } ]\n", ("vms[0].priority", 12, 43), "'1500' is not a cluster priority: a VM's priority is 0, 1000, 2000 or 3000", "write 3000 (High), 2000 (Medium, the default), 1000 (Low) or 0 (no automatic start)");

    [Fact]
    public void A_preferred_owner_that_is_not_a_host_is_an_error() =>
        Check(Yaml.Base + "vms: [ { name: v, memory: 1GiB, preferredOwners: [hv1, hv3] } ]\n", ("vms[0].preferredOwners[1]", 12, 56), "'hv3' is not a host; did you mean 'hv1'?", "name one of the hosts: hv1, hv2");

    [Fact]
    public void A_possible_owner_that_is_not_a_host_is_an_error() =>
        Check(Yaml.Base + "vms: [ { name: v, memory: 1GiB, possibleOwners: [hx2] } ]\n", ("vms[0].possibleOwners[0]", 12, 50), "'hx2' is not a host; did you mean 'hv2'?", "name one of the hosts: hv1, hv2");

    [Fact]
    public void A_vms_host_must_be_among_its_possible_owners() =>
        Check(Yaml.Base + "vms: [ { name: v, memory: 1GiB, host: hv1, possibleOwners: [hv2] } ]\n", ("vms[0].host", 12, 39), "v is placed on hv1, which is not among its possibleOwners (hv2)", "add hv1 to possibleOwners, or place the VM on one of them");

    [Fact]
    public void A_preferred_owner_must_be_among_the_possible_owners() =>
        Check(Yaml.Base + "vms: [ { name: v, memory: 1GiB, possibleOwners: [hv2], preferredOwners: [hv1] } ]\n", ("vms[0].preferredOwners[0]", 12, 74), "preferred owner hv1 is not among the VM's possibleOwners (hv2)", "add hv1 to possibleOwners, or remove it from preferredOwners");

    [Fact]
    public void A_guest_cluster_member_needs_a_shared_disk() =>
        Check(Yaml.Base + "storage: [ { name: csv1 } ]\nguestClusters: [ { name: g } ]\nvms: [ { name: sql, count: 2, memory: 1GiB, guestCluster: g, disks: [ { name: d, size: 1GiB, storage: csv1 } ] } ]\n", ("vms[0].guestCluster", 14, 59), "sql1 is a member of guest cluster 'g' but has no shared disk", "give it a disk with shared: true");

    [Fact]
    public void A_guest_cluster_needs_two_members() =>
        Check(Yaml.Base + "storage: [ { name: csv1 } ]\nguestClusters: [ { name: g } ]\nvms: [ { name: v, memory: 1GiB, guestCluster: g, disks: [ { name: d, size: 1GiB, storage: csv1, shared: true } ] } ]\n", ("guestClusters[0].name", 13, 26), "guest cluster 'g' has 1 member; a cluster needs at least 2", "write guestCluster: g on at least two VMs");

    [Fact]
    public void A_shared_vhd_is_an_error() =>
        Check(Yaml.Base + "storage: [ { name: csv1 } ]\nvms: [ { name: v, memory: 1GiB, disks: [ { name: d, size: 1GiB, storage: csv1, format: vhd, shared: true } ] } ]\n", ("vms[0].disks[0].shared", 13, 101), "disk 'd' is a VHD; only a VHDX can be shared", "write format: vhdx, or remove shared");

    [Fact]
    public void A_shared_vhdx_on_local_storage_is_an_error() =>
        Check(Yaml.Base + "storage: [ { name: l1, kind: local, host: hv1 } ]\nvms: [ { name: v, memory: 1GiB, host: hv1, disks: [ { name: d, size: 1GiB, storage: l1, shared: true } ] } ]\n", ("vms[0].disks[0].shared", 13, 97), "shared disk 'd' is on local volume 'l1'; a shared VHDX lives on a CSV or an SMB share", "put the disk on a csv or smb volume, or remove shared");

    [Fact]
    public void A_shared_vhdx_without_storage_is_an_error() =>
        Check(Yaml.Base + "vms: [ { name: v, memory: 1GiB, disks: [ { name: d, size: 1GiB, shared: true } ] } ]\n", ("vms[0].disks[0].shared", 12, 73), "shared disk 'd' has no storage volume; a shared VHDX lives on a CSV or an SMB share", "add storage: with the name of a csv or smb volume");

    [Fact]
    public void A_shared_vhdx_on_a_2012_host_is_an_error() =>
        Check("name: t\nhosts: [ { name: old, version: 2012, memory: 64GiB }, { name: new, memory: 64GiB } ]\nstorage: [ { name: csv1 } ]\nvms: [ { name: v, memory: 1GiB, host: old, disks: [ { name: d, size: 1GiB, storage: csv1, shared: true } ] } ]\n", ("vms[0].disks[0].shared", 4, 99), "shared VHDX is new in 2012 R2, but old runs 2012", "place the VM on a 2012R2 host, or remove shared");

    [Fact]
    public void A_shared_vhdx_of_an_unplaced_vm_in_a_2012_cluster_is_an_error() =>
        Check("name: t\ncluster: { version: 2012 }\nhosts: [ { name: old, memory: 64GiB } ]\nstorage: [ { name: csv1 } ]\nvms: [ { name: v, memory: 1GiB, disks: [ { name: d, size: 1GiB, storage: csv1, shared: true } ] } ]\n", ("vms[0].disks[0].shared", 5, 88), "shared VHDX is new in 2012 R2, but the cluster runs 2012", "set cluster version: 2012R2, or remove shared");

    [Fact]
    public void A_local_volume_needs_its_host() =>
        Check(Yaml.Base + "storage: [ { name: l1, kind: local } ]\n", ("storage[0].kind", 12, 30), "local volume 'l1' needs the host it belongs to (only that host reaches it)", "add host: with the name of its host, e.g. host: hv1");

    [Fact]
    public void A_shared_volume_belongs_to_no_host() =>
        Check(Yaml.Base + "storage: [ { name: s1, kind: smb, host: hv1 } ]\n", ("storage[0].host", 12, 41), "a smb volume is reached by every host; only a local volume belongs to one host", "remove host, or write kind: local");

    [Fact]
    public void A_restart_needs_down_for() =>
        Check(Yaml.Base + "events:\n  - { at: 1m, restart: { host: hv1 } }\n", ("events[0].restart.downFor", 13, 24), "'downFor' is missing", "add downFor: 10m");

    [Fact]
    public void A_failback_window_that_starts_and_ends_at_the_same_hour_is_an_error() =>
        Check(Yaml.Base + "events:\n  - { at: 1m, resume: { host: hv1, failback: { window: [22, 22] } } }\n", ("events[0].resume.failback.window", 13, 56), "the failback window [22, 22] is empty: it starts and ends at the same hour", "end it at another hour, e.g. window: [22, 23]");

    [Fact]
    public void A_failback_hour_past_23_is_an_error() =>
        Check(Yaml.Base + "events:\n  - { at: 1m, restart: { host: hv1, downFor: 5m, failback: { window: [22, 24] } } }\n", ("events[0].restart.failback.window[1]", 13, 75), "'24' is more than the maximum 23 (hours of the day are 0 to 23)", "write a value from 0 to 23");

    [Fact]
    public void A_misspelt_failback_gets_a_suggestion() =>
        Check(Yaml.Base + "events:\n  - { at: 1m, resume: { host: hv1, failback: immedate } }\n", ("events[0].resume.failback", 13, 46), "'immedate' is not one of none, immediate; did you mean 'immediate'?", "write one of none, immediate");

    [Fact]
    public void Fail_and_repair_at_the_same_time_follow_the_listed_order()
    {
        ScenarioLoader.LoadText(Yaml.Base + "events:\n  - { at: 1m, fail: { host: hv1 } }\n  - { at: 1m, repair: { host: hv1 } }\n  - { at: 2m, fail: { host: hv1 } }\n", "t.yaml")
            .Events.Should().HaveCount(3);
        Check(Yaml.Base + "events:\n  - { at: 1m, repair: { host: hv1 } }\n  - { at: 1m, fail: { host: hv1 } }\n", ("events[0].repair", 13, 23), "host hv1 is not failed at 1m, so there is nothing to repair", "fail it with an earlier event");
    }

    [Fact]
    public void Targets_are_followed_separately_and_a_restart_is_not_a_failure() =>
        ScenarioLoader.LoadText(
            Yaml.Base + "events:\n  - { at: 1m, fail: { host: hv1 } }\n  - { at: 2m, fail: { nic: hv1/vm1 } }\n  - { at: 3m, restart: { host: hv2, downFor: 5m } }\n  - { at: 4m, fail: { host: hv2 } }\n",
            "t.yaml").Events.Should().HaveCount(4);

    [Theory]
    [InlineData("pause: { host: hv3 }", "events[0].pause.host", 30, "'hv3' is not a host; did you mean 'hv1'?")]
    [InlineData("resume: { host: hx1, failback: immediate }", "events[0].resume.host", 31, "'hx1' is not a host; did you mean 'hv1'?")]
    [InlineData("restart: { host: hv7, downFor: 10m }", "events[0].restart.host", 32, "'hv7' is not a host; did you mean 'hv1'?")]
    [InlineData("start: { vm: web2 }", "events[0].start.vm", 28, "'web2' is not a VM; did you mean 'web1'?")]
    public void Pause_resume_restart_and_start_name_existing_hosts_and_vms(string action, string path, int column, string message) =>
        Check(Yaml.Base + "vms: [ { name: web1, memory: 1GiB, state: off } ]\nevents:\n  - { at: 1m, " + action + " }\n", (path, 14, column), message, "name one of the");

    [Fact]
    public void A_guest_cluster_name_that_is_not_declared_is_an_error_not_a_new_guest_cluster() =>
        Check(
            Yaml.Base + "storage: [ { name: csv1 } ]\nguestClusters: [ { name: sqlguest } ]\nvms:\n"
            + "  - { name: sql, count: 2, memory: 1GiB, guestCluster: sqlguest, disks: [ { name: d, size: 1GiB, storage: csv1, shared: true } ] }\n"
            + "  - { name: web, memory: 1GiB, guestCluster: sqlgest, disks: [ { name: d, size: 1GiB, storage: csv1, shared: true } ] }\n",
            ("vms[1].guestCluster", 16, 46),
            "'sqlgest' is not a guest cluster; did you mean 'sqlguest'?",
            "name one of the guest clusters: sqlguest");

    [Fact]
    public void A_guest_cluster_name_with_no_guest_clusters_at_all_says_where_to_declare_it() =>
        Yaml.Errors(Yaml.Base + "vms: [ { name: v, memory: 1GiB, guestCluster: g } ]\n")
            .Should().Contain(e => e.Path == "vms[0].guestCluster" && e.Message == "'g' is not a guest cluster" && e.Fix == "add it under guestClusters: (there is no guest cluster yet)");

    [Fact]
    public void A_priority_written_as_a_word_gets_the_same_message() =>
        Check(Yaml.Base + "vms: [ { name: v, memory: 1GiB, priority: high } ]\n", ("vms[0].priority", 12, 43), "'high' is not a cluster priority: a VM's priority is 0, 1000, 2000 or 3000", "write 3000 (High)");

    [Fact]
    public void A_local_volumes_host_must_exist() =>
        Check(Yaml.Base + "storage: [ { name: l1, kind: local, host: hx1 } ]\n", ("storage[0].host", 12, 43), "'hx1' is not a host; did you mean 'hv1'?", "name one of the hosts: hv1, hv2");

    [Fact]
    public void A_failback_window_without_hours_says_how_to_write_them() =>
        Check(Yaml.Base + "events:\n  - { at: 1m, resume: { host: hv1, failback: window } }\n", ("events[0].resume.failback", 13, 46), "a failback window needs its hours", "write failback: { window: [22, 23] }");

    [Fact]
    public void A_misspelt_fault_class_gets_a_suggestion() =>
        Check(Yaml.Base + "until: 1d\nfaults: { host: { between: { distribution: exponential, mean: 1h } } }\n", ("faults.host", 13, 11), "unknown key 'host'; did you mean 'hosts'?", "keys allowed in faults: hosts, nics, storagePaths, storage");

    [Fact]
    public void New_keys_are_checked_for_near_misses() =>
        Check(Yaml.Base + "cluster: { quorum: { witnes: disk } }\n", ("cluster.quorum.witnes", 12, 22), "unknown key 'witnes'; did you mean 'witness'?", "keys allowed in cluster.quorum: witness, dynamic, arbitration");

    private static void Check(string text, (string Path, int Line, int Column) at, string message, string fix)
    {
        ScenarioError e = Yaml.Errors(text).Should().ContainSingle().Subject;
        (e.Path, e.Line, e.Column).Should().Be(at);
        e.Message.Should().Be(message);
        e.Fix.Should().Contain(fix);
    }
}
