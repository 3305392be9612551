namespace HyperVSim.Model.Migration;

/// <summary>
/// What held a migration back (the report's <c>limitedBy</c>): its name in reports and a phrase for people. The
/// built-in ones are below; a plug-in (a transport, a strategy) declares its own value with its own description, and
/// the console explains it with that description.
/// </summary>
public readonly record struct LimitFactor(string Name, string Description)
{
    /// <summary>
    /// Adds <paramref name="seconds"/> to <paramref name="factor"/>'s entry in <paramref name="tally"/>, appending it when
    /// new (factors in the order first seen, so ties resolve the same way every run; a new entry is 0 + seconds, so a −0
    /// counts as +0).
    /// </summary>
    internal static void Tally(List<(LimitFactor Factor, double Seconds)> tally, LimitFactor factor, double seconds)
    {
        for (int i = 0; i < tally.Count; i++)
        {
            if (tally[i].Factor == factor)
            {
                tally[i] = (factor, tally[i].Seconds + seconds);
                return;
            }
        }

        tally.Add((factor, 0.0 + seconds));
    }

    /// <summary>A NIC direction the flow had to itself.</summary>
    public static LimitFactor Nic { get; } = new("nic", "the NIC line rate");

    /// <summary>A NIC direction shared with other flows.</summary>
    public static LimitFactor Link { get; } = new("link", "its share of a link used by other migrations");

    /// <summary>The per-stream TCP ceiling (the flow's own bound).</summary>
    public static LimitFactor StreamCeiling { get; } = new("streamCeiling", "the per-stream TCP ceiling");

    /// <summary>Spare CPU for compressing or decompressing.</summary>
    public static LimitFactor CompressionCpu { get; } = new("compressionCpu", "compression CPU");

    /// <summary>Resend passes while dirtying outpaced sending (pre-copy ran out of passes).</summary>
    public static LimitFactor DirtyRate { get; } = new("dirtyRate", "dirtying that outpaced the transfer");

    /// <summary>A volume's bandwidth or IOPS (saving, restoring, copying disks).</summary>
    public static LimitFactor Storage { get; } = new("storage", "the volumes' bandwidth or IOPS");

    /// <summary>The storage rate assumed for volumes the scenario does not limit (cluster.liveMigration.storageRate).</summary>
    public static LimitFactor StorageRate { get; } = new("storageRate", "the storage rate assumed for unlimited volumes");

    /// <summary>Waiting behind the simultaneous-migration limit.</summary>
    public static LimitFactor Queue { get; } = new("queue", "the simultaneous-migration limit");

    /// <summary>The report's name.</summary>
    public override string ToString() => Name;
}
