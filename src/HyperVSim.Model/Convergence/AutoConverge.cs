namespace HyperVSim.Model.Convergence;

/// <summary>
/// QEMU-style auto-converge (a research strategy, not Hyper-V's): when a pass dirtied more than half of what
/// it sent, throttle the guest's CPU (and so its dirtying) by 20%, then 10 points more after each such pass,
/// up to 99% (QEMU's cpu-throttle-initial, -increment and the 50% trigger; docs/model.md §Convergence).
/// </summary>
internal sealed class AutoConverge : IConvergenceStrategy
{
    public const double Initial = 0.20;
    public const double Increment = 0.10;
    public const double Maximum = 0.99;
    public const double Trigger = 0.5;

    public double NextThrottle(double current, long sentBytes, long dirtiedBytes)
    {
        if (dirtiedBytes <= Trigger * sentBytes)
        {
            return current;
        }

        return current == 0 ? Initial : Math.Min(Maximum, Math.Round(current + Increment, 2));
    }
}
