using HyperVSim.Engine;
using HyperVSim.Flow;
using HyperVSim.Model.Migration;

namespace HyperVSim.Model.Transports;

/// <summary>A payload carried by one or more flows (one per channel); done when all are through.</summary>
internal sealed class FlowTransfer : ITransfer
{
    private readonly IReadOnlyList<Flow.Flow> _flows;
    private readonly Func<Flow.Flow, BottleneckSpan, LimitFactor> _factorOf;

    public FlowTransfer(Simulation sim, IReadOnlyList<Flow.Flow> flows, long bytesOnWire, Func<Flow.Flow, BottleneckSpan, LimitFactor> factorOf)
    {
        _flows = flows;
        _factorOf = factorOf;
        BytesOnWire = bytesOnWire;
        Done = flows.Count == 1 ? flows[0].Completion : sim.AllOf(flows.Select(f => f.Completion).ToArray(), "transfer");
    }

    public Event Done { get; }

    public long BytesOnWire { get; }

    public IReadOnlyList<(LimitFactor Factor, double Seconds)> LimitedBy()
    {
        // Factors in the order first seen, so ties resolve the same way every run.
        var tally = new List<(LimitFactor Factor, double Seconds)>();
        foreach (Flow.Flow f in _flows)
        {
            foreach (BottleneckSpan span in f.BottleneckSpans)
            {
                LimitFactor factor = _factorOf(f, span);
                int i = tally.FindIndex(t => t.Factor == factor);
                if (i < 0)
                {
                    tally.Add((factor, span.Duration.Seconds));
                }
                else
                {
                    tally[i] = (factor, tally[i].Seconds + span.Duration.Seconds);
                }
            }
        }

        return tally;
    }
}
