using HyperVSim.Reports;
using System.Text.Json;
using FluentAssertions;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Trace;

namespace HyperVSim.Reports.Tests.Formats;

/// <summary>
/// The Chrome trace: valid JSON in the trace-event format, one process per host named by metadata, one track per
/// migration with a complete event per phase and per queued wait whose durations are the phases' in microseconds,
/// and an instant where a migration failed or was cancelled.
/// </summary>
public sealed class ChromeTraceTests
{
    public static TheoryData<string> Runs => ReportRuns.Names;

    private static JsonElement[] Events(SimulationResult r)
    {
        using var ms = new MemoryStream();
        ChromeTrace.Write(r, ms);
        byte[] bytes = ms.ToArray();
        bytes[^1].Should().Be((byte)'\n');
        JsonElement root = JsonDocument.Parse(bytes).RootElement;
        root.GetProperty("displayTimeUnit").GetString().Should().Be("ms");
        return root.GetProperty("traceEvents").EnumerateArray().ToArray();
    }

    private static long Micros(double seconds) => (long)Math.Round(seconds * 1e6, MidpointRounding.AwayFromZero);

    [Theory]
    [MemberData(nameof(Runs))]
    public void There_is_a_complete_event_per_phase_and_per_queued_wait(string run)
    {
        SimulationResult r = ReportRuns.Named(run);

        JsonElement[] complete = Events(r).Where(e => e.GetProperty("ph").GetString() == "X").ToArray();

        complete.Should().HaveCount(r.Migrations.Sum(m => m.Phases.Count) + r.Migrations.Count(m => m.QueuedSeconds > 0));
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Each_migrations_track_holds_its_wait_and_phases_with_their_durations(string run)
    {
        SimulationResult r = ReportRuns.Named(run);
        JsonElement[] events = Events(r);
        Dictionary<string, long> pids = ProcessIds(events);

        for (int i = 0; i < r.Migrations.Count; i++)
        {
            MigrationRecord m = r.Migrations[i];
            JsonElement[] track = events.Where(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("tid").GetInt64() == i + 1).ToArray();
            track.Where(e => e.GetProperty("pid").GetInt64() != pids[m.From]).Should().BeEmpty(because: $"{m.Vm}'s track is on its source host");
            var expected = new List<(string Name, string Category, double Start, double Seconds)>();
            if (m.QueuedSeconds > 0)
            {
                expected.Add(("queued", "queue", m.RequestedAt, m.QueuedSeconds));
            }

            expected.AddRange(m.Phases.Select(p => (p.Pass is { } n ? $"pass {n}" : WireNames.Of(p.Kind), WireNames.Of(p.Kind), p.StartedAt, p.Seconds)));

            track.Select(e => e.GetProperty("name").GetString()).Should().Equal(expected.Select(x => x.Name));
            track.Select(e => e.GetProperty("cat").GetString()).Should().Equal(expected.Select(x => x.Category));
            for (int k = 0; k < track.Length; k++)
            {
                track[k].GetProperty("ts").GetInt64().Should().Be(Micros(expected[k].Start), because: $"{expected[k].Name} of {m.Vm} starts then");
                track[k].GetProperty("dur").GetInt64().Should().BeCloseTo(Micros(expected[k].Seconds), 1, because: $"{expected[k].Name} of {m.Vm} lasts its seconds in microseconds");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Metadata_names_each_host_process_and_each_migration_track(string run)
    {
        SimulationResult r = ReportRuns.Named(run);
        JsonElement[] events = Events(r);
        Dictionary<string, long> pids = ProcessIds(events);
        var hosts = r.Migrations.Select(m => m.From).Concat(r.Migrations.Where(m => m.To is not null).Select(m => m.To!)).Concat(r.Drains.Select(d => d.Host)).ToHashSet();

        pids.Keys.Should().BeEquivalentTo(hosts.Append("cluster"));
        pids.Values.Should().OnlyHaveUniqueItems();
        pids["cluster"].Should().Be(0);
        events.Where(e => e.GetProperty("ph").GetString() != "M").Select(e => e.GetProperty("pid").GetInt64())
            .Should().BeSubsetOf(pids.Values, because: "every event is on a named process");
        JsonElement[] threads = events.Where(e => e.GetProperty("name").GetString() == "thread_name").ToArray();
        threads.Select(t => t.GetProperty("tid").GetInt64()).Should().Equal(Enumerable.Range(1, r.Migrations.Count).Select(i => (long)i));
        threads.Select(t => t.GetProperty("args").GetProperty("name").GetString())
            .Should().Equal(r.Migrations.Select(m => $"{m.Vm} \u2192 {m.To ?? "?"} ({m.Option})"));
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void A_migration_that_did_not_complete_ends_with_an_instant_when_it_ended(string run)
    {
        SimulationResult r = ReportRuns.Named(run);
        JsonElement[] events = Events(r);

        for (int i = 0; i < r.Migrations.Count; i++)
        {
            MigrationRecord m = r.Migrations[i];
            JsonElement[] instants = events.Where(e => e.GetProperty("ph").GetString() == "i" && e.GetProperty("tid").GetInt64() == i + 1).ToArray();
            if (m.Result == MigrationResult.Completed)
            {
                instants.Should().BeEmpty();
                continue;
            }

            JsonElement instant = instants.Should().ContainSingle().Subject;
            instant.GetProperty("name").GetString().Should().Be($"{WireNames.Of(m.Result)}: {m.Reason}");
            long end = Micros(m.CompletedAt ?? r.SimulatedSeconds);
            instant.GetProperty("ts").GetInt64().Should().Be(end, because: "a failed migration ends when refused, a cancelled one when the run stopped");
            events.Where(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("tid").GetInt64() == i + 1)
                .Select(e => e.GetProperty("ts").GetInt64() + e.GetProperty("dur").GetInt64())
                .Where(x => x > end).Should().BeEmpty(because: $"{m.Vm} did nothing after it ended");
        }
    }

    [Fact]
    public void A_migration_cancelled_while_queued_shows_its_wait_until_the_run_stopped()
    {
        SimulationResult r = ReportRuns.StoppedResult;
        JsonElement[] events = Events(r);
        int[] waiting = Enumerable.Range(0, r.Migrations.Count).Where(i => r.Migrations[i] is { Result: MigrationResult.Cancelled, StartedAt: null }).ToArray();

        waiting.Should().NotBeEmpty();
        foreach (int i in waiting)
        {
            JsonElement queued = events.Single(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("tid").GetInt64() == i + 1);
            queued.GetProperty("name").GetString().Should().Be("queued");
            (queued.GetProperty("ts").GetInt64() + queued.GetProperty("dur").GetInt64()).Should().BeCloseTo(Micros(r.SimulatedSeconds), 1);
        }
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Drains_are_instants_and_series_are_counters(string run)
    {
        SimulationResult r = ReportRuns.Named(run);
        JsonElement[] events = Events(r);
        Dictionary<string, long> pids = ProcessIds(events);

        JsonElement[] drains = events.Where(e => e.GetProperty("ph").GetString() == "i" && e.GetProperty("tid").GetInt64() == 0).ToArray();
        drains.Select(d => (d.GetProperty("name").GetString(), d.GetProperty("pid").GetInt64(), d.GetProperty("ts").GetInt64()))
            .Should().Equal(r.Drains.Select(d => ((string?)$"drain {d.Host}", pids[d.Host], Micros(d.RequestedAt))));
        events.Count(e => e.GetProperty("ph").GetString() == "C").Should().Be(r.Series.Sum(s => s.Points.Count));
    }

    /// <summary>Host (or <c>cluster</c>) → process id, from the process_name metadata events.</summary>
    private static Dictionary<string, long> ProcessIds(JsonElement[] events) =>
        events.Where(e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "process_name")
            .ToDictionary(e => e.GetProperty("args").GetProperty("name").GetString()!, e => e.GetProperty("pid").GetInt64(), StringComparer.Ordinal);
}
