using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios.Diagnostics;

/// <summary>Where a value sits: its position in the text and its path in the scenario (<c>vms[3].disks[0].size</c>).</summary>
internal readonly record struct Site(Position At, string Path)
{
    /// <summary>The path of a child: a key (<c>.memory</c>) or an index (<c>[2]</c>).</summary>
    public static string Join(string path, string child) =>
        path.Length == 0 ? child : child.StartsWith('[') ? path + child : path + "." + child;
}
