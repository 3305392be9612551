namespace HyperVSim.Experiments.Planning;

/// <summary>A node of a patch night did not get through its maintenance: the message names it and the run's end.</summary>
public sealed class PatchNightException(string message) : Exception(message);
