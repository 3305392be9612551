using HyperVSim.Engine;
using HyperVSim.Flow;
using HyperVSim.Model.Migration;

namespace HyperVSim.Model.Transports;

/// <summary>A payload carried by one or more flows (one per channel); done when all are through.</summary>
internal sealed class FlowTransfer : ITransfer
{
    // One flow (the usual case, kept without a list around it) or several.
    private readonly Flow.Flow? _flow;
    private readonly IReadOnlyList<Flow.Flow> _flows = [];
    private readonly Func<Flow.Flow, BottleneckSpan, LimitFactor> _factorOf;

    /// <summary>A payload carried by one flow: done when it is.</summary>
    public FlowTransfer(Flow.Flow flow, long bytesOnWire, Func<Flow.Flow, BottleneckSpan, LimitFactor> factorOf)
    {
        _flow = flow;
        _factorOf = factorOf;
        BytesOnWire = bytesOnWire;
        Done = flow.Completion;
    }

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
        var tally = new List<(LimitFactor Factor, double Seconds)>();
        LimitedBy(tally);
        return tally;
    }

    public void LimitedBy(List<(LimitFactor Factor, double Seconds)> tally)
    {
        // Factors in the order first seen, so ties resolve the same way every run.
        if (_flow is not null)
        {
            TallyFlow(tally, _flow);
        }

        for (int f = 0; f < _flows.Count; f++)
        {
            TallyFlow(tally, _flows[f]);
        }
    }

    private void TallyFlow(List<(LimitFactor Factor, double Seconds)> tally, Flow.Flow flow)
    {
        IReadOnlyList<BottleneckSpan> spans = flow.BottleneckSpans;
        for (int s = 0; s < spans.Count; s++)
        {
            LimitFactor.Tally(tally, _factorOf(flow, spans[s]), spans[s].Duration.Seconds);
        }
    }
}
