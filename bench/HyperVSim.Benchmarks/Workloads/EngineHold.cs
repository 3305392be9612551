using HyperVSim.Engine;

namespace HyperVSim.Benchmarks.Workloads;

/// <summary>The hold model on the engine: processes yielding the pooled <see cref="Simulation.Delay"/>.</summary>
public sealed class EngineHold
{
    private readonly Simulation _sim = new(new SimulationOptions { MaxEvents = long.MaxValue });

    /// <summary>Creates the processes; their start events are the first <paramref name="processes"/> events.</summary>
    public EngineHold(int processes, Random draws)
    {
        for (int i = 0; i < processes; i++)
        {
            _sim.Process(Hold(_sim, draws), "hold-" + i);
        }
    }

    public long Now => _sim.Now.Nanoseconds;

    public long EventsProcessed => _sim.EventsProcessed;

    /// <summary>Processes <paramref name="events"/> events.</summary>
    public void Run(long events)
    {
        Simulation sim = _sim;
        for (long i = 0; i < events; i++)
        {
            if (!sim.Step())
            {
                throw new InvalidOperationException("the hold model ran out of events");
            }
        }
    }

    private static IEnumerable<Event> Hold(Simulation sim, Random draws)
    {
        while (true)
        {
            yield return sim.Delay(new SimTime(HoldWorkload.Draw(draws)));
        }
    }
}
