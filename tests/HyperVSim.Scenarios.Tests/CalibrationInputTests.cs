using FluentAssertions;
using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Calibration;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>calibrate's inputs: the measurement CSV, the overlay file, and the [*] selector an overlay writes.</summary>
public sealed class CalibrationInputTests
{
    private const string Text = Yaml.Base + "vms: [ { name: web, memory: 8GiB, host: hv1 }, { name: db, memory: 4GiB, host: hv1 } ]\n";

    [Fact]
    public void A_star_selector_sets_every_item_of_the_list()
    {
        ScenarioSpec s = ScenarioLoader.LoadText(Text, "t.yaml", ScenarioLoadOptions.Default with
        {
            Overrides = [ScenarioOverride.Parse("hosts[*].nics[*].efficiency=0.9", "--set")!, ScenarioOverride.Parse("vms[*].memory=2GiB", "--set")!],
        });

        s.Hosts.SelectMany(h => h.Nics).Should().NotBeEmpty().And.OnlyContain(n => n.Efficiency == 0.9);
        s.Vms.Should().HaveCount(2).And.OnlyContain(v => v.MemoryBytes == 2L << 30);
    }

    [Fact]
    public void An_overlay_is_a_list_of_overrides_that_remember_their_line_and_column()
    {
        IReadOnlyList<ScenarioOverride> o = ScenarioOverlay.LoadText("# fitted\ncluster.liveMigration.setupTime: 1.5s\nhosts[*].nics[*].efficiency: 0.9\n", "f.yaml");

        o.Should().Equal(
            new ScenarioOverride("cluster.liveMigration.setupTime", "1.5s", "f.yaml", 2, 1),
            new ScenarioOverride("hosts[*].nics[*].efficiency", "0.9", "f.yaml", 3, 1));
        Action bad = () => ScenarioOverlay.LoadText("cluster.liveMigration: { setupTime: 1s }\n", "f.yaml");
        bad.Should().Throw<ScenarioException>().Which.Errors.Single().ToString().Should().StartWith("f.yaml:1:24: cluster.liveMigration: 'cluster.liveMigration' needs a single value");
    }

    [Fact]
    public void A_csv_reads_columns_by_header_in_any_order_with_units_or_plain_numbers_and_ignores_unknown_ones()
    {
        IReadOnlyList<MeasurementRow> rows = MeasurementCsv.LoadText(
            "# from import-events\nvm,total_s,option,vm_memory,link_speed,concurrency,blackout_ms,bytes,count\n\"sql, 1\",12.5,TCPIP,4294967296,1e10,2,180,4.5GiB,\n web ,7,smb,8GiB,40Gbps,1,,,3\n",
            "m.csv");

        rows.Should().Equal(
            new MeasurementRow(3, 4L << 30, "tcpip", 1e10, 2, 12.5, 0.18, 4.5 * (1L << 30), null),
            new MeasurementRow(4, 8L << 30, "smb", 40e9, 1, 7, null, null, 3));
    }

    [Theory]
    [InlineData("4GiB,ftp,10Gbps,2,7\n", "m.csv:2:6: option: 'ftp' is not a live-migration option. Fix: write one of: tcpip, compression, smb")]
    [InlineData("4GiB,tcpip,10Gbps,0,7\n", "m.csv:2:19: concurrency: '0' is not a whole number of migrations at once from 1 to 64")]
    [InlineData("4GiB,tcpip,10Gbps,2,-7\n", "m.csv:2:21: total_s: '-7' is not a time in seconds greater than 0")]
    [InlineData("4GiB,tcpip,10Gbps,2\n", "m.csv:2:20: total_s: the row has no 'total_s' field (too few commas)")]
    [InlineData("4GiB,\"tcpip,10Gbps,2,7\n", "m.csv:2:6: a quoted field is not closed")]
    [InlineData("", "m.csv:2:1: the file has no measurements")]
    public void A_malformed_row_names_line_and_column(string body, string error)
    {
        Action load = () => MeasurementCsv.LoadText("vm_memory,option,link_speed,concurrency,total_s\n" + body, "m.csv");

        load.Should().Throw<ScenarioException>().Which.Errors[0].ToString().Should().StartWith(error);
    }
}
