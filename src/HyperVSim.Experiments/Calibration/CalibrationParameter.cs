using HyperVSim.Engine;
using HyperVSim.Model.Specs;

namespace HyperVSim.Experiments.Calibration;

/// <summary>How a fitted value is written in a scenario (the CLI formats it with the matching unit).</summary>
public enum ParameterKind
{
    /// <summary>A fraction from 0 to 1 (efficiency).</summary>
    Fraction,

    /// <summary>Seconds, written as a duration.</summary>
    Duration,

    /// <summary>Bytes per second, written as a byte rate.</summary>
    ByteRate,

    /// <summary>Bits per second, written as a bit rate.</summary>
    BitRate,

    /// <summary>A plain number (compression ratio).</summary>
    Number,
}

/// <summary>
/// A model parameter calibration can fit (docs/calibrate.md "Parameters"): its name on the command line, the key path
/// the overlay sets (<c>[*]</c>: every item), how it is read from and applied to a scenario, its bounds, and which
/// measurements it needs to be identified at all.
/// </summary>
public sealed record CalibrationParameter(
    string Name,
    string KeyPath,
    ParameterKind Kind,
    double Min,
    double Max,
    Func<ScenarioSpec, double?> Read,
    Func<ScenarioSpec, double, ScenarioSpec> Apply,
    Func<ScenarioSpec, IReadOnlyList<Measurement>, string?> NotIdentified)
{
    /// <summary>Every parameter, in the order they are fitted and printed.</summary>
    public static IReadOnlyList<CalibrationParameter> All { get; } =
    [
        new("efficiency", "hosts[*].nics[*].efficiency", ParameterKind.Fraction, 0.01, 1.0,
            s => LiveMigrationNics(s).Select(n => n.Efficiency).DefaultIfEmpty(0.95).First(),
            (s, v) => s with { Hosts = s.Hosts.Select(h => h with { Nics = h.Nics.Select(n => n with { Efficiency = v }).ToArray() }).ToArray() },
            (_, _) => null),
        new("setupTime", "cluster.liveMigration.setupTime", ParameterKind.Duration, 0, 600,
            s => s.Cluster.LiveMigration.SetupTime.Seconds,
            (s, v) => WithLiveMigration(s, lm => lm with { SetupTime = SimTime.FromSeconds(v) }),
            (_, _) => null),
        new("switchoverTime", "cluster.liveMigration.switchoverTime", ParameterKind.Duration, 0, 60,
            s => s.Cluster.LiveMigration.SwitchoverTime.Seconds,
            (s, v) => WithLiveMigration(s, lm => lm with { SwitchoverTime = SimTime.FromSeconds(v) }),
            (_, m) => m.Any(x => x.BlackoutSeconds is not null) ? null : "no row has blackout_ms (the switch-over is inside the blackout)"),
        new("streamCeiling", "cluster.liveMigration.streamCeiling", ParameterKind.BitRate, 1e6, 1e12,
            s => s.Cluster.LiveMigration.StreamCeilingBytesPerSecond * 8,
            (s, v) => WithLiveMigration(s, lm => lm with { StreamCeilingBytesPerSecond = v / 8 }),
            (s, _) => s.Cluster.LiveMigration.StreamCeilingBytesPerSecond is null
                ? "the scenario sets no streamCeiling: a ceiling that never binds has no effect to fit (give one as the starting guess)"
                : null),
        new("compressionRatio", "vms[*].memoryContent.compressionRatio", ParameterKind.Number, 1, 100,
            s => s.Vms.Count > 0 ? s.Vms[0].MemoryContent.CompressionRatio : null,
            (s, v) => s with { Vms = s.Vms.Select(x => x with { MemoryContent = x.MemoryContent with { CompressionRatio = v } }).ToArray() },
            (_, m) => m.Any(x => x.Option == "compression") ? null : "no row uses compression"),
        new("compressPerCore", "hosts[*].cpu.compressPerCore", ParameterKind.ByteRate, 1e6, 1e12,
            s => s.Hosts.Count > 0 ? s.Hosts[0].Cpu.CompressBytesPerSecondPerCore : null,
            (s, v) => s with { Hosts = s.Hosts.Select(h => h with { Cpu = h.Cpu with { CompressBytesPerSecondPerCore = v } }).ToArray() },
            (_, m) => m.Any(x => x.Option == "compression") ? null : "no row uses compression"),
        new("dirtyRate", "vms[*].memoryDirtying.rate", ParameterKind.ByteRate, 0, 100e9,
            s => s.Vms.Count > 0 ? s.Vms[0].Dirtying.BytesPerSecond : null,
            (s, v) => s with { Vms = s.Vms.Select(x => x with { Dirtying = x.Dirtying with { BytesPerSecond = v } }).ToArray() },
            (s, m) => s.Vms.Any(v => v.Dirtying.Model == "none")
                ? "a VM of the scenario does not dirty memory (memoryDirtying model none): give every VM a model to fit its rate"
                : m.Any(x => x.Bytes is not null) ? null : "no row has bytes (the resent bytes are what the dirty rate explains)"),
    ];

    /// <summary>The parameter named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static CalibrationParameter? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static ScenarioSpec WithLiveMigration(ScenarioSpec s, Func<LiveMigrationSpec, LiveMigrationSpec> change) =>
        s with { Cluster = s.Cluster with { LiveMigration = change(s.Cluster.LiveMigration) } };

    /// <summary>NICs of the first host on a live-migration network.</summary>
    internal static IEnumerable<NicSpec> LiveMigrationNics(ScenarioSpec s)
    {
        var lm = s.Networks.Where(n => n.Role == NetworkRole.LiveMigration).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        return s.Hosts.Take(1).SelectMany(h => h.Nics).Where(n => n.Networks.Any(lm.Contains));
    }
}
