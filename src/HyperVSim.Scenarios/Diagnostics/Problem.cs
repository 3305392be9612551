using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios.Diagnostics;

/// <summary>One problem found while reading or validating, before the file name is attached.</summary>
internal sealed record Problem(Position At, string Path, string Message, string Fix);
