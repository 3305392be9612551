using System.Globalization;
using System.Text;

namespace HyperVSim.Scenarios.Import;

/// <summary>What <c>hypervsim import</c> is asked for: anonymized names, and the nodes or VMs to keep (original names).</summary>
public sealed record ImportOptions
{
    public bool Anonymize { get; init; }

    /// <summary>Keep only these nodes and their VMs; empty keeps every node.</summary>
    public IReadOnlyList<string> OnlyNodes { get; init; } = [];

    /// <summary>Keep only these VMs; empty keeps every VM (of the kept nodes).</summary>
    public IReadOnlyList<string> OnlyVms { get; init; } = [];
}

/// <summary>One kind of value the inventory cannot know, given its documented default: where, what, how many, why.</summary>
public sealed record ImportEstimate(string Key, string Value, int Count, string Why);

/// <summary>The scenario written from an inventory: its YAML text, every estimate in it, and what was left out and why.</summary>
public sealed record ImportResult(string Yaml, int Hosts, int Vms, IReadOnlyList<ImportEstimate> Estimates, IReadOnlyList<string> Notes);

/// <summary>
/// Turns an inventory (tools/Export-HyperVSimInventory.ps1) into a scenario that loads and runs as is (docs/import.md):
/// what the cmdlets report is copied; what they cannot know takes the scenario format's documented default, marked
/// with a comment on its line and listed in <see cref="ImportResult.Estimates"/>.
/// </summary>
public static class InventoryImporter
{
    /// <summary>The default of <c>hosts[].memoryReserve</c> (<c>HostSpec.MemoryReserveBytes</c>).</summary>
    private static readonly long DefaultReserve = new Model.Specs.HostSpec { Name = "default", MemoryBytes = 1L << 40 }.MemoryReserveBytes;

    private static readonly Model.Specs.VmSpec VmDefaults = new() { Name = "default", MemoryBytes = 1L << 30 };

    /// <summary>Reads and imports the inventory file at <paramref name="path"/>.</summary>
    /// <exception cref="ImportException">The inventory is not valid or not consistent, or a filter names nothing in it.</exception>
    public static ImportResult ImportFile(string path, ImportOptions options) => Import(File.ReadAllBytes(path), path, options);

    /// <summary>Imports inventory <paramref name="json"/> (UTF-8) read from <paramref name="file"/>.</summary>
    public static ImportResult Import(byte[] json, string file, ImportOptions options)
    {
        Inventory inv = InventoryReader.Read(json, file);
        return new Writer(inv, options, file).Write();
    }

    private sealed class Writer
    {
        private readonly Inventory inv;
        private readonly ImportNames names;
        private readonly StringBuilder y = new();
        private readonly List<string> notes = [];
        private readonly Dictionary<string, (string Value, string Why, int Count)> estimates = [];
        private readonly List<InventoryNode> nodes;
        private readonly List<InventoryVm> vms;

        private readonly string file;

        public Writer(Inventory inv, ImportOptions options, string file)
        {
            this.inv = inv;
            this.file = file;
            names = new ImportNames(options.Anonymize);
            nodes = Filter(inv.Nodes, options.OnlyNodes, n => n.Name, "--only-node", "node");
            var keptNodes = new HashSet<string>(nodes.Select(n => n.Name), StringComparer.OrdinalIgnoreCase);
            vms = Filter(inv.Vms, options.OnlyVms, v => v.Name, "--only-vm", "VM").Where(v => keptNodes.Contains(v.OwnerNode)).ToList();
            if (nodes.Count == 0)
            {
                throw new ImportException([new ScenarioError("--only-node", 0, 0, "", "the inventory has no nodes to import", "import an inventory with at least one node")]);
            }
        }

        private static List<T> Filter<T>(IReadOnlyList<T> all, IReadOnlyList<string> wanted, Func<T, string> name, string option, string what)
        {
            if (wanted.Count == 0)
            {
                return all.ToList();
            }

            var known = all.Select(name).ToList();
            var errors = wanted.Where(w => !known.Contains(w, StringComparer.OrdinalIgnoreCase)).Select(w =>
            {
                string near = Reading.Suggestions.Closest(w, known) is { } s ? $" (did you mean '{s}'?)" : "";
                return new ScenarioError(option, 0, 0, "", $"the inventory has no {what} named '{w}'{near}", $"give one of its {what}s: {string.Join(", ", known.Take(8))}{(known.Count > 8 ? ", …" : "")}");
            }).ToList();
            if (errors.Count > 0)
            {
                throw new ImportException(errors);
            }

            return all.Where(a => wanted.Contains(name(a), StringComparer.OrdinalIgnoreCase)).ToList();
        }

