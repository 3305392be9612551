using HyperVSim.Flow;
using HyperVSim.Model.Migration;

namespace HyperVSim.Model.Transports;

/// <summary>What every flow-based session shares: the flows in flight, CPU accounting, and cancelling on close.</summary>
internal abstract class TransferSessionBase(TransportContext ctx) : ITransferSession
{
    // The flows started, less those seen ended when the next one started: Close cancels what is still active (cancelling
    // an ended flow does nothing), so no per-flow completion callback is needed to keep the list exact. Made at the first
    // flow (a compression session's inner TCP/IP session starts flows only when a pass falls back).
    private List<Flow.Flow>? _inFlight;
    private string? _flowName;

    protected TransportContext Context => ctx;

    /// <summary>The name of every flow of this session (built once: a migration starts a flow per pass).</summary>
    protected string FlowName => _flowName ??= $"lm:{ctx.Vm.Name}";

    public abstract string Network { get; }

    public abstract IReadOnlyList<string> Nics { get; }

    public virtual double CpuSeconds => Cpu;

    /// <summary>Core-seconds this session's own flows have cost.</summary>
    protected double Cpu { get; set; }

    public abstract ITransfer Send(long payloadBytes);

    public virtual string? Describe(LimitFactor factor) => null;

    public virtual void Close()
    {
        // Cancelling only triggers each flow's completion (processed later), so the list does not change under the loop.
        if (_inFlight is null)
        {
            return;
        }

        foreach (Flow.Flow f in _inFlight)
        {
            ctx.Flows.Cancel(f);
        }

        _inFlight.Clear();
    }

    /// <summary>Starts a flow and keeps it while it may run, so <see cref="Close"/> can cancel it.</summary>
    protected Flow.Flow StartFlow(double amount, ReadOnlySpan<FlowUsage> path, double bound = double.PositiveInfinity)
    {
        Flow.Flow flow = ctx.Flows.Start(FlowName, amount, path, bound);
        if (flow.Active)
        {
            List<Flow.Flow> inFlight = _inFlight ??= [];
            inFlight.RemoveAll(static f => !f.Active);
            inFlight.Add(flow);
        }

        return flow;
    }

    /// <summary>Core-seconds both ends spend to move <paramref name="wireBytes"/> at <paramref name="perGB"/> core-seconds per GB each.</summary>
    protected static double TransportCpu(double wireBytes, double perGB) => 2 * wireBytes / 1e9 * perGB;
}
