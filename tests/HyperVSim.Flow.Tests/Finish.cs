using HyperVSim.Engine;

namespace HyperVSim.Flow.Tests;

/// <summary>When a flow's completion event was processed, and with which value (true: done, false: cancelled).</summary>
internal sealed class Finish
{
    public SimTime? At { get; private set; }

    public bool? Value { get; private set; }

    public static Finish Of(Flow flow)
    {
        var finish = new Finish();
        flow.Completion.AddCallback(e =>
        {
            finish.At = e.Simulation.Now;
            finish.Value = (bool?)e.Value;
        });
        return finish;
    }
}