        public ImportResult Write()
        {
            var body = new StringBuilder();
            WriteCluster();
            WriteNetworks();
            WriteHosts();
            WriteStorage();
            WriteVms();
            string clusterPart = y.ToString();
            y.Clear();

            if (names.Changed.Count > 0)
            {
                var (original, name) = names.Changed[0];
                notes.Add($"{names.Changed.Count} name(s) were changed to be valid scenario names, e.g. '{original}' is '{name}'");
            }

            var estimateList = estimates.Select(e => new ImportEstimate(e.Key, e.Value.Value, e.Value.Count, e.Value.Why)).ToList();
            body.AppendLine("# Imported by 'hypervsim import' from a cluster inventory (docs/import.md). Values the inventory cannot");
            body.AppendLine("# know carry the documented default and a comment 'estimate: ...' on their line; refine them:");
            foreach (ImportEstimate e in estimateList)
            {
                body.AppendLine($"#   {e.Key}: {e.Value} ({e.Count}x): {e.Why}");
            }

            foreach (string n in notes)
            {
                body.AppendLine($"# note: {n}");
            }

            body.Append(clusterPart);
            return new ImportResult(body.ToString(), nodes.Count, vms.Count, estimateList, notes);
        }

        private void Estimate(string key, string value, string why) =>
            estimates[key] = estimates.TryGetValue(key, out var e) ? (e.Value, e.Why, e.Count + 1) : (value, why, 1);

        private string Host(string name) => names.Of("host", name, "node");

        private string Vm(string name) => names.Of("vm", name, "vm");

        private string ClusterNetwork(string name) => names.Of("network", name, "net", "cluster:" + name);

        private string SwitchNetwork(string name) => names.Of("network", name, "net", "switch:" + name);

        private string Volume(string name) => names.Of("volume", name, "vol");

        private static string Version(InventoryNode n) => n.OsVersion.StartsWith("6.2.", StringComparison.Ordinal) ? "2012" : "2012R2";

        private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

