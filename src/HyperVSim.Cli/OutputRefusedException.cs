namespace HyperVSim.Cli;

/// <summary>An output path refused before anything ran (exit 2); the message is the one line to print.</summary>
internal sealed class OutputRefusedException(string message) : Exception(message);
