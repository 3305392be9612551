using HyperVSim.Flow;
using HyperVSim.Model.Migration;

namespace HyperVSim.Model.Transports;

/// <summary>What every flow-based session shares: the flows in flight, CPU accounting, and cancelling on close.</summary>
internal abstract class TransferSessionBase(TransportContext ctx) : ITransferSession
{
    private readonly List<Flow.Flow> _inFlight = [];
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
        foreach (Flow.Flow f in _inFlight.ToArray())
        {
            ctx.Flows.Cancel(f);
        }
    }

    /// <summary>Starts a flow and keeps it until it ends, so <see cref="Close"/> can cancel it.</summary>
    protected Flow.Flow StartFlow(double amount, IReadOnlyList<FlowUsage> path, double bound = double.PositiveInfinity)
    {
        Flow.Flow flow = ctx.Flows.Start(FlowName, amount, path, bound);
        if (flow.Active)
        {
            _inFlight.Add(flow);
            flow.Completion.AddCallback(_ => _inFlight.Remove(flow));
        }

        return flow;
    }

    /// <summary>Core-seconds both ends spend to move <paramref name="wireBytes"/> at <paramref name="perGB"/> core-seconds per GB each.</summary>
    protected static double TransportCpu(double wireBytes, double perGB) => 2 * wireBytes / 1e9 * perGB;
}
