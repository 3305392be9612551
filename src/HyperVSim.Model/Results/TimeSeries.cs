namespace HyperVSim.Model.Results;

/// <summary>A step function over simulated time: each point holds its value until the next one (times in seconds).</summary>
public sealed record TimeSeries(string Name, string Unit, IReadOnlyList<TimePoint> Points);

/// <summary>A value from a time on (seconds).</summary>
public readonly record struct TimePoint(double Time, double Value);
