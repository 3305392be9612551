namespace HyperVSim.Model.Specs;

/// <summary>
/// Stochastic faults: per component class, the time between failures and the time to repair, each drawn from a
/// distribution on the component's own stream (seed, component name, "faults"). A null class has no random faults.
/// </summary>
public sealed record FaultsSpec
{
    public FaultProcessSpec? Hosts { get; init; }

    public FaultProcessSpec? Nics { get; init; }

    public FaultProcessSpec? StoragePaths { get; init; }

    /// <summary>Volumes (the scenario's <c>storage</c> key).</summary>
    public FaultProcessSpec? Storage { get; init; }

    public bool Any => Hosts is not null || Nics is not null || StoragePaths is not null || Storage is not null;
}

/// <summary>An alternating renewal process: up for a draw of <see cref="Between"/>, down for a draw of <see cref="Repair"/>.</summary>
public sealed record FaultProcessSpec(DistributionSpec Between, DistributionSpec Repair);

/// <summary>A distribution of durations, in seconds.</summary>
public abstract record DistributionSpec
{
    /// <summary>The mean in seconds (for docs and checks).</summary>
    public abstract double MeanSeconds { get; }
}

/// <summary>Exponential with the given mean (memoryless: a constant failure rate 1/mean).</summary>
public sealed record ExponentialSpec(double Mean) : DistributionSpec
{
    public override double MeanSeconds => Mean;
}

/// <summary>Weibull with shape k and scale λ (seconds): mean λ·Γ(1 + 1/k); k &gt; 1 wears out, k &lt; 1 infant mortality.</summary>
public sealed record WeibullSpec(double Shape, double Scale) : DistributionSpec
{
    public override double MeanSeconds => Scale * MathNet.Numerics.SpecialFunctions.Gamma(1 + 1 / Shape);
}

/// <summary>Log-normal with the given median (seconds) and σ of the log: mean median·e^(σ²/2).</summary>
public sealed record LogNormalSpec(double Median, double Sigma) : DistributionSpec
{
    public override double MeanSeconds => Median * Math.Exp(Sigma * Sigma / 2);
}
