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
        for (int f = 0; f < _flows.Count; f++)
        {
            Flow.Flow flow = _flows[f];
            IReadOnlyList<BottleneckSpan> spans = flow.BottleneckSpans;
            for (int s = 0; s < spans.Count; s++)
            {
                Tally(tally, _factorOf(flow, spans[s]), spans[s].Duration.Seconds);
            }
        }

        return tally;
    }

    /// <summary>Adds <paramref name="seconds"/> to <paramref name="factor"/>'s entry in <paramref name="tally"/>, appending it when new.</summary>
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

        tally.Add((factor, seconds));
    }
}
