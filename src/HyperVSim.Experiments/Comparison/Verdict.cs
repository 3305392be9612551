namespace HyperVSim.Experiments.Comparison;

/// <summary>What comparison made of one metric or record.</summary>
public enum Verdict
{
    /// <summary>Equal, or moved less than the absolute floor.</summary>
    Unchanged,

    /// <summary>Moved, but within the tolerance.</summary>
    WithinTolerance,

    /// <summary>Got better (smaller) past the tolerance: reported, not a failure.</summary>
    Improved,

    /// <summary>Got worse (larger) past the tolerance.</summary>
    Regressed,

    /// <summary>In the baseline, not in the current report.</summary>
    Missing,

    /// <summary>In the current report, not in the baseline.</summary>
    New,

    /// <summary>Its result or state changed (completed → failed, running → off).</summary>
    OutcomeChanged,
}
