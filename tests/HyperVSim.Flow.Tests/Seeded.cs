using CsCheck;

namespace HyperVSim.Flow.Tests;

/// <summary>
/// Runs a CsCheck property over a fixed list of seeds (one generated case per seed, one thread), so the
/// suite checks the same cases in the same order on every run. A failure message carries the seed.
/// The cases run on their own thread under a time limit: a solver that loops forever fails the test
/// instead of hanging the run.
/// </summary>
internal static class Seeded
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static void ForAll<T>(Gen<T> gen, int cases, Action<T> property, uint stream = 17)
    {
        Task work = Task.Factory.StartNew(
            () =>
            {
                for (int i = 0; i < cases; i++)
                {
                    string seed = new PCG(stream, 0x2545F4914F6CDD1DUL * (ulong)(i + 1)).ToString();
                    gen.Sample(property, seed: seed, iter: 1, threads: 1);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        if (Task.WhenAny(work, Task.Delay(Limit)).GetAwaiter().GetResult() != work)
        {
            throw new TimeoutException($"{cases} cases did not finish within {Limit.TotalSeconds} s: probably an endless loop");
        }

        work.GetAwaiter().GetResult();
    }
}
