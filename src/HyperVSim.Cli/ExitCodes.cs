namespace HyperVSim.Cli;

/// <summary>Process exit codes (docs/cli.md).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary><c>compare</c> found a timing past its tolerance.</summary>
    public const int Regression = 1;

    /// <summary>The scenario or the command line is invalid; nothing was written.</summary>
    public const int InvalidInput = 2;

    /// <summary>A bug in HyperVSim: please report it with the log.</summary>
    public const int InternalError = 3;
}
