using HyperVSim.Engine;
using HyperVSim.Model.Activities;
using HyperVSim.Model.Migration;

namespace HyperVSim.Model.Results;

/// <summary>
/// Observes a cluster's activity signals and keeps what the report needs: every migration and drain in the order
/// they started, whichever component started them, and which activities are still in flight.
/// </summary>
public sealed class ResultCollector
{
    private readonly List<LiveMigration> _migrations = [];
    private readonly List<Drain> _drains = [];
    private readonly List<IActivity> _inFlight = [];

    public ResultCollector(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        cluster.ActivityStarted += OnStarted;
        cluster.ActivityEnded += a => _inFlight.Remove(a);
    }

    /// <summary>Activities started and not yet ended, in start order.</summary>
    public IReadOnlyList<IActivity> InFlight => _inFlight;

    /// <summary>The records at <paramref name="end"/>: an unfinished migration or drain says it was cut by the stop time.</summary>
    public (IReadOnlyList<MigrationRecord> Migrations, IReadOnlyList<DrainRecord> Drains) Records(SimTime end) => (
        _migrations.Select(m => m.Record ?? m.Unfinished($"the run stopped at {end} (until) before it ended")).ToArray(),
        _drains.Select(d => d.Record ?? d.Snapshot(completed: false)).ToArray());

    private void OnStarted(IActivity activity)
    {
        if (!activity.HasEnded)
        {
            _inFlight.Add(activity);
        }

        switch (activity)
        {
            case LiveMigration m:
                _migrations.Add(m);
                break;
            case Drain d:
                _drains.Add(d);
                break;
        }
    }
}
