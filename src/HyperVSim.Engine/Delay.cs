namespace HyperVSim.Engine;

/// <summary>
/// A pooled timeout for a process to wait on directly (<c>yield return sim.Delay(d)</c>). The simulation reuses
/// it once processed, so waiting costs no allocation; do not keep a reference to it or share it.
/// </summary>
internal sealed class Delay : Event
{
    internal Delay(Simulation simulation)
        : base(simulation, "delay")
    {
    }

    internal void Start(SimTime due) => ScheduleAt(due, null);

    internal override void Fire()
    {
        base.Fire();
        ResetForReuse();
        Simulation.ReturnDelay(this);
    }
}
