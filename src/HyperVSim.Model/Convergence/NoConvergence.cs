namespace HyperVSim.Model.Convergence;

/// <summary>Hyper-V's behaviour: the guest is never slowed; only the pass cap ends pre-copy.</summary>
internal sealed class NoConvergence : IConvergenceStrategy
{
    public double NextThrottle(double current, long sentBytes, long dirtiedBytes) => 0;
}
