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

    /// <summary>
    /// Cancels the delay when it is scheduled and nothing listens to it any more (its process was killed), so it
    /// neither fires nor holds the clock; the simulation recycles it when it drops the queue entry
    /// (<see cref="Recycle"/>). Returns false, leaving it be, otherwise.
    /// </summary>
    internal bool TryWithdraw()
    {
        if (State != EventState.Triggered || HasListeners)
        {
            return false;
        }

        OwnerWaits = false;
        State = EventState.Cancelled;
        Simulation.NoteCancelled();
        return true;
    }

    /// <summary>Makes a withdrawn delay usable again: pending, and back in the pool unless a process owns it.</summary>
    internal void Recycle()
    {
        ResetForReuse();
        if (Owner is null)
        {
            Simulation.ReturnDelay(this);
        }
    }

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
            Recycle();
            owner?.Resume(this);
            waiter?.Resume(this);
            return;
        }

        FireWith(owner);
        Recycle();
    }
}
