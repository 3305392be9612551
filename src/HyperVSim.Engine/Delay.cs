namespace HyperVSim.Engine;

/// <summary>
/// A reusable timeout for a process to wait on directly (<c>yield return sim.Delay(d)</c>), so waiting costs no
/// allocation; do not keep a reference to it or share it. Each process has one of its own, used whenever it
/// is free; other delays come from the simulation's pool and go back to it once processed.
/// </summary>
internal sealed class Delay : Event
{
    internal Delay(Simulation simulation, Process? owner)
        : base(simulation, "delay")
    {
        Owner = owner;
    }

    /// <summary>The process this delay belongs to, or null for a pooled one.</summary>
    internal Process? Owner { get; }

    /// <summary>
    /// True while <see cref="Owner"/> waits on this delay. The owner is recorded by this flag rather than in
    /// the waiter list, and the owner's target is implied by it: waiting costs no reference store (and so no
    /// GC write barrier) on either side.
    /// </summary>
    internal bool OwnerWaits { get; set; }

    internal void Start(SimTime due) => ScheduleAt(due, null);

    internal override void Fire()
    {
        Process? owner = null;
        if (OwnerWaits)
        {
            OwnerWaits = false;
            owner = Owner;
        }

        if (TryTakeSoleWaiter(out Process? waiter))
        {
            // The common case: its process waits and nothing else listens. Recycle first, then resume: the
            // process usually asks for its next delay at once and gets this one back, still in cache.
            ResetForReuse();
            if (Owner is null)
            {
                Simulation.ReturnDelay(this);
            }

            owner?.Resume(this);
            waiter?.Resume(this);
            return;
        }

        FireWith(owner);
        ResetForReuse();
        if (Owner is null)
        {
            Simulation.ReturnDelay(this);
        }
    }
}
