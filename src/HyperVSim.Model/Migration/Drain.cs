using HyperVSim.Model.Results;

namespace HyperVSim.Model.Migration;

/// <summary>
/// Pause a node and drain its roles: every running VM on it is live-migrated away, each to the node with the
/// most free memory that can take it (2012 R2's memory-aware placement), counting the memory of moves already
/// planned; the migrations queue behind the simultaneous-migration limit. A VM no node can take fails with the reason.
/// </summary>
public sealed class Drain
{
    private readonly Cluster _cluster;
    private readonly List<LiveMigration> _migrations = [];
    private readonly double _requestedAt;
    private int _pending;

    internal Drain(Cluster cluster, Host host)
    {
        _cluster = cluster;
        Host = host;
        _requestedAt = cluster.Simulation.Now.Seconds;
    }

    public Host Host { get; }

    public IReadOnlyList<LiveMigration> Migrations => _migrations;

    /// <summary>Set when every migration of the drain has ended.</summary>
    public DrainRecord? Record { get; private set; }

    internal void Start()
    {
        Host.Paused = true;
        var planned = new Dictionary<Host, long>();
        VirtualMachine[] vms = Host.Vms.Where(v => v.State == VmState.Running && !v.Migrating).ToArray();
        _pending = vms.Length;
        foreach (VirtualMachine vm in vms)
        {
            Host? target = ChooseTarget(vm, planned, out string why);
            LiveMigration m = target is null
                ? _cluster.RefuseMigration(vm, $"no node can take {vm.Name}: {why}", "cluster")
                : _cluster.LiveMigrate(vm, target, "cluster");
            if (target is not null)
            {
                planned[target] = planned.GetValueOrDefault(target) + vm.Spec.MemoryBytes;
            }

            _migrations.Add(m);
            if (m.Record is not null)
            {
                OnEnded();
            }
            else
            {
                m.Ended += OnEnded;
            }
        }

        if (vms.Length == 0)
        {
            Finish();
        }
    }

    private Host? ChooseTarget(VirtualMachine vm, Dictionary<Host, long> planned, out string why)
    {
        Host? best = null;
        long bestFree = long.MinValue;
        var reasons = new List<string>();
        foreach (Host h in _cluster.Hosts)
        {
            if (ReferenceEquals(h, Host))
            {
                continue;
            }

            if (h.Paused)
            {
                reasons.Add($"{h.Name} is paused");
                continue;
            }

            string? refusal = _cluster.WhyCannotMove(vm, h, checkMemory: false);
            long free = h.FreeMemoryBytes - planned.GetValueOrDefault(h);
            if (refusal is null && free < vm.Spec.MemoryBytes)
            {
                refusal = $"{h.Name} has {free / (double)(1L << 30):0.##} GiB free";
            }

            if (refusal is not null)
            {
                reasons.Add(refusal);
                continue;
            }

            if (free > bestFree)
            {
                best = h;
                bestFree = free;
            }
        }

        why = reasons.Count == 0 ? "the cluster has no other node" : string.Join("; ", reasons);
        return best;
    }

    private void OnEnded()
    {
        if (--_pending == 0)
        {
            Finish();
        }
    }

    private void Finish() => Record = Snapshot(completed: true);

    /// <summary>The drain's record now; <paramref name="completed"/> false for one still under way when the run stops.</summary>
    internal DrainRecord Snapshot(bool completed) => new(
        Host.Name,
        _requestedAt,
        completed ? _cluster.Simulation.Now.Seconds : null,
        _migrations.Count,
        _migrations.Count(m => m.Record?.Result == "completed"),
        _migrations.Count(m => m.Record is { Result: not "completed" }));
}
