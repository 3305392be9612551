using HyperVSim.Engine;
using HyperVSim.Model.Results;
using HyperVSim.Model.Transports;

namespace HyperVSim.Model.Migration.Strategies;

/// <summary>
/// Post-copy live migration, a research strategy after Hines and Gopalan (VEE 2009), not something Hyper-V does
/// (docs/model.md §Post-copy): setup as pre-copy; pause, send the CPU and device state, switch and resume on the
/// target (the downtime); then pull all memory, each page once, while the guest runs there degraded: a touch of
/// a page not yet received stalls it for <c>postCopyFaultLatency</c>. With the pages arriving at a steady rate the
/// guest's speed at fetched fraction f is 1 / (1 + (1 − f)·a), a = touch rate (pages/s) × fault latency, so over a
/// pull of T seconds it stalls T·(1 − ln(1 + a)/a). Needs a byte stream: tcpip or smb, not compression.
/// </summary>
public sealed class PostCopyStrategy : IMigrationStrategy
{
    /// <summary>The registered name.</summary>
    public const string Name = "postcopy";

    /// <summary>The transports post-copy can pull pages over.</summary>
    public static IReadOnlyList<string> Transports { get; } = ["tcpip", "smb"];

    /// <summary>Bytes of one page the guest faults on.</summary>
    public const double PageBytes = 4096;

    /// <summary>Seconds a guest stalls over a pull of <paramref name="pullSeconds"/> when it touches <paramref name="touchBytesPerSecond"/> of distinct memory per second.</summary>
    public static double StallSeconds(double pullSeconds, double touchBytesPerSecond, double faultLatencySeconds)
    {
        double a = touchBytesPerSecond / PageBytes * faultLatencySeconds;
        return a < 1e-12 ? 0 : pullSeconds * (1 - (Math.Log(1 + a) / a));
    }

    public IEnumerable<Event> Run(IMigrationContext ctx)
    {
        if (!Transports.Contains(ctx.Option))
        {
            ctx.Fail($"post-copy pulls pages on demand over a byte stream (tcpip or smb); option {ctx.Option} cannot carry it");
            yield break;
        }

        ctx.ReserveTargetMemory();
        SimTime setupStart = ctx.Now;
        double jitter = ctx.Settings.SetupJitter * ((2 * ctx.Random.NextDouble()) - 1);
        ctx.Waiting("setup");
        yield return ctx.Delay(SimTime.FromSeconds(ctx.Settings.SetupTime.Seconds * (1 + jitter)));
        ctx.AddPhase(new PhaseRecord(PhaseKind.Setup, null, setupStart.Seconds, ctx.Now.Seconds, 0, 0, 0, null));

        if (ctx.OpenTransport(out string failure) is not { } session)
        {
            ctx.Fail(failure);
            yield break;
        }

        // Downtime: pause, send the CPU and device state, resume on the target.
        ctx.PauseVm();
        SimTime pauseStart = ctx.Now;
        long state = ctx.Settings.DeviceStateBytes;
        ctx.Waiting($"the switch: {state:N0} bytes of device state over {session.Network}");
        ITransfer sent = session.Send(state);
        yield return sent.Done;
        ctx.AddPhase(new PhaseRecord(PhaseKind.Blackout, null, pauseStart.Seconds, ctx.Now.Seconds, state, sent.BytesOnWire, 0, ctx.Account(sent)) { Encoding = sent.Encoding });
        SimTime switchStart = ctx.Now;
        yield return ctx.Delay(ctx.Settings.SwitchoverTime);
        ctx.SwitchToTarget();
        ctx.ResumeVm();
        ctx.AddPhase(new PhaseRecord(PhaseKind.Switchover, null, switchStart.Seconds, ctx.Now.Seconds, 0, 0, 0, null));
        double downtime = (ctx.Now - pauseStart).Seconds;

        // Pull: every page once (active push and demand faults together), the guest running degraded meanwhile.
        long memory = ctx.Vm.Spec.MemoryBytes;
        SimTime pullStart = ctx.Now;
        ctx.Waiting($"pulling {memory:N0} bytes of memory over {session.Network} while the guest runs degraded");
        ITransfer pull = session.Send(memory);
        yield return pull.Done;
        ctx.AddPhase(new PhaseRecord(PhaseKind.Pull, null, pullStart.Seconds, ctx.Now.Seconds, memory, pull.BytesOnWire, 0, ctx.Account(pull)));
        session.Close();

        double degraded = (ctx.Now - pullStart).Seconds;
        double touch = ctx.Vm.Spec.Dirtying.Model == "none" ? 0 : ctx.Vm.Spec.Dirtying.BytesPerSecond * ctx.Target.GuestCpuShare;
        double stall = StallSeconds(degraded, touch, ctx.Settings.PostCopyFaultLatency.Seconds);
        ctx.Complete(new MigrationOutcome(0, sent.BytesOnWire + pull.BytesOnWire, null, downtime, session)
        {
            DegradedSeconds = degraded,
            StallSeconds = stall,
        });
    }
}
