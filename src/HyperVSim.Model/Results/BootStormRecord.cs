namespace HyperVSim.Model.Results;

/// <summary>
/// The boots of one VM generation taken together (a boot storm's timeline, docs/model.md §Boot): how many booted,
/// how many ran, from the first request to the last guest running (<see cref="Seconds"/>), and the mean time from a
/// start slot to a running guest and from the request to a start slot. Times in seconds.
/// </summary>
public sealed record BootStormRecord(int Generation, int Boots, int Running, double FirstRequestedAt)
{
    /// <summary>When the last guest of the generation ran; null when none did.</summary>
    public double? LastRunningAt { get; init; }

    /// <summary><see cref="LastRunningAt"/> − <see cref="FirstRequestedAt"/>; null when none ran.</summary>
    public double? Seconds => LastRunningAt - FirstRequestedAt;

    /// <summary>Mean of runningAt − startedAt over the boots that ran; null when none did.</summary>
    public double? MeanBootSeconds { get; init; }

    /// <summary>Longest runningAt − startedAt; null when none ran.</summary>
    public double? MaxBootSeconds { get; init; }

    /// <summary>Mean of startedAt − requestedAt (time queued for placement and a start slot).</summary>
    public double MeanWaitSeconds { get; init; }

    /// <summary>One record per generation that booted, generation 1 first.</summary>
    public static IReadOnlyList<BootStormRecord> Of(IReadOnlyList<BootRecord> boots)
    {
        ArgumentNullException.ThrowIfNull(boots);
        return boots.GroupBy(b => b.Generation).OrderBy(g => g.Key).Select(g =>
        {
            BootRecord[] ran = g.Where(b => b.RunningAt is not null).ToArray();
            return new BootStormRecord(g.Key, g.Count(), ran.Length, g.Min(b => b.RequestedAt))
            {
                LastRunningAt = ran.Length == 0 ? null : ran.Max(b => b.RunningAt!.Value),
                MeanBootSeconds = ran.Length == 0 ? null : ran.Average(b => b.RunningAt!.Value - b.StartedAt),
                MaxBootSeconds = ran.Length == 0 ? null : ran.Max(b => b.RunningAt!.Value - b.StartedAt),
                MeanWaitSeconds = g.Average(b => b.StartedAt - b.RequestedAt),
            };
        }).ToArray();
    }
}
