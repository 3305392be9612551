namespace HyperVSim.Scenarios.Diagnostics;

/// <summary>
/// A value from the scenario as an error message repeats it: cut after <see cref="MaxChars"/> characters (with "…"),
/// so a huge bad value does not flood the terminal.
/// </summary>
internal static class Echo
{
    /// <summary>Most characters of a value repeated in a message.</summary>
    public const int MaxChars = 80;

    /// <summary>The value, cut after <see cref="MaxChars"/> characters.</summary>
    public static string Cut(string text) => text.Length <= MaxChars ? text : text[..MaxChars] + "…";

    /// <summary>The value in single quotes, cut after <see cref="MaxChars"/> characters.</summary>
    public static string Quoted(string text) => "'" + Cut(text) + "'";
}
