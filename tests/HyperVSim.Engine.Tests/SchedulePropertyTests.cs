using CsCheck;
using FluentAssertions;
using Xunit;

namespace HyperVSim.Engine.Tests;

/// <summary>
/// Random schedules checked against a reference that knows nothing of heaps: the order is a LINQ sort of
/// (time, priority, insertion index), and cancellations are replayed over that sorted list.
/// </summary>
public sealed class SchedulePropertyTests
{
    private enum Kind
    {
        Timeout,
        Delay,
        TriggeredNow,
    }

    /// <summary>One scheduled item. <paramref name="CancelTarget"/>: the item whose timeout this one cancels when processed, or -1.</summary>
    private sealed record Item(Kind Kind, long Time, bool Urgent, bool CancelledBefore, int CancelTarget);

    private static readonly Gen<(Item[] Items, long Until)> Schedules =
        Gen.Int[0, 60].SelectMany(n =>
            Gen.Select(
                Gen.Select(Gen.Int[0, 2], Gen.Long[0, 20], Gen.Bool, Gen.Int[0, 4], Gen.Int[-1, Math.Max(0, n - 1)],
                    (kind, time, urgent, cancel, target) => (Kind: (Kind)kind, time, urgent, cancel, target)).Array[n],
                Gen.Long[0, 22],
                (raw, until) => (raw.Select(r => new Item(
                    r.Kind,
                    r.Kind == Kind.TriggeredNow ? 0 : r.time,
                    r.Kind == Kind.TriggeredNow && r.urgent,
                    r.Kind == Kind.Timeout && r.cancel == 0,
                    r.target)).ToArray(), until)));

    [Fact]
    public void Processed_order_is_the_sorted_order_of_what_was_not_cancelled()
    {
        Seeded.Check(Schedules, schedule =>
        {
            (Item[] items, long until) = schedule;
            List<int> expected = Reference(items);

            var sim = new Simulation();
            var processed = new List<(int Id, long At)>();
            Event[] events = Build(sim, items, processed);
            RunOutcome first = sim.Run(new SimTime(until));
            int processedByUntil = processed.Count;
            RunOutcome rest = sim.Run();

            processed.Select(p => p.Id).Should().Equal(expected);
            processed.Select(p => p.At).Should().Equal(expected.Select(i => items[i].Time), "each fires at its own time");
            processed.Select(p => p.At).Should().BeInAscendingOrder("the clock never goes backwards");

            int expectedByUntil = expected.Count(i => items[i].Time <= until);
            processedByUntil.Should().Be(expectedByUntil, "Run(until) processes events at exactly until, none later");
            first.Should().Be(new RunOutcome(RunStop.TimeReached, new SimTime(until), expectedByUntil));

            long last = expected.Count == 0 ? 0 : items[expected[^1]].Time;
            rest.Should().Be(new RunOutcome(RunStop.NoEventsLeft, new SimTime(Math.Max(until, last)), expected.Count - expectedByUntil));
            sim.EventsProcessed.Should().Be(expected.Count);
            sim.PendingEvents.Should().Be(0);
            for (int i = 0; i < items.Length; i++)
            {
                if (items[i].Kind == Kind.Timeout)
                {
                    events[i].State.Should().Be(expected.Contains(i) ? EventState.Processed : EventState.Cancelled);
                }
            }
        }, cases: 400);
    }

    [Fact]
    public void Processes_resume_in_the_order_of_an_independent_linear_scan_scheduler()
    {
        Gen<long[][]> plans = Gen.Long[0, 6].Array[0, 8].Array[1, 12];

        Seeded.Check(plans, delays =>
        {
            var sim = new Simulation();
            var log = new List<(int Process, int Step, long At)>();
            for (int p = 0; p < delays.Length; p++)
            {
                sim.Process(Steps(sim, p, delays[p], log), "p" + p);
            }

            sim.Run();

            log.Should().Equal(ReferenceProcesses(delays));
            log.Select(x => x.At).Should().BeInAscendingOrder();
            sim.EventsProcessed.Should().Be(delays.Length + delays.Sum(d => d.Length) + delays.Length,
                "a start, one event per wait and a completion per process");
        }, cases: 300);
    }

