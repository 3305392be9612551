namespace HyperVSim.Model;

/// <summary>The state of a VM as Hyper-V reports it.</summary>
public enum VmState
{
    Running,

    /// <summary>Started, not yet running (the start-time model's interval; a start slot is held).</summary>
    Starting,
    Off,
    Saved,
    Paused,
    Failed,
}

/// <summary>Each <see cref="VmState"/>'s word in reports ("running", "off", ...), made once: records and timelines name a state per VM and per change.</summary>
internal static class VmStateWords
{
    private static readonly string[] Words = Enum.GetValues<VmState>().Select(s => s.ToString().ToLowerInvariant()).ToArray();

    /// <summary>The lower-case word of <paramref name="state"/>, as <c>state.ToString().ToLowerInvariant()</c> gives it.</summary>
    public static string Word(this VmState state) => Words[(int)state];
}
