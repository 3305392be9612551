using System.Runtime.ExceptionServices;

namespace HyperVSim.Experiments;

/// <summary>
/// Runs <c>body(0) … body(count − 1)</c> on a fixed set of threads: the calling thread and <c>threads − 1</c> dedicated
/// ones, each taking the next index from one shared counter until none is left. Used instead of
/// <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>: its workers hand their loop to another pool
/// thread every ~100 ms (for fairness to other pool work), and the thread let go spins looking for work before it
/// sleeps. On a machine with as many cores as workers that spinning takes CPU from the two that work: a 3,000-case study
/// on 2 threads spent ~4 s of its 8 s of CPU spinning. Here a worker never waits for anything but the next index.
/// The order in which indices run varies; callers write each result into its own slot, so results do not.
/// </summary>
public static class WorkerThreads
{
    /// <summary>
    /// Runs every index once (fewer when <paramref name="cancel"/> fires or a body throws: then no new index starts).
    /// The first exception a body throws is rethrown as it is (not wrapped) once every worker has stopped; a cancelled
    /// run throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public static void For(int count, int threads, Action<int> body, CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(body);
        int next = -1;
        ExceptionDispatchInfo? failure = null;

        void Work()
        {
            while (Volatile.Read(ref failure) is null && !cancel.IsCancellationRequested)
            {
                int i = Interlocked.Increment(ref next);
                if (i >= count)
                {
                    return;
                }

                try
                {
                    body(i);
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(ex), null);
                    return;
                }
            }
        }

        int helpers = Math.Min(Math.Max(1, threads), Math.Max(1, count)) - 1;
        var started = new Thread[helpers];
        for (int t = 0; t < helpers; t++)
        {
            started[t] = new Thread(Work) { IsBackground = true, Name = $"hypervsim worker {t + 1}" };
            started[t].Start();
        }

        Work();
        foreach (Thread t in started)
        {
            t.Join();
        }

        failure?.Throw();
        cancel.ThrowIfCancellationRequested();
    }
}
