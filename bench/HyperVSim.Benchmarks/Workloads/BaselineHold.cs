namespace HyperVSim.Benchmarks.Workloads;

/// <summary>
/// The hold model with no engine: a bare <see cref="PriorityQueue{TElement, TPriority}"/> of process ids keyed by
/// wake-up time; each event pops the earliest, draws a delay and pushes the same id back. The floor any engine
/// is measured against.
/// </summary>
public sealed class BaselineHold
{
    private readonly PriorityQueue<int, long> _queue;
    private readonly Random _draws;

    /// <summary>Schedules every process's first wake-up, drawing in process order as the engine's start events do.</summary>
    public BaselineHold(int processes, Random draws)
    {
        _draws = draws;
        _queue = new PriorityQueue<int, long>(processes);
        for (int i = 0; i < processes; i++)
        {
            _queue.Enqueue(i, HoldWorkload.Draw(draws));
        }
    }

    public long Now { get; private set; }

    /// <summary>Processes <paramref name="events"/> wake-ups.</summary>
    public void Run(long events)
    {
        PriorityQueue<int, long> queue = _queue;
        Random draws = _draws;
        long now = Now;
        for (long i = 0; i < events; i++)
        {
            queue.TryDequeue(out int id, out now);
            queue.Enqueue(id, now + HoldWorkload.Draw(draws));
        }

        Now = now;
    }
}
