using System.Diagnostics;
using SharpFuzz;

namespace HyperVSim.Fuzz;

/// <summary>
/// The fuzzing harness. <c>HyperVSim.Fuzz TARGET</c> serves afl-fuzz through SharpFuzz;
/// <c>HyperVSim.Fuzz TARGET FILE...</c> replays inputs (a crash or hang afl found) and prints what each one did.
/// </summary>
public static class Program
{
    /// <summary>An input slower than this is reported as slow on replay.</summary>
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(1);

    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Targets.ByName.TryGetValue(args[0], out Func<string, string>? target))
        {
            Console.Error.WriteLine($"usage: HyperVSim.Fuzz {string.Join('|', Targets.ByName.Keys)} [FILE...]");
            return 2;
        }

        if (args.Length == 1)
        {
            Fuzzer.OutOfProcess.Run(stream => target(Targets.Decode(stream)));
            return 0;
        }

        return Replay(target, args[1..]);
    }

    /// <summary>Runs each file through the target: 0 when none crashed, 1 otherwise.</summary>
    private static int Replay(Func<string, string> target, string[] files)
    {
        int crashes = 0;
        foreach (string file in files)
        {
            string text;
            using (FileStream stream = File.OpenRead(file))
            {
                text = Targets.Decode(stream);
            }

            var clock = Stopwatch.StartNew();
            try
            {
                string outcome = target(text);
                string slow = clock.Elapsed > Slow ? " SLOW" : "";
                Console.WriteLine($"{file}: {outcome} ({clock.ElapsedMilliseconds} ms){slow}");
            }
            catch (Exception ex)
            {
                crashes++;
                string? where = ex.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("HyperVSim.", StringComparison.Ordinal));
                Console.WriteLine($"{file}: CRASH ({clock.ElapsedMilliseconds} ms) {ex.GetType().FullName}: {ex.Message} {where}");
            }
        }

        return crashes == 0 ? 0 : 1;
    }
}
