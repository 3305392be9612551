using System.Text.Json;
using FluentAssertions;
using HyperVSim.Cli.Tests.Import;

namespace HyperVSim.Cli.Tests.Collector;

/// <summary>
/// Runs tools/Export-HyperVSimInventory.ps1 once under the pinned PowerShell with Set-StrictMode -Version 3 and
/// stand-ins for every cmdlet it calls (MockCmdlets.ps1), sampling CPU and exporting events.
/// </summary>
public sealed class CollectorRun
{
    public CollectorRun()
    {
        Dir = Cli.TempDir();
        string runner = Path.Combine(Dir, "run.ps1");
        File.WriteAllText(runner, $$"""
            Set-StrictMode -Version 3.0
            $ErrorActionPreference = 'Stop'
            # Strict mode 3 is in force here and in the collector's scope: reading an unset variable throws.
            $strict = 'off'
            try { $null = $thisVariableWasNeverSet; } catch { $strict = 'on' }
            Set-Content -LiteralPath '{{Path.Combine(Dir, "strict.txt")}}' -Value $strict
            . '{{Path.Combine(Pwsh.Here, "MockCmdlets.ps1")}}'
            & '{{Pwsh.Collector}}' -Path '{{Inventory}}' -CpuSampleSeconds 20 -EventDays 7
            Set-Content -LiteralPath '{{Path.Combine(Dir, "calls.txt")}}' -Value ($global:HvsCalls | Sort-Object -Unique)
            """);
        (Exit, Out, Err) = Pwsh.RunFile(runner);
    }

    public string Dir { get; }

    public string Inventory => Path.Combine(Dir, "inventory.json");

    public string Events => Path.Combine(Dir, "inventory-events.json");

    public int Exit { get; }

    public string Out { get; }

    public string Err { get; }

    public string[] Calls => File.ReadAllLines(Path.Combine(Dir, "calls.txt"));

    public JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;
}

public sealed class CollectorTests(CollectorRun run) : IClassFixture<CollectorRun>
{
    /// <summary>Core commands the collector may call besides the stand-ins: none of them changes anything.</summary>
    private static readonly string[] CoreReadOnly = ["Set-StrictMode", "Write-Verbose", "New-Object", "Get-Date", "Where-Object"];

    private static JsonElement SyntaxReport(string file)
    {
        var (exit, output, err) = Pwsh.RunFile(Path.Combine(Pwsh.Here, "CheckSyntax.ps1"), "-File", file);
        exit.Should().Be(0, err);
        return JsonDocument.Parse(output).RootElement;
    }

    private static string[] Strings(JsonElement e, string key) => e.GetProperty(key).EnumerateArray().Select(x => x.GetString()!).ToArray();

    [Fact]
    public void Collector_output_on_mocked_modules_validates_against_the_schema()
    {
        run.Exit.Should().Be(0, run.Err + run.Out);
        JsonElement inventory = run.Json(run.Inventory);
        MiniSchema.Validate(inventory, MiniSchema.Load("inventory.schema.json")).Should().BeEmpty();
        MiniSchema.Validate(run.Json(run.Events), MiniSchema.Load("migration-events.schema.json")).Should().BeEmpty();

        // What the stand-ins returned, as plain values: FQDN node names shortened, processors summed over sockets,
        // a disconnected NIC at 0, the NIC behind the switch, volumes resolved from the disks' paths, CPU load averaged.
        inventory.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()).Should().Equal("HV01", "HV02");
        JsonElement hv02 = inventory.GetProperty("nodes")[1];
        hv02.GetProperty("cpu").GetProperty("logicalProcessors").GetInt32().Should().Be(32);
        hv02.GetProperty("memoryBytes").GetInt64().Should().Be(256L << 30);
        hv02.GetProperty("nics").EnumerateArray().Select(n => n.GetProperty("linkSpeedBps").GetInt64()).Should().Equal(1_000_000_000, 10_000_000_000, 0, 40_000_000_000);
        hv02.GetProperty("nics")[3].GetProperty("rdmaEnabled").GetBoolean().Should().BeTrue();
        hv02.GetProperty("hostVnics")[0].GetProperty("clusterNetworks")[0].GetString().Should().Be("LM");
        inventory.GetProperty("networks")[1].GetProperty("subnet").GetString().Should().Be("10.0.2.0/24");
        inventory.GetProperty("volumes").EnumerateArray().Select(v => (v.GetProperty("name").GetString(), v.GetProperty("kind").GetString()))
            .Should().Equal(("Cluster Disk 1", "csv"), ("\\\\SOFS01\\VMStore", "smb"), ("HV02-D", "local"));

