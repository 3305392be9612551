using BenchmarkDotNet.Running;
using HyperVSim.Benchmarks.Quick;

namespace HyperVSim.Benchmarks;

/// <summary>
/// <c>quick [figure...]</c> prints one <c>name: value</c> line per figure in under a minute; anything else is
/// handed to BenchmarkDotNet's switcher (e.g. <c>--filter *EngineLoop*</c>, <c>--list flat</c>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "quick")
        {
            return QuickRunner.Run(QuickFigures.All, args[1..], Console.Out, Console.Error);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