        private static string Num(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

        private static string Percent(double f) => Num(f * 100) + "%";

        private static string Names(IEnumerable<string> list) => "[" + string.Join(", ", list) + "]";

        private static T Majority<T>(IEnumerable<T> values)
            where T : notnull => values.GroupBy(v => v).OrderByDescending(g => g.Count()).First().Key;

        private void WriteCluster()
        {
            InventoryCluster c = inv.Cluster;
            string name = names.Anonymize ? "cluster-" + ImportNames.Hash("cluster", c.Name, 8) : c.Name;
            y.AppendLine($"name: {Quote(name.Trim().Length == 0 ? "imported-cluster" : name)}");
            y.AppendLine("cluster:");
            y.AppendLine($"  version: {(nodes.All(n => Version(n) == "2012") ? "2012" : "2012R2")}");
            y.AppendLine($"  heartbeat: {{ delay: {c.SameSubnetDelayMs}ms, threshold: {c.SameSubnetThreshold}, crossSubnetDelay: {c.CrossSubnetDelayMs}ms, crossSubnetThreshold: {c.CrossSubnetThreshold} }}");
            y.AppendLine($"  quorum: {{ witness: {c.Witness}, dynamic: {(c.DynamicQuorum ? "true" : "false")} }}");

            var option = Majority(nodes.Select(n => n.LiveMigration.PerformanceOption));
            int maxLm = Majority(nodes.Select(n => n.LiveMigration.MaxSimultaneous));
            int maxStorage = Majority(nodes.Select(n => n.LiveMigration.MaxSimultaneousStorage));
            if (nodes.Any(n => n.LiveMigration.PerformanceOption != option || n.LiveMigration.MaxSimultaneous != maxLm || n.LiveMigration.MaxSimultaneousStorage != maxStorage))
            {
                notes.Add($"the nodes' live-migration settings differ; the scenario takes the most common: option {option}, {maxLm} live and {maxStorage} storage migrations at once");
            }

            if (nodes.Any(n => !n.LiveMigration.Enabled))
            {
                notes.Add($"{nodes.Count(n => !n.LiveMigration.Enabled)} node(s) have live migration turned off (Enable-VMMigration); the scenario lets every node migrate");
            }

            y.AppendLine("  liveMigration:");
            y.AppendLine($"    option: {option.ToLowerInvariant()}");
            y.AppendLine($"    maxSimultaneous: {maxLm}");
            y.AppendLine($"    maxSimultaneousStorage: {maxStorage}");
        }

        /// <summary>
        /// Cluster networks keep their role (1 cluster only → cluster, 3 cluster and client → management, 0 none →
        /// storage) unless a node's migration networks (Get-VMMigrationNetwork) list their subnet: then liveMigration.
        /// With "use any network" and no list, the cluster-only networks (else the cluster-and-client ones) carry it.
        /// Each virtual switch name gives one network of role vm.
        /// </summary>
        private void WriteNetworks()
        {
            var subnets = new HashSet<string>(nodes.SelectMany(n => n.LiveMigration.Subnets), StringComparer.OrdinalIgnoreCase);
            bool any = subnets.Count == 0 && nodes.Any(n => n.LiveMigration.UseAnyNetwork);
            int anyRole = inv.Networks.Any(n => n.Role == 1) ? 1 : 3;
            var lmNetworks = new List<string>();
            var lines = new List<string>();
            foreach (InventoryNetwork n in inv.Networks)
            {
                bool lm = (n.Subnet is not null && subnets.Contains(n.Subnet)) || (any && n.Role == anyRole);
                string role = lm ? "liveMigration" : n.Role switch { 1 => "cluster", 3 => "management", _ => "storage" };
                string name = ClusterNetwork(n.Name);
                if (lm)
                {
                    lmNetworks.Add(name);
                }

                lines.Add($"  - {{ name: {name}, role: {role} }}");
            }

            foreach (string sw in nodes.SelectMany(n => n.Switches).Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                lines.Add($"  - {{ name: {SwitchNetwork(sw)}, role: vm }}");
            }

            if (lmNetworks.Count > 0)
            {
                y.AppendLine($"    networks: {Names(lmNetworks)}");
            }
            else
            {
                notes.Add("no cluster network carries live migration (no migration network matches a cluster network's subnet): add role liveMigration to one before draining a node");
            }

            if (lines.Count > 0)
            {
                y.AppendLine("networks:");
                lines.ForEach(l => y.AppendLine(l));
            }
        }

        private void WriteHosts()
        {
            y.AppendLine("hosts:");
            foreach (InventoryNode n in nodes)
            {
                long running = vms.Where(v => v.OwnerNode.Equals(n.Name, StringComparison.OrdinalIgnoreCase) && Runs(v)).Sum(v => v.ScenarioMemoryBytes);
                if (running > n.MemoryBytes)
                {
                    JNode at = n.Node["memoryBytes"]!;
                    throw new ImportException([new ScenarioError(file, at.Line, at.Column, at.Path,
                        $"node {n.Name} has {n.MemoryBytes} bytes of memory but its running VMs have {running}", "check the node's memory and its VMs' owner node and memory")]);
                }

                y.AppendLine($"  - name: {Host(n.Name)}");
                y.AppendLine($"    version: {Version(n)}");
                y.AppendLine($"    cpu: {{ cores: {n.LogicalProcessors}, ghz: {Num(n.MaxClockMHz / 1000.0)}, vendor: {(n.CpuVendor == "AuthenticAMD" ? "amd" : "intel")} }}");
                y.AppendLine($"    memory: {Units.FormatSize(n.MemoryBytes)}");
                long reserve = Math.Min(DefaultReserve, n.MemoryBytes - running);
                y.AppendLine($"    memoryReserve: {Units.FormatSize(reserve)}  # estimate: the root partition's reserve is not in the inventory; default {Units.FormatSize(DefaultReserve)}{(reserve < DefaultReserve ? ", less where the running VMs leave less" : "")}");
                Estimate("hosts[].memoryReserve", Units.FormatSize(DefaultReserve) + " (less where the running VMs leave less)", "the memory the root partition keeps is not in the inventory");
                if (n.State is not ("Up" or "Paused"))
                {
                    notes.Add($"node {Host(n.Name)} was {n.State} at collection time; the scenario starts it up");
                }

                var nicLines = new List<string>();
                int index = 0;
                foreach (InventoryNic nic in n.Nics)
                {
                    index++;
                    if (nic.LinkSpeedBps == 0 || nic.Status != "Up")
                    {
                        notes.Add($"NIC {(names.Anonymize ? "port" + index : nic.Name)} of {Host(n.Name)} is {(nic.Status == "Up" ? "without link" : nic.Status)}: left out");
                        continue;
                    }

                    var networks = nic.ClusterNetworks.Select(ClusterNetwork).ToList();
                    foreach (InventorySwitch sw in n.Switches.Where(s => s.NetAdapterInterfaceDescription is not null && s.NetAdapterInterfaceDescription.Equals(nic.InterfaceDescription, StringComparison.OrdinalIgnoreCase)))
                    {
                        networks.Add(SwitchNetwork(sw.Name));
                        networks.AddRange(n.HostVnics.Where(v => v.SwitchName.Equals(sw.Name, StringComparison.OrdinalIgnoreCase)).SelectMany(v => v.ClusterNetworks).Select(ClusterNetwork));
                    }

                    string nicName = names.Anonymize ? "port" + index : names.Of("nic:" + n.Name, nic.Name, "nic");
                    nicLines.Add($"      - {{ name: {nicName}, speed: {Units.FormatBitRate(nic.LinkSpeedBps)}, rdma: {(nic.RdmaEnabled ? "true" : "false")}, networks: {Names(networks.Distinct())} }}");
                }

                if (nicLines.Count > 0)
                {
                    y.AppendLine("    nics:");
                    nicLines.ForEach(l => y.AppendLine(l));
                }

                if (n.Switches.Count > 0)
                {
                    y.AppendLine($"    virtualSwitches: {Names(n.Switches.Select(s => SwitchNetwork(s.Name)))}");
                }
            }
        }

        private void WriteStorage()
        {
            var kept = new HashSet<string>(nodes.Select(n => n.Name), StringComparer.OrdinalIgnoreCase);
            var volumes = inv.Volumes.Where(v => v.Kind != "local" || kept.Contains(v.OwnerNode!)).ToList();
            if (volumes.Count == 0)
            {
                return;
            }

            y.AppendLine("storage:");
            foreach (InventoryVolume v in volumes)
            {
                string host = v.Kind == "local" ? $", host: {Host(v.OwnerNode!)}" : "";
                string size = v.SizeBytes is { } s ? $"  # {Units.FormatSize(s)}{(v.FreeBytes is { } f ? $", {Units.FormatSize(f)} free" : "")} at collection time" : "";
                y.AppendLine($"  - {{ name: {Volume(v.Name)}, kind: {v.Kind}{host} }}{size}");
            }
        }

        private static bool Runs(InventoryVm v) => v.State is "Running" or "Paused" or "Starting" or "Pausing" or "Resuming" or "Saving";

        private void WriteVms()
        {
            if (vms.Count == 0)
            {
                notes.Add("no VMs were kept");
                return;
            }

            y.AppendLine("vms:");
            string cpuDefault = Percent(VmDefaults.CpuLoad);
            foreach (InventoryVm v in vms)
            {
                y.AppendLine($"  - name: {Vm(v.Name)}");
                y.AppendLine($"    host: {Host(v.OwnerNode)}");
                y.AppendLine($"    generation: {v.Generation}");
                y.AppendLine($"    state: {(Runs(v) ? "running" : "off")}");
                if (v.State == "Saved")
                {
                    notes.Add($"VM {Vm(v.Name)} was saved at collection time; imported as off");
                }

                y.AppendLine($"    memory: {Units.FormatSize(v.ScenarioMemoryBytes)}");
                y.AppendLine($"    vcpus: {v.ProcessorCount}");
                WriteOwners(v);
                if (v.CpuLoad is { } load)
                {
                    y.AppendLine($"    cpuLoad: {Percent(load)}");
                }
                else
                {
                    y.AppendLine($"    cpuLoad: {cpuDefault}  # estimate: not sampled; default (run the collector with -CpuSampleSeconds)");
                    Estimate("vms[].cpuLoad", cpuDefault, "not sampled: run the collector with -CpuSampleSeconds to measure each VM's load");
                }

                y.AppendLine("    memoryDirtying: { model: none }  # estimate: how fast the guest writes memory is not in the inventory; default");
                Estimate("vms[].memoryDirtying", "model none (no page written during a migration)", "the inventory cannot see how fast a guest writes its memory: give a constant or workingSet model for busy VMs");
                string content = $"{{ zeroPages: {Percent(VmDefaults.MemoryContent.ZeroPageFraction)}, compressionRatio: {Num(VmDefaults.MemoryContent.CompressionRatio)} }}";
                y.AppendLine($"    memoryContent: {content}  # estimate: zero pages and compressibility are not in the inventory; default");
                Estimate("vms[].memoryContent", content, "zero pages and how well memory compresses are not in the inventory");
                WriteVmNics(v);
                WriteDisks(v);
            }
        }

        private void WriteOwners(InventoryVm v)
        {
            if (!v.Clustered)
            {
                y.AppendLine($"    possibleOwners: [{Host(v.OwnerNode)}]  # not clustered: it stays on its node");
                notes.Add($"VM {Vm(v.Name)} is not clustered: it may run only on its node");
                return;
            }

            if (v.Priority is { } p)
            {
                y.AppendLine($"    priority: {p}");
            }

            var kept = new HashSet<string>(nodes.Select(n => n.Name), StringComparer.OrdinalIgnoreCase);
            var possible = v.PossibleOwners.Where(kept.Contains).ToList();
            var preferred = v.PreferredOwners.Where(kept.Contains).Where(o => possible.Count == 0 || possible.Contains(o, StringComparer.OrdinalIgnoreCase)).ToList();
            if (preferred.Count > 0)
            {
                y.AppendLine($"    preferredOwners: {Names(preferred.Select(Host))}");
            }

            if (possible.Count > 0 && possible.Count < nodes.Count)
            {
                y.AppendLine($"    possibleOwners: {Names(possible.Select(Host))}");
            }

            if (v.AntiAffinityClasses.Count > 0)
            {
                y.AppendLine($"    antiAffinity: {names.Of("class", v.AntiAffinityClasses[0], "class")}");
                if (v.AntiAffinityClasses.Count > 1)
                {
                    notes.Add($"VM {Vm(v.Name)} has {v.AntiAffinityClasses.Count} anti-affinity classes; the scenario keeps the first");
                }
            }
        }

        private void WriteVmNics(InventoryVm v)
        {
            var lines = new List<string>();
            foreach (InventoryVmNic nic in v.Nics)
            {
                if (nic.SwitchName is null)
                {
                    notes.Add($"a network adapter of VM {Vm(v.Name)} is not connected to a switch: left out");
                    continue;
                }

                lines.Add($"      - {{ network: {SwitchNetwork(nic.SwitchName)}, protected: {(nic.Protected ? "true" : "false")} }}");
            }

            if (lines.Count > 0)
            {
                y.AppendLine("    nics:");
                lines.ForEach(l => y.AppendLine(l));
            }
        }

        private void WriteDisks(InventoryVm v)
        {
            if (v.Disks.Count == 0)
            {
                return;
            }

            y.AppendLine("    disks:");
            int index = 0;
            foreach (InventoryDisk d in v.Disks)
            {
                index++;
                string file = d.Path.Replace('\\', '/');
                string stem = Path.GetFileNameWithoutExtension(file);
                string name = names.Anonymize ? "disk" + index : names.Of("disk:" + v.Name, stem.Length == 0 ? "disk" + index : stem, "disk");
                string storage = d.Volume is null ? "" : $", storage: {Volume(d.Volume)}";
                string shared = d.Shared ? ", shared: true" : "";
                if (d.Volume is null)
                {
                    notes.Add($"a disk of VM {Vm(v.Name)} is on no volume the collector knows: imported without storage");
                }

                y.AppendLine($"      - {{ name: {name}, size: {Units.FormatSize(d.SizeBytes)}, controller: {d.Controller.ToLowerInvariant()}{storage}, format: {d.Format.ToLowerInvariant()}, type: {d.Type.ToLowerInvariant()}{shared} }}  # estimate: no disk I/O (not in the inventory)");
                Estimate("vms[].disks[].io", "none (no guest disk I/O simulated)", "the guest's disk I/O is not in the inventory: add io { iops, size, read } to disks that matter");
            }
        }
    }
}
