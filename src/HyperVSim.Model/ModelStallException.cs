using HyperVSim.Engine;

namespace HyperVSim.Model;

/// <summary>
/// A run ran out of events while activities were still in flight and no stop time (<c>until</c>) explains it: the
/// model left something waiting on what can never happen. This is a bug in the model, never a result to report.
/// </summary>
public sealed class ModelStallException : Exception
{
    public ModelStallException(SimTime at, IReadOnlyList<string> activities)
        : base($"model error: the run ran out of events at {at} with {activities.Count} activit{(activities.Count == 1 ? "y" : "ies")} unfinished: {string.Join("; ", activities)}")
    {
        At = at;
        Activities = activities;
    }

    /// <summary>When the last event ran.</summary>
    public SimTime At { get; }

    /// <summary>Each unfinished activity, what it waits on and since when.</summary>
    public IReadOnlyList<string> Activities { get; }
}