        // The share's space is that of the file server's volume holding its folder (the longest mount point of its path).
        inventory.GetProperty("volumes")[1].GetProperty("sizeBytes").GetInt64().Should().Be(10L << 40);
        inventory.GetProperty("volumes")[1].GetProperty("freeBytes").GetInt64().Should().Be(4L << 40);
        JsonElement web = inventory.GetProperty("vms")[0];
        web.GetProperty("cpuLoad").GetDouble().Should().Be(0.2, "WEB01's virtual processors average (20+30+10+20)/4 = 20%");
        web.GetProperty("preferredOwners").EnumerateArray().Select(o => o.GetString()).Should().Equal("HV01", "HV02");
        web.GetProperty("antiAffinityClasses")[0].GetString().Should().Be("Web");
        inventory.GetProperty("vms")[2].GetProperty("disks").GetArrayLength().Should().Be(1, "the pass-through disk has no virtual disk");
        inventory.GetProperty("cluster").GetProperty("witness").GetString().Should().Be("fileShare");
    }

    [Fact]
    public void Collector_output_imports_and_its_events_give_the_calibrate_csv()
    {
        run.Exit.Should().Be(0, run.Err);
        string scenario = Path.Combine(run.Dir, "lab.yaml");
        var imported = Cli.Run("import", run.Inventory, "--out", scenario);
        imported.Exit.Should().Be(0, imported.Err);
        Cli.Run("run", scenario, "--quiet").Exit.Should().Be(0);

        string csv = Path.Combine(run.Dir, "measured.csv");
        var events = Cli.Run("import-events", run.Events, "--out", csv);
        events.Exit.Should().Be(0, events.Err);

        // WEB01 (dynamic, 5GiB assigned) left HV01 at 03:00:00 and completed 42.5 s later with a 0.318 s blackout;
        // HV01's live migration rides the converged switch's 10 GbE NIC.
        File.ReadAllText(csv).Should().Be("vm_memory,option,link_speed,concurrency,total_s,blackout_ms,bytes\n5GiB,compression,10Gbps,1,42.5,318,\n");
    }

    [Fact]
    public void Collector_uses_no_syntax_newer_than_PowerShell_4()
    {
        JsonElement report = SyntaxReport(Pwsh.Collector);
        Strings(report, "parseErrors").Should().BeEmpty();
        Strings(report, "violations").Should().BeEmpty();
    }

    /// <summary>The checker itself finds each later construct (else an empty list above would prove nothing).</summary>
    [Fact]
    public void Syntax_check_finds_every_later_construct()
    {
        string probe = Path.Combine(Cli.TempDir(), "later.ps1");
        File.WriteAllText(probe, """
            using namespace System.Text
            class Thing { [int]$Size }
            enum Color { Red }
            $b = [System.Text.StringBuilder]::new()
            $x = $true ? 1 : 2
            $y = $null ?? 3
            $z ??= 4
            Get-Item . && Get-Item .
            1..3 | ForEach-Object -Parallel { $_ }
            $n = ${b}?.Length
            """);
        string[] found = Strings(SyntaxReport(probe), "violations");
        foreach (string construct in new[] { "using statement", "class or enum", "::new()", "ternary", "null-coalescing ??", "??=", "pipeline-chain", "-Parallel", "null-conditional" })
        {
            found.Should().Contain(v => v.Contains(construct), construct);
        }

        found.Count(v => v.Contains("class or enum")).Should().Be(2);
    }

    [Fact]
    public void Collector_runs_under_strict_mode_3()
    {
        File.ReadAllText(Path.Combine(run.Dir, "strict.txt")).Trim().Should().Be("on");
        run.Exit.Should().Be(0, run.Err);
        File.ReadAllText(Pwsh.Collector).Should().Contain("Set-StrictMode -Version 3.0");
        run.Err.Should().BeEmpty();
    }

    /// <summary>Read-only: every command is a stand-in's (Get-* of the cluster, Hyper-V, network, SMB, CIM, counter and event modules), the script's own, or a core command that changes nothing; every stand-in is called.</summary>
    [Fact]
    public void Every_command_the_collector_calls_has_a_stand_in_and_only_reads()
    {
        JsonElement collector = SyntaxReport(Pwsh.Collector);
        string[] stand = Strings(SyntaxReport(Path.Combine(Pwsh.Here, "MockCmdlets.ps1")), "functions").Where(f => f != "Add-HvsCall").ToArray();
        string[] own = Strings(collector, "functions");
        string[] commands = Strings(collector, "commands");
        commands.Except(stand).Except(own).Except(CoreReadOnly).Should().BeEmpty("each command needs a stand-in, or is the script's own, or a read-only core command");
        stand.Should().OnlyContain(s => s.StartsWith("Get-", StringComparison.Ordinal));
        commands.Where(c => !own.Contains(c)).Should().OnlyContain(c => c.StartsWith("Get-", StringComparison.Ordinal) || CoreReadOnly.Contains(c));
        run.Exit.Should().Be(0, run.Err);
        run.Calls.Should().BeEquivalentTo(stand, "every stand-in is exercised by the mocked run");
    }
}
