using FluentAssertions;
using Xunit;

namespace HyperVSim.Experiments.Tests;

/// <summary>The workers behind studies, plans, survivability and calibration: every index once, failures and cancellation as they were.</summary>
public sealed class WorkerThreadsTests
{
    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 4)]
    [InlineData(257, 1)]
    [InlineData(257, 2)]
    [InlineData(257, 5)]
    public void Every_index_runs_exactly_once_on_at_most_the_threads_asked_for(int count, int threads)
    {
        var runs = new int[count];
        var seen = new HashSet<int>();
        WorkerThreads.For(count, threads, i =>
        {
            Interlocked.Increment(ref runs[i]);
            lock (seen)
            {
                seen.Add(Environment.CurrentManagedThreadId);
            }

            Thread.SpinWait(i % 7 * 50); // uneven work, so the workers interleave
        }, TestContext.Current.CancellationToken);

        runs.Count(n => n == 1).Should().Be(count);
        seen.Count.Should().BeLessThanOrEqualTo(Math.Max(1, threads));
    }

    [Fact]
    public void A_failing_body_is_rethrown_as_it_was_and_no_index_starts_after_it()
    {
        int started = 0;
        Action run = () => WorkerThreads.For(10_000, 2, i =>
        {
            Interlocked.Increment(ref started);
            if (i == 50)
            {
                throw new IOException("disk full");
            }
        }, TestContext.Current.CancellationToken);

        run.Should().Throw<IOException>().WithMessage("disk full"); // not wrapped: the CLI's catch for IOException sees it
        started.Should().BeLessThan(10_000);
    }

    [Fact]
    public void A_cancelled_run_stops_taking_indices_and_throws_OperationCanceledException()
    {
        using var cancel = new CancellationTokenSource();
        int started = 0;
        Action run = () => WorkerThreads.For(10_000, 2, i =>
        {
            if (Interlocked.Increment(ref started) == 20)
            {
                cancel.Cancel();
            }
        }, cancel.Token);

        run.Should().Throw<OperationCanceledException>();
        started.Should().BeLessThan(10_000);
    }
}
