using HyperVSim.Engine;
using HyperVSim.Model.Activities;

namespace HyperVSim.Model.Migration;

/// <summary>
/// Hyper-V's simultaneous live-migration limit: a migration needs a free slot on both its source and its
/// destination (each host allows <c>maxSimultaneous</c>). A move that copies disks also needs a storage-migration
/// slot (each host allows <c>maxSimultaneousStorage</c>): a storage live migration on its host, a shared-nothing
/// move on both hosts; a storage live migration takes no live-migration slot. Requests wait in request order;
/// whenever a slot frees (or a waiting request changes destination), the waiting requests are scanned in that
/// order and each one whose hosts all have the slots it needs starts.
/// </summary>
internal sealed class MigrationAdmission(Simulation sim, int maxSimultaneous, int maxSimultaneousStorage = 2)
{
    private readonly List<(LiveMigration Migration, Event Admitted)> _waiting = [];
    private readonly Dictionary<Host, int> _storage = [];

    /// <summary>Waiting requests.</summary>
    public int Queued => _waiting.Count;

    /// <summary>An event that succeeds when the migration may start (at once when both hosts have a slot).</summary>
    public Event Request(LiveMigration migration)
    {
        Event admitted = sim.Event(migration, static m => $"admit:{((LiveMigration)m).Vm.Name}");
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

    /// <summary>Storage migrations running on <paramref name="host"/>.</summary>
    public int ActiveStorage(Host host) => _storage.GetValueOrDefault(host);

    /// <summary>Frees the slots of a migration (its slot lease ends) and admits whatever can start.</summary>
    private void Release(Host source, Host target, bool live, IReadOnlyList<Host> storage)
    {
        if (live)
        {
            source.ActiveMigrations--;
            target.ActiveMigrations--;
        }

        foreach (Host h in storage)
        {
            _storage[h]--;
        }

        Pump();
    }

    /// <summary>Admits whatever can start now (after a waiting request changed destination).</summary>
    public void Pump()
    {
        // Runs at every request and release over the whole queue: the check allocates nothing, only an admission does.
        for (int i = 0; i < _waiting.Count; i++)
        {
            LiveMigration migration = _waiting[i].Migration;
            Host source = migration.Source;
            Host target = migration.Target!;
            bool live = !migration.StorageOnly;
            bool storage = migration.StorageTarget is not null;
            bool free = (!live || (source.ActiveMigrations < maxSimultaneous && target.ActiveMigrations < maxSimultaneous))
                && (!storage || (ActiveStorage(source) < maxSimultaneousStorage && (!live || ActiveStorage(target) < maxSimultaneousStorage)));
            if (free)
            {
                Event admitted = _waiting[i].Admitted;
                _waiting.RemoveAt(i--);
                Admit(migration, source, target, live, storage ? live ? [source, target] : [source] : []);
                admitted.Succeed(true);
            }
        }
    }

    /// <summary>Takes the slots of a migration that may start and gives it the lease that frees them.</summary>
    private void Admit(LiveMigration migration, Host source, Host target, bool live, IReadOnlyList<Host> storage)
    {
        if (live)
        {
            source.ActiveMigrations++;
            target.ActiveMigrations++;
        }

        foreach (Host h in storage)
        {
            _storage[h] = ActiveStorage(h) + 1;
        }

        migration.Admit(new SlotLease(this, source, target, live, storage));
    }

    /// <summary>The slots one admitted migration holds; released, they go back and the queue is scanned again.</summary>
    private sealed class SlotLease(MigrationAdmission admission, Host source, Host target, bool live, IReadOnlyList<Host> storage) : Lease
    {
        public override string What => live ? $"a migration slot on {source.Name} and {target.Name}" : $"a storage-migration slot on {source.Name}";

        private protected override void Release() => admission.Release(source, target, live, storage);
    }
}