    /// <summary>
    /// Processes waiting in turn on pooled delays and timeouts, interrupted at random times: every wake-up (by
    /// its delay or by an interrupt, with the flag the process sees) and the event count match a reference
    /// scheduler that replays the documented rules on a plain list: interrupts are urgent, an interrupted
    /// wait still fires but wakes nobody.
    /// </summary>
    [Fact]
    public void Interrupted_processes_match_the_reference_scheduler()
    {
        Gen<(long[][] Delays, (long At, int Process)[] Interrupts)> plans =
            Gen.Long[0, 6].Array[0, 6].Array[1, 8].SelectMany(delays =>
                Gen.Select(Gen.Long[0, 25], Gen.Int[0, delays.Length - 1]).Array[0, 10]
                    .Select(interrupts => (delays, interrupts)));

        Seeded.Check(plans, plan =>
        {
            (long[][] delays, (long At, int Process)[] interrupts) = plan;
            var sim = new Simulation();
            var log = new List<(int Process, int Wake, long At, bool Interrupted)>();
            var processes = new Process[delays.Length];
            var awaited = new Event?[delays.Length];
            for (int p = 0; p < delays.Length; p++)
            {
                int id = p;
                processes[p] = sim.Process(self => Interruptible(sim, self, id, delays[id], log, awaited), "p" + p);
            }

            foreach ((long at, int target) in interrupts)
            {
                sim.Call(new SimTime(at), () =>
                {
                    Process victim = processes[target];
                    if (victim.IsAlive)
                    {
                        // Null while an earlier interrupt is on its way, else what the process last yielded.
                        (victim.Target is null || ReferenceEquals(victim.Target, awaited[target])).Should().BeTrue();
                        victim.Interrupt();
                        victim.Target.Should().BeNull();
                    }
                });
            }

            sim.Run();

            (var expectedLog, long expectedEvents) = ReferenceWithInterrupts(delays, interrupts);
            log.Should().Equal(expectedLog);
            sim.EventsProcessed.Should().Be(expectedEvents);
            processes.Should().OnlyContain(p => !p.IsAlive && p.Target == null);
        }, cases: 300);
    }

    private static IEnumerable<Event> Interruptible(
        Simulation sim, Process self, int p, long[] delays, List<(int, int, long, bool)> log, Event?[] awaited)
    {
        for (int wake = 0; ; wake++)
        {
            if (self.Target is not null)
            {
                throw new InvalidOperationException($"running process p{p} still has a target: {self.Target}");
            }

            log.Add((p, wake, sim.Now.Nanoseconds, self.Interrupted));
            if (wake == delays.Length)
            {
                yield break;
            }

            Event wait = wake % 2 == 0 ? sim.Delay(new SimTime(delays[wake])) : sim.Timeout(new SimTime(delays[wake]));
            awaited[p] = wait;
            yield return wait;
        }
    }

    private sealed class Entry(long time, int priority, long seq, string kind, int process)
    {
        public long Time { get; } = time;

        public int Priority { get; } = priority;

        public long Seq { get; } = seq;

        public string Kind { get; } = kind;

        public int Process { get; } = process;

        public bool Stale { get; set; }
    }

    /// <summary>The rules, replayed on a list scanned with LINQ for the smallest (time, priority, sequence).</summary>
    private static (List<(int, int, long, bool)> Log, long Events) ReferenceWithInterrupts(long[][] delays, (long At, int Process)[] interrupts)
    {
        const int urgent = 0, normal = 1;
        var pending = new List<Entry>();
        long seq = 0;
        int n = delays.Length;
        var wakes = new int[n];
        var alive = Enumerable.Repeat(true, n).ToArray();
        var waitingOn = new Entry?[n];
        for (int p = 0; p < n; p++)
        {
            pending.Add(new Entry(0, urgent, seq++, "wake", p));
        }

        foreach ((long at, int target) in interrupts)
        {
            pending.Add(new Entry(at, normal, seq++, "interrupt-call", target));
        }

        var log = new List<(int, int, long, bool)>();
        long events = 0;
        while (pending.Count > 0)
        {
            Entry next = pending.OrderBy(x => x.Time).ThenBy(x => x.Priority).ThenBy(x => x.Seq).First();
            pending.Remove(next);
            events++;
            int p = next.Process;
            switch (next.Kind)
            {
                case "interrupt-call" when alive[p]:
                    // The process stops waiting at once; its wait still fires later, waking nobody.
                    waitingOn[p]?.Stale = true;
                    waitingOn[p] = null;
                    pending.Add(new Entry(next.Time, urgent, seq++, "interrupt-wake", p));
                    break;
                case "interrupt-wake" when alive[p]:
                    waitingOn[p]?.Stale = true;
                    waitingOn[p] = null;
                    Wake(next, interrupted: true);
                    break;
                case "wake" when !next.Stale:
                    Wake(next, interrupted: false);
                    break;
            }
        }

        return (log, events);

        void Wake(Entry at, bool interrupted)
        {
            int p = at.Process;
            int wake = wakes[p]++;
            log.Add((p, wake, at.Time, interrupted));
            if (wake == delays[p].Length)
            {
                alive[p] = false;
                pending.Add(new Entry(at.Time, urgent, seq++, "end", p));
                return;
            }

            var wait = new Entry(at.Time + delays[p][wake], normal, seq++, "wake", p);
            waitingOn[p] = wait;
            pending.Add(wait);
        }
    }

