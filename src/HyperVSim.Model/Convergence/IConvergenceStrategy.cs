namespace HyperVSim.Model.Convergence;

/// <summary>How pre-copy is helped to converge: after each pass, the fraction of the guest's CPU to throttle (0 = none).</summary>
public interface IConvergenceStrategy
{
    /// <summary>The throttle for the next pass, given the current one and the pass's bytes sent and dirtied.</summary>
    double NextThrottle(double current, long sentBytes, long dirtiedBytes);
}
