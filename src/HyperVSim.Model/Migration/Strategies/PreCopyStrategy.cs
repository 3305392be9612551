using HyperVSim.Engine;
using HyperVSim.Model.Convergence;
using HyperVSim.Model.Results;
using HyperVSim.Model.Transports;

namespace HyperVSim.Model.Migration.Strategies;

/// <summary>
/// Hyper-V's pre-copy live migration, read top to bottom as it performs it (docs/model.md §Live migration): setup
/// (connect, configuration, skeleton VM with its memory on the target); pass 0 sends all memory while the VM runs;
/// each further pass resends what the guest dirtied during the previous one; pre-copy stops when the dirty set could
/// be sent within the blackout target or after <c>maxPasses</c>; blackout (guest paused: last dirty pages and
/// device state); switch-over (resume on the target).
/// </summary>
internal sealed class PreCopyStrategy : IMigrationStrategy
{
    public IEnumerable<Event> Run(IMigrationContext ctx)
    {
        // Setup: connect, send the configuration, create the skeleton VM holding its memory on the target.
        ctx.ReserveTargetMemory();
        SimTime setupStart = ctx.Now;
        double jitter = ctx.Settings.SetupJitter * ((2 * ctx.Random.NextDouble()) - 1);
        ctx.Waiting("setup");
        yield return ctx.Delay(SimTime.FromSeconds(ctx.Settings.SetupTime.Seconds * (1 + jitter)));
        ctx.AddPhase(Phase(PhaseKind.Setup, null, setupStart, ctx.Now));

        if (ctx.OpenTransport(out string failure) is not { } session)
        {
            ctx.Fail(failure);
            yield break;
        }

        // Pre-copy passes while the guest runs.
        long memory = ctx.Vm.Spec.MemoryBytes;
        long toSend = memory;
        long wire = 0;
        int rounds = 0;
        string stopReason;
        SimTime dirtyPassesTime = SimTime.Zero;
        List<ITransfer>? resends = null; // the passes after the first, kept only when there are some
        IConvergenceStrategy convergence = ConvergenceStrategies.Get(ctx.Settings.Convergence);
        double throttle = 0;
        while (true)
        {
            SimTime passStart = ctx.Now;

            // The guest dirties at the speed it runs: its CPU share on a busy host, less any throttle.
            double guestSpeed = ctx.Source.GuestCpuShare * (1 - throttle);
            ctx.WaitingToSend(PassStep(rounds), toSend, session);
            ITransfer pass = session.Send(toSend);
            yield return pass.Done;
            SimTime passTime = ctx.Now - passStart;
            long dirtied = Math.Min(memory, ctx.Vm.Dirtying.DirtiedBytes(passTime.Seconds * guestSpeed));
            wire += pass.BytesOnWire;
            rounds++;
            if (rounds > 1)
            {
                dirtyPassesTime += passTime;
            }

            ctx.AddPhase(Sent(PhaseKind.Pass, rounds - 1, passStart, ctx.Now, toSend, pass, dirtied, ctx.Account(pass, count: rounds == 1), throttle));
            if (rounds > 1)
            {
                (resends ??= []).Add(pass);
            }

            throttle = convergence.NextThrottle(throttle, toSend, dirtied);
            double rate = passTime > SimTime.Zero ? toSend / passTime.Seconds : double.PositiveInfinity;
            if (dirtied == 0)
            {
                stopReason = "noDirtyMemory";
                toSend = 0;
                break;
            }

            if (dirtied / rate <= ctx.Settings.BlackoutTarget.Seconds)
            {
                stopReason = "blackoutTarget";
                toSend = dirtied;
                break;
            }

            toSend = dirtied;
            if (rounds >= ctx.Settings.MaxPasses)
            {
                stopReason = "maxPasses";
                break;
            }
        }

        // Blackout: the guest is paused; the last dirty pages and the device state cross.
        ctx.PauseVm();
        SimTime blackoutStart = ctx.Now;
        long blackoutBytes = toSend + ctx.Settings.DeviceStateBytes;
        ctx.WaitingToSend("the blackout", blackoutBytes, session);
        ITransfer last = session.Send(blackoutBytes);
        yield return last.Done;
        wire += last.BytesOnWire;
        ctx.AddPhase(Sent(PhaseKind.Blackout, null, blackoutStart, ctx.Now, blackoutBytes, last, 0, ctx.Account(last)));

        // Switch-over: the VM resumes on the target; the source is cleaned up.
        SimTime switchStart = ctx.Now;
        ctx.Waiting("switch-over");
        yield return ctx.Delay(ctx.Settings.SwitchoverTime);
        ctx.SwitchToTarget();
        ctx.ResumeVm();
        ctx.AddPhase(Phase(PhaseKind.Switchover, null, switchStart, ctx.Now));
        session.Close();

        // Passes after the first resend dirtied memory. When pre-copy ran out of passes, dirtying outpaced
        // sending: their time counts against the dirty rate; otherwise against what bound each transfer.
        if (stopReason == "maxPasses")
        {
            ctx.AddLimit(LimitFactor.DirtyRate, dirtyPassesTime.Seconds);
        }
        else if (resends is not null)
        {
            foreach (ITransfer resend in resends)
            {
                ctx.Account(resend, count: true);
            }
        }

        ctx.Complete(new MigrationOutcome(rounds, wire, stopReason, (ctx.Now - blackoutStart).Seconds, session));
    }

    /// <summary>"pass N", the step a migration waits on while pass N crosses (made once for the first passes).</summary>
    private static string PassStep(int pass) => pass < PassSteps.Length ? PassSteps[pass] : $"pass {pass}";

    private static readonly string[] PassSteps = Enumerable.Range(0, 16).Select(i => $"pass {i}").ToArray();

    private static PhaseRecord Phase(PhaseKind kind, int? pass, SimTime start, SimTime end) =>
        new(kind, pass, start.Seconds, end.Seconds, 0, 0, 0, null);

    /// <summary>A phase that sent a payload: its bytes on the wire and how they went (plain, compressed, fell back).</summary>
    private static PhaseRecord Sent(PhaseKind kind, int? pass, SimTime start, SimTime end, long bytes, ITransfer sent, long dirtied, LimitFactor? limitedBy, double throttle = 0) =>
        new(kind, pass, start.Seconds, end.Seconds, bytes, sent.BytesOnWire, dirtied, limitedBy, throttle)
        {
            Encoding = sent.Encoding,
            FellBackAt = sent.FellBackAt?.Seconds,
        };
}
