using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace HyperVSim.Cli.Tests;

/// <summary>`hypervsim calibrate` end to end, and the Holman 2012 field measurement reproduced by the fitted overlay.</summary>
public sealed class CalibrateCommandTests
{
    private static readonly string Holman = Cli.Scenario("holman-2012-drain.yaml");
    private static readonly string HolmanCsv = Cli.Scenario(Path.Combine("measurements", "holman-2012.csv"));

    /// <summary>The drain's "Took" seconds from a run's console summary ("1m 14s" or "11m 22s").</summary>
    private static double DrainSeconds(string output)
    {
        string[] lines = output.Split('\n');
        int header = Array.FindIndex(lines, l => l.Contains("Took", StringComparison.Ordinal));
        Match m = Regex.Match(lines[header + 2], @"(\d+)m (\d+)s");
        return (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 60) + int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Kevin Holman's drain (docs/model.md §6): 795 s over 1 GbE, 65 s over 10 GbE. After the fit, the shipped scenario
    /// run with the overlay (and with its NIC set to 1 Gbps) takes what calibrate printed, and both are within 15% of
    /// the measurement (field data); the largest miss is smaller than with the defaults (−9.7%, +18.7%).
    /// </summary>
    [Fact]
    public void The_Holman_2012_drain_is_reproduced_after_fitting()
    {
        string dir = Cli.TempDir();
        string overlay = Path.Combine(dir, "fitted.yaml");

        var (exit, output, error) = Cli.Run("calibrate", Holman, HolmanCsv, "--overlay", overlay);

        exit.Should().Be(0, error);
        output.Should().Contain("efficiency").And.Contain("hosts[*].nics[*].efficiency");
        File.ReadAllText(overlay).Should().Contain("hosts[*].nics[*].efficiency: ").And.Contain("# efficiency = ");
        double ten = DrainSeconds(Cli.Run("run", Holman, "--overlay", overlay).Out);
        double one = DrainSeconds(Cli.Run("run", Holman, "--overlay", overlay, "--set", "hosts[name=hv].nics[name=lm1].speed=1Gbps").Out);
        ((ten / 65) - 1).Should().BeInRange(-0.15, 0.15);
        ((one / 795) - 1).Should().BeInRange(-0.15, 0.15);
        Math.Max(Math.Abs((ten / 65) - 1), Math.Abs((one / 795) - 1)).Should().BeLessThan(0.187);
        output.Should().Contain(Cell(ten)).And.Contain(Cell(one), "calibrate's 'After' is what run prints with the overlay");
    }

    private static string Cell(double seconds) => $"{(int)(seconds / 60)}m {(seconds % 60).ToString("00", CultureInfo.InvariantCulture)}s";

    [Fact]
    public void A_malformed_csv_names_file_line_and_column_and_exits_2()
    {
        string dir = Cli.TempDir();
        string csv = Path.Combine(dir, "bad.csv");
        File.WriteAllText(csv, "# measured\nvm_memory,option,link_speed,concurrency,total_s\n4GiB,tcpip,10Gbps,2,7.5\n8GiB,tcpip,10Gbs,2,12\n");

        var (exit, output, error) = Cli.Run("calibrate", Holman, csv, "--overlay", Path.Combine(dir, "out.yaml"));

        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().StartWith($"{csv}:4:12: link_speed: '10Gbs' is not a link speed. Fix: write a link speed, e.g. 10Gbps");
        File.Exists(Path.Combine(dir, "out.yaml")).Should().BeFalse();
    }

    [Fact]
    public void A_missing_column_is_named_with_the_closest_header()
    {
        string dir = Cli.TempDir();
        string csv = Path.Combine(dir, "bad.csv");
        File.WriteAllText(csv, "vm_memory,option,link_speed,concurrency,total_sec\n4GiB,tcpip,10Gbps,2,7.5\n");

        var (exit, _, error) = Cli.Run("calibrate", Holman, csv);

        exit.Should().Be(2);
        error.Should().Contain($"{csv}:1:1: total_s: the header has no column 'total_s'. Fix: did you mean 'total_sec'?");
    }

    [Fact]
    public void The_overlay_never_overwrites_an_input()
    {
        string dir = Cli.TempDir();
        string csv = Path.Combine(dir, "m.csv");
        File.Copy(HolmanCsv, csv);
        string before = File.ReadAllText(csv);

        var (exit, output, error) = Cli.Run("calibrate", Holman, csv, "--overlay", csv);

        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Be($"error: --overlay {csv} would overwrite the measurements {csv}. Fix: write --overlay to another file.\n");
        File.ReadAllText(csv).Should().Be(before);
        Cli.Run("calibrate", Holman, csv, "--overlay", Holman).Exit.Should().Be(2);
    }

    [Fact]
    public void An_overlay_error_names_the_overlay_line_and_column()
    {
        string dir = Cli.TempDir();
        string overlay = Path.Combine(dir, "fitted.yaml");
        File.WriteAllText(overlay, "# fitted\ncluster.liveMigration.setupTime: 2s\nhosts[*].nics[*].efficiency: 140%\n");

        var (exit, _, error) = Cli.Run("run", Holman, "--overlay", overlay);

        exit.Should().Be(2);
        error.Should().StartWith($"{overlay}:3:1: hosts[*].nics[*].efficiency (set to '140%' for {Holman})");
    }

    [Fact]
    public void Run_never_writes_over_its_overlay()
    {
        string dir = Cli.TempDir();
        string overlay = Path.Combine(dir, "fitted.yaml");
        File.WriteAllText(overlay, "cluster.liveMigration.setupTime: 2s\n");

        Cli.Run("run", Holman, "--overlay", overlay, "--json", overlay).Should().Be((2, "", $"error: --json {overlay} would overwrite the overlay {overlay}. Fix: write --json to another file.\n"));
        Cli.Run("run", Holman, "--overlay", overlay, "--log-file", overlay).Err.Should().Contain("would overwrite the overlay");
        File.ReadAllText(overlay).Should().Be("cluster.liveMigration.setupTime: 2s\n");
    }

    [Fact]
    public void An_unknown_parameter_in_fit_is_refused_with_the_known_ones() =>
        Cli.Run("calibrate", Holman, HolmanCsv, "--fit", "efficiency,bandwidth").Should().Be((2, "",
            "error: --fit bandwidth: not a parameter. Fix: use one or more of efficiency, setupTime, switchoverTime, streamCeiling, compressionRatio, compressPerCore, dirtyRate, comma-separated\n"));
}
