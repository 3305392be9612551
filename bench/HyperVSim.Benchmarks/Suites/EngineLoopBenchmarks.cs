using BenchmarkDotNet.Attributes;
using HyperVSim.Benchmarks.Workloads;

namespace HyperVSim.Benchmarks.Suites;

/// <summary>
/// The engine's event loop on the hold model against the bare priority-queue loop, per event. Both keep
/// running across invocations, so every measured event is in steady state.
/// </summary>
[MemoryDiagnoser]
public class EngineLoopBenchmarks
{
    private const int EventsPerInvoke = 100_000;

    private EngineHold _engine = null!;
    private BaselineHold _baseline = null!;

    [Params(100, 1_000, 10_000)]
    public int Processes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = new EngineHold(Processes, HoldWorkload.NewDraws());
        _engine.Run(Processes + EventsPerInvoke);
        _baseline = new BaselineHold(Processes, HoldWorkload.NewDraws());
        _baseline.Run(EventsPerInvoke);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventsPerInvoke)]
    public void PriorityQueueLoop() => _baseline.Run(EventsPerInvoke);

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public void EngineDelayLoop() => _engine.Run(EventsPerInvoke);
}
