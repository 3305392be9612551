using Serilog;

namespace HyperVSim.Cli;

/// <summary>Where a command writes: standard output for results, standard error for problems, and the log.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, ILogger Log)
{
    /// <summary>True when standard output is a terminal (colour and progress are shown only then).</summary>
    public bool Interactive { get; init; }

    /// <summary>Prints a one-line refusal to standard error; returns exit code 2 (invalid input).</summary>
    public int Refuse(string line)
    {
        Error.WriteLine(line);
        return ExitCodes.InvalidInput;
    }
}
