using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using HyperVSim.Model.Specs;
using HyperVSim.Scenarios;

namespace HyperVSim.Cli.Tests.Import;

/// <summary><c>hypervsim import</c> of the 8-node, 300-VM fixture: a scenario that validates, runs, and keeps what the inventory says.</summary>
public sealed class ImportCommandTests
{
    private static JsonElement Fixture => JsonDocument.Parse(File.ReadAllText(InventoryFixture.Path)).RootElement;

    /// <summary>The committed fixture is what the generator builds (HVS_UPDATE_GOLDEN=1 rewrites it).</summary>
    [Fact]
    public void Committed_fixture_is_the_generated_one()
    {
        string generated = InventoryFixture.Generate();
        if (Environment.GetEnvironmentVariable("HVS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(InventoryFixture.Path, generated);
        }

        File.ReadAllText(InventoryFixture.Path).Should().Be(generated);
        Fixture.GetProperty("nodes").GetArrayLength().Should().Be(8);
        Fixture.GetProperty("vms").GetArrayLength().Should().Be(300);
    }

    [Fact]
    public void Fixture_validates_against_the_inventory_schema() =>
        MiniSchema.Validate(Fixture, MiniSchema.Load("inventory.schema.json")).Should().BeEmpty();

    private static (string Yaml, ScenarioSpec Spec, string Out) Import(params string[] extra)
    {
        string dir = Cli.TempDir();
        string output = Path.Combine(dir, "s.yaml");
        var (exit, stdout, err) = Cli.Run(["import", InventoryFixture.Path, "--out", output, .. extra]);
        exit.Should().Be(0, err);
        return (File.ReadAllText(output), ScenarioLoader.LoadFile(output, ScenarioLoadOptions.ForSimulation), stdout);
    }

    [Fact]
    public void Import_of_the_8_node_300_VM_fixture_validates_runs_and_round_trips()
    {
        string dir = Cli.TempDir();
        string output = Path.Combine(dir, "prd.yaml");
        var (exit, _, err) = Cli.Run("import", InventoryFixture.Path, "--out", output);
        exit.Should().Be(0, err);
        Cli.Run("validate", output).Exit.Should().Be(0);
        var run = Cli.Run("run", output, "--quiet");
        run.Exit.Should().Be(0, run.Err);
        ScenarioSpec spec = ScenarioLoader.LoadFile(output, ScenarioLoadOptions.ForSimulation);

        // Hosts: names, memory, logical processors, clock and every NIC with link and speed, RDMA and networks.
        JsonElement[] nodes = [.. Fixture.GetProperty("nodes").EnumerateArray()];
        spec.Hosts.Select(h => h.Name).Should().Equal(nodes.Select(n => n.GetProperty("name").GetString()));
        foreach (var (host, node) in spec.Hosts.Zip(nodes))
        {
            host.MemoryBytes.Should().Be(node.GetProperty("memoryBytes").GetInt64());
            host.Cpu.Cores.Should().Be(node.GetProperty("cpu").GetProperty("logicalProcessors").GetInt32());
            host.Cpu.Ghz.Should().Be(node.GetProperty("cpu").GetProperty("maxClockMHz").GetInt32() / 1000.0);
            JsonElement[] linked = [.. node.GetProperty("nics").EnumerateArray().Where(n => n.GetProperty("linkSpeedBps").GetInt64() > 0)];
            host.Nics.Select(n => n.Name).Should().Equal(linked.Select(n => Regex.Replace(n.GetProperty("name").GetString()!, "[^A-Za-z0-9._-]+", "-")));
            host.Nics.Select(n => n.BitsPerSecond).Should().Equal(linked.Select(n => (double)n.GetProperty("linkSpeedBps").GetInt64()));
            host.Nics.Select(n => n.Rdma).Should().Equal(linked.Select(n => n.GetProperty("rdmaEnabled").GetBoolean()));
            host.VirtualSwitches.Should().Equal(node.GetProperty("switches").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        }

        // The NIC behind the external switch carries the switch's VM network; the others their cluster networks.
        NicSpec prodNic = spec.Hosts[0].Nics.Single(n => n.Name == "SLOT-3-Port-1");
        prodNic.Networks.Should().Equal("VMSwitch-Prod");
        spec.Hosts[0].Nics.Single(n => n.Name == "SLOT-2-Port-2").Networks.Should().Equal("LiveMigration");
        spec.Hosts[7].Nics.Single(n => n.Name == "SLOT-4-Port-1").Networks.Should().Equal("LiveMigration");

        // Migration settings: Get-VMHost's option and limits, and the network whose subnet Get-VMMigrationNetwork lists.
        JsonElement lm = nodes[0].GetProperty("liveMigration");
        spec.Cluster.LiveMigration.Option.Should().Be(lm.GetProperty("performanceOption").GetString()!.ToLowerInvariant());
        spec.Cluster.LiveMigration.MaxSimultaneous.Should().Be(lm.GetProperty("maxSimultaneous").GetInt32());
        spec.Cluster.LiveMigration.MaxSimultaneousStorage.Should().Be(lm.GetProperty("maxSimultaneousStorage").GetInt32());
        spec.Cluster.LiveMigration.Networks.Should().Equal("LiveMigration");
        spec.Networks.Single(n => n.Name == "LiveMigration").Role.Should().Be(NetworkRole.LiveMigration);
        spec.Networks.Single(n => n.Name == "Management").Role.Should().Be(NetworkRole.Management);
        spec.Networks.Single(n => n.Name == "iSCSI").Role.Should().Be(NetworkRole.Storage);
        spec.Cluster.Quorum.Witness.ToString().Should().Be("FileShare");

        // VMs: names, owners, memory (assigned for a running VM with dynamic memory, else startup), vCPUs, NICs, priority.
        JsonElement[] vms = [.. Fixture.GetProperty("vms").EnumerateArray()];
        spec.Vms.Should().HaveCount(300);
        foreach (var (vm, j) in spec.Vms.Zip(vms))
        {
            JsonElement mem = j.GetProperty("memory");
            bool running = j.GetProperty("state").GetString() == "Running";
            long expected = mem.GetProperty("dynamic").GetBoolean() && running ? mem.GetProperty("assignedBytes").GetInt64() : mem.GetProperty("startupBytes").GetInt64();
            vm.Name.Should().Be(j.GetProperty("name").GetString());
            vm.Host.Should().Be(j.GetProperty("ownerNode").GetString());
            vm.MemoryBytes.Should().Be(expected, vm.Name);
            vm.Vcpus.Should().Be(j.GetProperty("processorCount").GetInt32());
            ((int)vm.Generation).Should().Be(j.GetProperty("generation").GetInt32(), vm.Name);
            vm.State.Should().Be(running ? VmInitialState.Running : VmInitialState.Off);
            vm.Nics.Select(n => (n.Network, n.Protected)).Should().Equal(j.GetProperty("nics").EnumerateArray().Select(n => (n.GetProperty("switchName").GetString()!, n.GetProperty("protected").GetBoolean())));
            vm.Disks.Select(d => d.SizeBytes).Should().Equal(j.GetProperty("disks").EnumerateArray().Select(d => d.GetProperty("sizeBytes").GetInt64()));
            string[] possible = [.. j.GetProperty("possibleOwners").EnumerateArray().Select(o => o.GetString()!)];
            if (!j.GetProperty("clustered").GetBoolean())
            {
                vm.PossibleOwners.Should().Equal(vm.Host);
            }
            else
            {
                vm.PossibleOwners.Should().Equal(possible.Length == nodes.Length ? [] : possible, vm.Name);
                vm.PreferredOwners.Should().Equal(j.GetProperty("preferredOwners").EnumerateArray().Select(o => o.GetString()), vm.Name);
                vm.AntiAffinity.Should().Be(j.GetProperty("antiAffinityClasses").EnumerateArray().Select(c => c.GetString()!.Replace(' ', '-')).FirstOrDefault());
            }

            if (j.GetProperty("priority").ValueKind == JsonValueKind.Number)
            {
                vm.Priority.Should().Be(j.GetProperty("priority").GetInt32());
            }

            if (j.GetProperty("cpuLoad").ValueKind == JsonValueKind.Number)
            {
                vm.CpuLoad.Should().BeApproximately(j.GetProperty("cpuLoad").GetDouble(), 1e-12);
            }
        }
    }

    [Fact]
    public void Every_estimate_is_commented_on_its_line_and_listed_in_the_summary()
    {
        var (yaml, _, stdout) = Import();
        string[] lines = yaml.Split('\n');
        lines.Where(l => l.TrimStart().StartsWith("memoryDirtying:", StringComparison.Ordinal)).Should().HaveCount(300).And.OnlyContain(l => l.Contains("# estimate:"));
        lines.Where(l => l.TrimStart().StartsWith("memoryContent:", StringComparison.Ordinal)).Should().HaveCount(300).And.OnlyContain(l => l.Contains("# estimate:"));
        lines.Where(l => l.TrimStart().StartsWith("memoryReserve:", StringComparison.Ordinal)).Should().HaveCount(8).And.OnlyContain(l => l.Contains("# estimate:"));
        lines.Where(l => l.TrimStart().StartsWith("- { name:", StringComparison.Ordinal) && l.Contains("size:")).Should().OnlyContain(l => l.Contains("# estimate: no disk I/O"));
        foreach (string key in new[] { "vms[].memoryDirtying", "vms[].memoryContent", "vms[].disks[].io", "hosts[].memoryReserve", "vms[].cpuLoad" })
        {
            stdout.Should().Contain(key);
        }

        // Only the VMs that were not running have no sampled load: 'cpuLoad' estimates equal their count.
        int unsampled = Fixture.GetProperty("vms").EnumerateArray().Count(v => v.GetProperty("cpuLoad").ValueKind == JsonValueKind.Null);
        stdout.Should().Contain($"vms[].cpuLoad = 10% ({unsampled}x)");
        lines.Count(l => l.TrimStart().StartsWith("cpuLoad:", StringComparison.Ordinal) && l.Contains("# estimate:")).Should().Be(unsampled);
    }

    [Fact]
    public void Drain_of_an_imported_node_runs()
    {
        var (yaml, _, _) = Import("--only-node", "HV-PRD-N01", "--only-node", "HV-PRD-N02", "--only-node", "HV-PRD-N03");
        string dir = Cli.TempDir();
        string path = Path.Combine(dir, "drain.yaml");
        File.WriteAllText(path, yaml + "events:\n  - { at: 10s, drain: HV-PRD-N01 }\n");
        var (exit, stdout, err) = Cli.Run("run", path);
        exit.Should().Be(0, err);
        stdout.Should().Contain("HV-PRD-N01");

        // The docs' second what-if: SMB Direct over 40 GbE on every live-migration NIC; every move completes.
        string smb = Path.Combine(dir, "smb.yaml");
        File.WriteAllText(smb, File.ReadAllText(path).Replace("option: compression", "option: smb", StringComparison.Ordinal)
            .Replace("{ name: SLOT-2-Port-2, speed: 10Gbps, rdma: false", "{ name: SLOT-2-Port-2, speed: 40Gbps, rdma: true", StringComparison.Ordinal));
        (exit, stdout, err) = Cli.Run("run", smb);
        exit.Should().Be(0, err);
        stdout.Should().MatchRegex(@"Live migrations: (\d+) \(\1 completed, 0 failed");
    }

    [Fact]
    public void Log_file_beside_an_import_is_accepted()
    {
        string dir = Cli.TempDir();
        string output = Path.Combine(dir, "s.yaml");
        File.WriteAllText(output, "old");
        var (exit, _, err) = Cli.Run("import", InventoryFixture.Path, "--out", output, "--log-file", Path.Combine(dir, "import.log"));
        exit.Should().Be(0, err);
        File.ReadAllText(output).Should().StartWith("# Imported by 'hypervsim import'");
    }

    [Fact]
    public void Anonymize_is_stable_across_runs_and_leaks_no_original_name()
    {
        var (first, spec, stdout) = Import("--anonymize");
        var (second, _, _) = Import("--anonymize");
        second.Should().Be(first);

        var originals = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Fixture.GetProperty("cluster").GetProperty("name").GetString()! };
        foreach (JsonElement n in Fixture.GetProperty("nodes").EnumerateArray())
        {
            originals.Add(n.GetProperty("name").GetString()!);
            originals.UnionWith(n.GetProperty("nics").EnumerateArray().Select(x => x.GetProperty("name").GetString()!));
            originals.UnionWith(n.GetProperty("switches").EnumerateArray().Select(x => x.GetProperty("name").GetString()!));
        }

        originals.UnionWith(Fixture.GetProperty("networks").EnumerateArray().Select(x => x.GetProperty("name").GetString()!));
        originals.UnionWith(Fixture.GetProperty("volumes").EnumerateArray().Select(x => x.GetProperty("name").GetString()!));
        foreach (JsonElement v in Fixture.GetProperty("vms").EnumerateArray())
        {
            originals.Add(v.GetProperty("name").GetString()!);
            originals.UnionWith(v.GetProperty("antiAffinityClasses").EnumerateArray().Select(x => x.GetString()!));
        }

        // Each original name, and its sanitized form, appears nowhere as a name in the scenario or in what the command
        // printed (case matters: the network 'Management' is not the role 'management').
        foreach (string name in originals)
        {
            foreach (string form in new[] { name, Regex.Replace(name, "[^A-Za-z0-9._-]+", "-") })
            {
                var token = new Regex($"(?<![A-Za-z0-9._-]){Regex.Escape(form)}(?![A-Za-z0-9._-])");
                token.IsMatch(first).Should().BeFalse($"'{form}' must not appear in the anonymized scenario");
                token.IsMatch(stdout).Should().BeFalse($"'{form}' must not appear in the summary");
            }
        }

        spec.Hosts.Should().HaveCount(8).And.OnlyContain(h => Regex.IsMatch(h.Name, "^node-[0-9a-f]{8}$"));

        // The documented rule: the first 8 hex digits of SHA-256 over the kind, a NUL and the upper-cased name.
        string digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("host\0HV-PRD-N01")));
        spec.Hosts[0].Name.Should().Be("node-" + digest[..8]);
        spec.Vms.Should().HaveCount(300).And.OnlyContain(v => Regex.IsMatch(v.Name, "^vm-[0-9a-f]{8}$"));
        spec.Vms.Select(v => v.MemoryBytes).Sum().Should().Be(Import().Spec.Vms.Select(v => v.MemoryBytes).Sum());
    }

    [Fact]
    public void Only_node_and_only_vm_keep_what_they_name()
    {
        var (_, byNode, _) = Import("--only-node", "hv-prd-n03");
        byNode.Hosts.Select(h => h.Name).Should().Equal("HV-PRD-N03");
        byNode.Vms.Should().HaveCount(Fixture.GetProperty("vms").EnumerateArray().Count(v => v.GetProperty("ownerNode").GetString() == "HV-PRD-N03"));
        byNode.Vms.Should().OnlyContain(v => v.Host == "HV-PRD-N03" && v.PreferredOwners.All(o => o == "HV-PRD-N03"));

        var (_, byVm, _) = Import("--only-vm", "SQL-PRD-001", "--only-vm", "WEB-PRD-002");
        byVm.Vms.Select(v => v.Name).Should().BeEquivalentTo("SQL-PRD-001", "WEB-PRD-002");
        byVm.Hosts.Should().HaveCount(8);

        var (exit, _, err) = Cli.Run("import", InventoryFixture.Path, "--out", Path.Combine(Cli.TempDir(), "x.yaml"), "--only-node", "HV-PRD-N1");
        exit.Should().Be(2);
        err.Should().Contain("--only-node").And.Contain("HV-PRD-N1").And.Contain("did you mean");
    }

    [Fact]
    public void Output_never_overwrites_the_input_and_is_written_whole()
    {
        string dir = Cli.TempDir();
        string input = Path.Combine(dir, "inv.json");
        File.Copy(InventoryFixture.Path, input);
        var (exit, _, err) = Cli.Run("import", input, "--out", Path.Combine(dir, ".", "inv.json"));
        exit.Should().Be(2);
        err.Should().Contain("would overwrite");
        File.ReadAllText(input).Should().Be(File.ReadAllText(InventoryFixture.Path));

        string bad = Path.Combine(dir, "bad.json");
        File.WriteAllText(bad, "{");
        string target = Path.Combine(dir, "keep.yaml");
        File.WriteAllText(target, "old");
        Cli.Run("import", bad, "--out", target).Exit.Should().Be(2);
        File.ReadAllText(target).Should().Be("old");
        Directory.GetFiles(dir).Should().BeEquivalentTo([input, bad, target]);
    }
}
