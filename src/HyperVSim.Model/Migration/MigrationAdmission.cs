using HyperVSim.Engine;

namespace HyperVSim.Model.Migration;

/// <summary>
/// Hyper-V's simultaneous live-migration limit: a migration needs a free slot on both its source and its
/// destination (each host allows <c>maxSimultaneous</c>). Requests wait in request order; whenever a slot
/// frees, the waiting requests are scanned in that order and each one whose two hosts both have a slot starts.
/// </summary>
internal sealed class MigrationAdmission(Simulation sim, int maxSimultaneous)
{
    private readonly List<(Host Source, Host Target, Event Admitted)> _waiting = [];

    /// <summary>Waiting requests.</summary>
    public int Queued => _waiting.Count;

    /// <summary>An event that succeeds when the migration may start (at once when both hosts have a slot).</summary>
    public Event Request(Host source, Host target, string name)
    {
        Event admitted = sim.Event($"admit:{name}");
        _waiting.Add((source, target, admitted));
        Pump();
        return admitted;
    }

    /// <summary>Withdraws a request that has not been admitted (a cancelled migration).</summary>
    public void Withdraw(Event admitted) => _waiting.RemoveAll(w => ReferenceEquals(w.Admitted, admitted));

    /// <summary>Frees the slots of a finished migration and admits whatever can start.</summary>
    public void Release(Host source, Host target)
    {
        source.ActiveMigrations--;
        target.ActiveMigrations--;
        Pump();
    }

    private void Pump()
    {
        for (int i = 0; i < _waiting.Count; i++)
        {
            var (source, target, admitted) = _waiting[i];
            if (source.ActiveMigrations < maxSimultaneous && target.ActiveMigrations < maxSimultaneous)
            {
                source.ActiveMigrations++;
                target.ActiveMigrations++;
                _waiting.RemoveAt(i--);
                admitted.Succeed();
            }
        }
    }
}
