namespace HyperVSim.Flow;

/// <summary>
/// Computes the rates of one connected group of flows and resources, given as a <see cref="FlowProblem"/>.
/// Implementations keep their scratch space between calls, so that solving allocates nothing once it has grown.
/// </summary>
internal interface IFlowSolver
{
    /// <summary>Fills <see cref="FlowProblem.Rate"/> and <see cref="FlowProblem.Bottleneck"/> for every flow of <paramref name="problem"/>.</summary>
    void Solve(FlowProblem problem);
}
