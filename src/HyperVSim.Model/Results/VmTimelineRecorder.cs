using HyperVSim.Engine;
using HyperVSim.Model.Components;
using HyperVSim.Model.Migration;

namespace HyperVSim.Model.Results;

/// <summary>
/// Keeps each VM's timeline for the report: every change of state, host or reason, with the time. A live migration
/// shows as <c>migrating</c> on its source from its start to its end (its blackout pause is part of it), then
/// <c>running</c> where the VM ended up. It observes only.
/// </summary>
public sealed class VmTimelineRecorder
{
    private readonly Cluster _cluster;
    /// <summary>Each VM's timeline, by <see cref="VirtualMachine.Index"/>.</summary>
    private readonly List<VmTimelineEntry>[] _entries;

    public VmTimelineRecorder(Cluster cluster)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        _entries = new List<VmTimelineEntry>[cluster.Vms.Count];
        foreach (VirtualMachine vm in cluster.Vms)
        {
            // Room for a few entries (a VM that moves once has three), not grown from one.
            _entries[vm.Index] = new List<VmTimelineEntry>(4) { new VmTimelineEntry(0, vm.State.Word(), vm.Host?.Name, vm.Reason) };
        }

        cluster.VmStateChanged += OnState;
        var service = cluster.Component<MigrationService>();
        service.MigrationStarted += m => Add(m.Vm, "migrating", m.Source.Name, $"live migration to {m.Target?.Name} started");
        service.MigrationEnded += OnMigrationEnded;
    }

    /// <summary>The timeline of <paramref name="vm"/>, in time order.</summary>
    public IReadOnlyList<VmTimelineEntry> For(VirtualMachine vm) => _entries[vm.Index];

    private void OnState(VirtualMachine vm, VmState before)
    {
        if (vm.Migrating && (vm.State == VmState.Paused || (before == VmState.Paused && vm.State == VmState.Running)))
        {
            return;
        }

        Add(vm, vm.State.Word(), vm.Host?.Name, vm.Reason);
    }

    private void OnMigrationEnded(LiveMigration m)
    {
        if (m.Record is not { } r || r.StartedAt is null || m.Vm.State != VmState.Running)
        {
            return;
        }

        string reason = r.Result == MigrationResult.Completed
            ? $"live-migrated from {r.From} to {r.To} in {r.TotalSeconds:0.###} s (blackout {r.BlackoutSeconds:0.###} s)"
            : $"its live migration to {r.To} ended {WireWord(r.Result)}: {r.Reason}";
        Add(m.Vm, "running", m.Vm.Host?.Name, reason);
    }

    private void Add(VirtualMachine vm, string state, string? host, string reason)
    {
        List<VmTimelineEntry> list = _entries[vm.Index];
        VmTimelineEntry last = list[^1];
        if (last.State == state && last.Host == host && last.Reason == reason)
        {
            return;
        }

        double now = _cluster.Simulation.Now.Seconds;
        list.Add(new VmTimelineEntry(now, state, host, reason));
    }

    private static string WireWord(MigrationResult result) => result.ToString().ToLowerInvariant();
}
