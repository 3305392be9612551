using HyperVSim.Engine;
using HyperVSim.Model.Activities;

namespace HyperVSim.Model.Migration;

/// <summary>
/// Hyper-V's simultaneous live-migration limit: a migration needs a free slot on both its source and its
/// destination (each host allows <c>maxSimultaneous</c>). Requests wait in request order; whenever a slot
/// frees (or a waiting request changes destination), the waiting requests are scanned in that order and each one
/// whose two hosts both have a slot starts.
/// </summary>
internal sealed class MigrationAdmission(Simulation sim, int maxSimultaneous)
{
    private readonly List<(LiveMigration Migration, Event Admitted)> _waiting = [];

    /// <summary>Waiting requests.</summary>
    public int Queued => _waiting.Count;

    /// <summary>An event that succeeds when the migration may start (at once when both hosts have a slot).</summary>
    public Event Request(LiveMigration migration)
    {
        Event admitted = sim.Event($"admit:{migration.Vm.Name}");
        _waiting.Add((migration, admitted));
        Pump();
        return admitted;
    }

    /// <summary>
    /// Withdraws a request that has not been admitted; its event succeeds with value false so the waiting
    /// migration ends instead of waiting forever.
    /// </summary>
    public void Withdraw(LiveMigration migration)
    {
        int i = _waiting.FindIndex(w => ReferenceEquals(w.Migration, migration));
        if (i >= 0)
        {
            Event admitted = _waiting[i].Admitted;
            _waiting.RemoveAt(i);
            admitted.Succeed(false);
        }
    }

    /// <summary>Frees the slots of a migration (its slot lease ends) and admits whatever can start.</summary>
    private void Release(Host source, Host target)
    {
        source.ActiveMigrations--;
        target.ActiveMigrations--;
        Pump();
    }

    /// <summary>Admits whatever can start now (after a waiting request changed destination).</summary>
    public void Pump()
    {
        for (int i = 0; i < _waiting.Count; i++)
        {
            var (migration, admitted) = _waiting[i];
            Host source = migration.Source;
            Host target = migration.Target!;
            if (source.ActiveMigrations < maxSimultaneous && target.ActiveMigrations < maxSimultaneous)
            {
                source.ActiveMigrations++;
                target.ActiveMigrations++;
                _waiting.RemoveAt(i--);
                migration.Admit(new Lease($"a migration slot on {source.Name} and {target.Name}", () => Release(source, target)));
                admitted.Succeed(true);
            }
        }
    }
}