    private static IEnumerable<Event> Steps(Simulation sim, int p, long[] delays, List<(int, int, long)> log)
    {
        for (int step = 0; step < delays.Length; step++)
        {
            log.Add((p, step, sim.Now.Nanoseconds));
            // Alternate the two ways of waiting: both are normal-priority events due after the delay.
            yield return step % 2 == 0 ? sim.Delay(new SimTime(delays[step])) : sim.Timeout(new SimTime(delays[step]));
        }

        log.Add((p, delays.Length, sim.Now.Nanoseconds));
    }

    /// <summary>A scheduler written as plainly as possible: a list, scanned for the smallest key at each step.</summary>
    private static List<(int Process, int Step, long At)> ReferenceProcesses(long[][] delays)
    {
        const int urgent = 0, normal = 1;
        var pending = new List<(long Time, int Priority, long Seq, int Process, int Step)>();
        long seq = 0;
        for (int p = 0; p < delays.Length; p++)
        {
            pending.Add((0, urgent, seq++, p, 0));
        }

        var log = new List<(int, int, long)>();
        while (pending.Count > 0)
        {
            var next = pending.OrderBy(x => x.Time).ThenBy(x => x.Priority).ThenBy(x => x.Seq).First();
            pending.Remove(next);
            log.Add((next.Process, next.Step, next.Time));
            if (next.Step < delays[next.Process].Length)
            {
                pending.Add((next.Time + delays[next.Process][next.Step], normal, seq++, next.Process, next.Step + 1));
            }
        }

        return log;
    }

    private static List<int> Reference(Item[] items)
    {
        var cancelled = new HashSet<int>(Enumerable.Range(0, items.Length).Where(i => items[i].CancelledBefore));
        var order = Enumerable.Range(0, items.Length)
            .OrderBy(i => items[i].Time)
            .ThenBy(i => items[i].Urgent ? 0 : 1)
            .ThenBy(i => i);
        var result = new List<int>();
        foreach (int i in order)
        {
            if (cancelled.Contains(i))
            {
                continue;
            }

            result.Add(i);
            int target = items[i].CancelTarget;
            if (target >= 0 && items[target].Kind == Kind.Timeout && !result.Contains(target))
            {
                cancelled.Add(target);
            }
        }

        return result;
    }

    private static Event[] Build(Simulation sim, Item[] items, List<(int, long)> processed)
    {
        var events = new Event[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            Item item = items[i];
            switch (item.Kind)
            {
                case Kind.Timeout:
                    events[i] = sim.Timeout(new SimTime(item.Time), name: "t" + i);
                    break;
                case Kind.Delay:
                    events[i] = sim.Delay(new SimTime(item.Time));
                    break;
                default:
                    events[i] = sim.Event("e" + i).Succeed(null, item.Urgent ? EventPriority.Urgent : EventPriority.Normal);
                    break;
            }
        }

        for (int i = 0; i < items.Length; i++)
        {
            int id = i;
            events[i].AddCallback(_ =>
            {
                processed.Add((id, sim.Now.Nanoseconds));
                int target = items[id].CancelTarget;
                if (target >= 0 && events[target] is Timeout t)
                {
                    t.Cancel();
                }
            });
            if (items[i].CancelledBefore)
            {
                ((Timeout)events[i]).Cancel().Should().BeTrue();
            }
        }

        return events;
    }
}
