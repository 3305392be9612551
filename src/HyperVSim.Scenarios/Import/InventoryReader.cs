using System.Globalization;
using System.Text.Json;

namespace HyperVSim.Scenarios.Import;

/// <summary>
/// Reads an inventory JSON file (docs/inventory.schema.json) into an <see cref="Inventory"/>, or collects every problem
/// with the JSON path, line and column of the value: types, ranges, and references that do not resolve.
/// </summary>
internal sealed class InventoryReader : JsonFields
{
    /// <summary>The value of the inventory's <c>schema</c> key.</summary>
    public const string SchemaName = "hypervsim.inventory";

    /// <summary>The only inventory schema version this build reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>
    /// Link speeds a physical adapter reports (Get-NetAdapter's Speed, bits/s): the IEEE 802.3 Ethernet rates and the
    /// InfiniBand DDR and FDR rates Mellanox adapters report; 0 for a disconnected adapter. Anything else was not
    /// reported by the cmdlets (a typo, or a value in the wrong unit).
    /// </summary>
    public static readonly IReadOnlyList<long> ReportedLinkSpeeds =
    [
        10_000_000, 100_000_000, 1_000_000_000, 2_500_000_000, 5_000_000_000, 10_000_000_000, 20_000_000_000,
        25_000_000_000, 40_000_000_000, 50_000_000_000, 56_000_000_000, 100_000_000_000, 200_000_000_000, 400_000_000_000,
    ];

    private const long GiB = 1L << 30;
    private const long MiB = 1L << 20;
    private InventoryReader(string file)
        : base(file)
    {
    }

    /// <summary>Reads <paramref name="bytes"/> of the file named <paramref name="file"/>.</summary>
    /// <exception cref="ImportException">Every problem found, in file order.</exception>
    public static Inventory Read(byte[] bytes, string file)
    {
        var reader = new InventoryReader(file);
        JNode root = JNode.Parse(bytes, file, "give the whole file the collector wrote (a file cut short, e.g. by a full disk or an interrupted copy, is not valid JSON); run tools/Export-HyperVSimInventory.ps1 again");

        Inventory? inventory = reader.ReadRoot(root);
        if (reader.Errors.Count > 0 || inventory is null)
        {
            throw new ImportException(reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
        }

        return inventory;
    }

    private Inventory? ReadRoot(JNode root)
    {
        if (root.Kind != JsonValueKind.Object)
        {
            Error(root, $"an inventory is a JSON object, not {root.Describe()}", "give the file tools/Export-HyperVSimInventory.ps1 wrote");
            return null;
        }

        string schema = Str(root, "schema");
        if (Errors.Count == 0 && schema != SchemaName)
        {
            Error(root["schema"]!, $"\"{schema}\" is not an inventory schema", $"give an inventory written by tools/Export-HyperVSimInventory.ps1 (schema \"{SchemaName}\")");
            return null;
        }

        JNode? version = Get(root, "schemaVersion");
        if (version is null)
        {
            return null;
        }

        if (version.AsLong() != SchemaVersion)
        {
            Error(version, $"schema version {version.Text} is not known to this version of hypervsim, which reads version {SchemaVersion}", "run the collector shipped with this version of hypervsim (tools/Export-HyperVSimInventory.ps1), or a hypervsim that reads this version");
            return null;
        }

        JNode? clusterNode = Get(root, "cluster");
        InventoryCluster? cluster = clusterNode is null ? null : ReadCluster(clusterNode);
        var nodes = Array(root, "nodes", ReadNode);
        var networks = Array(root, "networks", ReadNetwork);
        var volumes = Array(root, "volumes", ReadVolume);
        var vms = Array(root, "vms", ReadVm);
        bool sampled = root["cpuSample"] is { IsNull: false };
        if (cluster is null || Errors.Count > 0)
        {
            return null;
        }

        var inventory = new Inventory(cluster, nodes, networks, volumes, vms, sampled);
        CrossCheck(inventory);
        return inventory;
    }

    private InventoryCluster ReadCluster(JNode c)
    {
        string name = Str(c, "name");
        string witness = OneOf(c, "witness", ["none", "disk", "fileShare"], "the witness of Get-ClusterQuorum: none, disk or fileShare");
        bool dynamicQuorum = Bool(c, "dynamicQuorum");
        JNode? hb = Get(c, "heartbeat");
        if (hb is null)
        {
            return new InventoryCluster(name, witness, dynamicQuorum, 1000, 10, 1000, 20);
        }

        return new InventoryCluster(
            name,
            witness,
            dynamicQuorum,
            (int)Long(hb, "sameSubnetDelayMs", 250, 2000, "SameSubnetDelay is 250 to 2000 ms"),
            (int)Long(hb, "sameSubnetThreshold", 3, 120, "SameSubnetThreshold is 3 to 120"),
            (int)Long(hb, "crossSubnetDelayMs", 250, 4000, "CrossSubnetDelay is 250 to 4000 ms"),
            (int)Long(hb, "crossSubnetThreshold", 3, 120, "CrossSubnetThreshold is 3 to 120"));
    }

    private InventoryNode ReadNode(JNode n)
    {
        JNode? cpu = Get(n, "cpu");
        JNode? lm = Get(n, "liveMigration");
        InventoryMigration migration = lm is null
            ? new InventoryMigration(true, "TCPIP", 2, 2, false, [])
            : new InventoryMigration(
                Bool(lm, "enabled"),
                OneOf(lm, "performanceOption", ["TCPIP", "Compression", "SMB"], "VirtualMachineMigrationPerformanceOption of Get-VMHost: TCPIP, Compression or SMB"),
                (int)Long(lm, "maxSimultaneous", 1, 64, "MaximumVirtualMachineMigrations is 1 to 64 here"),
                (int)Long(lm, "maxSimultaneousStorage", 1, 64, "MaximumStorageMigrations is 1 to 64 here"),
                Bool(lm, "useAnyNetwork"),
                StrList(lm, "networks"));
        return new InventoryNode(
            n,
            Str(n, "name"),
            Str(n, "state"),
            Str(n, "osVersion"),
            cpu is null ? 1 : (int)Long(cpu, "logicalProcessors", 1, 320, "Hyper-V 2012 R2 supports 1 to 320 logical processors"),
            cpu is null ? "" : OneOf(cpu, "vendor", ["GenuineIntel", "AuthenticAMD"], "Manufacturer of Win32_Processor: GenuineIntel or AuthenticAMD"),
            cpu is null ? "" : Str(cpu, "model"),
            cpu is null ? 0 : (int)Long(cpu, "maxClockMHz", 500, 10_000, "a processor's MaxClockSpeed is 500 to 10000 MHz"),
            Long(n, "memoryBytes", GiB, 4096 * GiB, "a Hyper-V 2012 R2 host has 1GiB to 4TiB of memory"),
            migration,
            Array(n, "nics", ReadNic),
            Array(n, "switches", s => new InventorySwitch(s, Str(s, "name"), OneOf(s, "switchType", ["External", "Internal", "Private"], "SwitchType of Get-VMSwitch"), OptStr(s, "netAdapterInterfaceDescription"))),
            Array(n, "hostVnics", v => new InventoryHostVnic(v, Str(v, "name"), Str(v, "switchName"), StrList(v, "clusterNetworks"))));
    }

    private InventoryNic ReadNic(JNode n)
    {
        long speed = Long(n, "linkSpeedBps", long.MinValue, long.MaxValue, "");
        JNode? at = n["linkSpeedBps"];
        if (at is not null && at.AsLong() is not null && speed != 0 && !ReportedLinkSpeeds.Contains(speed))
        {
            Error(at, $"{speed.ToString(CultureInfo.InvariantCulture)} bits/s is not a link speed Get-NetAdapter reports", $"give the adapter's Speed in bits per second, one of {string.Join(", ", ReportedLinkSpeeds.Select(s => Units.FormatBitRate(s)))}, or 0 when it is disconnected");
        }

        return new InventoryNic(n, Str(n, "name"), Str(n, "interfaceDescription"), speed, Str(n, "status"), Bool(n, "rdmaEnabled"), StrList(n, "clusterNetworks"));
    }

    private InventoryNetwork ReadNetwork(JNode n)
    {
        long role = Long(n, "role", 0, 3, "a cluster network's Role is 0 (none), 1 (cluster only) or 3 (cluster and client)");
        if (role == 2)
        {
            Error(n["role"]!, "role 2 is not a cluster network role", "give 0 (none), 1 (cluster only) or 3 (cluster and client)");
        }

        return new InventoryNetwork(n, Str(n, "name"), (int)role, OptStr(n, "subnet"));
    }

    private InventoryVolume ReadVolume(JNode v)
    {
        string kind = OneOf(v, "kind", ["csv", "smb", "local"], "csv, smb or local");
        string? node = OptStr(v, "node");
        if (kind == "local" && node is null)
        {
            Error(v, "a local volume needs the node it is on (\"node\")", "give the node's name");
        }

        return new InventoryVolume(v, Str(v, "name"), kind, node, OptLong(v, "sizeBytes"), OptLong(v, "freeBytes"));
    }

    private InventoryVm ReadVm(JNode v)
    {
        JNode? memory = Get(v, "memory");
        JNode? priority = v["priority"];
        int? prio = null;
        if (priority is { IsNull: false })
        {
            long p = Long(v, "priority", 0, 3000, "a cluster group's Priority is 0, 1000, 2000 or 3000");
            if (p % 1000 != 0)
            {
                Error(priority, $"priority {p} is not one Failover Clustering sets", "give 0 (no automatic start), 1000 (low), 2000 (medium) or 3000 (high)");
            }

            prio = (int)p;
        }

        double? cpuLoad = null;
        if (v["cpuLoad"] is { IsNull: false } load)
        {
            cpuLoad = load.AsDouble();
            if (cpuLoad is null or < 0 or > 1 || double.IsNaN(cpuLoad.Value))
            {
                Error(load, $"cpuLoad is {load.Describe()}, not a fraction from 0 to 1", "give the VM's average CPU load as a fraction (0.25 for 25%), or null when it was not sampled");
                cpuLoad = null;
            }
        }

        return new InventoryVm(
            v,
            Str(v, "name"),
            (int)Long(v, "generation", 1, 2, "a VM is generation 1 or 2"),
            Str(v, "state"),
            Str(v, "ownerNode"),
            Bool(v, "clustered"),
            prio,
            StrList(v, "preferredOwners"),
            StrList(v, "possibleOwners"),
            StrList(v, "antiAffinityClasses"),
            (int)Long(v, "processorCount", 1, 64, "a Hyper-V 2012 R2 VM has 1 to 64 virtual processors"),
            memory is null ? 0 : Memory(memory, "startupBytes"),
            memory is null ? 0 : Memory(memory, "assignedBytes", allowZero: true),
            memory is not null && Bool(memory, "dynamic"),
            cpuLoad,
            Array(v, "nics", n => new InventoryVmNic(n, Str(n, "name"), OptStr(n, "switchName"), Bool(n, "protected"))),
            Array(v, "disks", ReadDisk));
    }

    private long Memory(JNode memory, string key, bool allowZero = false)
    {
        JNode? at = Get(memory, key);
        long? value = at?.AsLong();
        if (at is null)
        {
            return 0;
        }

        if (value is null)
        {
            Error(at, $"{key} is {at.Describe()}, not a whole number of bytes", "give the memory in bytes, as Get-VM reports it");
            return 0;
        }

        if (value < 0)
        {
            Error(at, $"{key} is negative ({value} bytes): memory cannot be negative", "give the memory in bytes as Get-VM reports it (MemoryStartup, MemoryAssigned)");
            return 0;
        }

        if (!(allowZero && value == 0) && (value < 32 * MiB || value > 1024 * GiB))
        {
            Error(at, $"{key} is {value} bytes, outside what Hyper-V 2012 R2 gives a VM (32MiB to 1TiB)", "give the memory in bytes (16GiB is 17179869184)");
        }

        return value.Value;
    }

    private InventoryDisk ReadDisk(JNode d) => new(
        d,
        OneOf(d, "controller", ["IDE", "SCSI"], "ControllerType of Get-VMHardDiskDrive: IDE or SCSI"),
        Str(d, "path"),
        OneOf(d, "format", ["VHD", "VHDX"], "VhdFormat of Get-VHD: VHD or VHDX"),
        OneOf(d, "type", ["Fixed", "Dynamic", "Differencing"], "VhdType of Get-VHD: Fixed, Dynamic or Differencing"),
        Long(d, "sizeBytes", MiB, 64 * 1024 * GiB, "a VHDX is 1MiB to 64TiB"),
        Long(d, "fileSizeBytes", 0, long.MaxValue, "the file size of Get-VHD is not negative"),
        OptStr(d, "volume"),
        Bool(d, "shared"));

    /// <summary>References between parts of the inventory: owners, volumes, switches, networks, and unique names.</summary>
    private void CrossCheck(Inventory inv)
    {
        var nodes = Unique(inv.Nodes, n => n.Name, n => n.Node, "node");
        var networks = Unique(inv.Networks, n => n.Name, n => n.Node, "cluster network");
        var volumes = Unique(inv.Volumes, v => v.Name, v => v.Node, "volume");
        Unique(inv.Vms, v => v.Name, v => v.Node, "VM");
        foreach (InventoryNode n in inv.Nodes)
        {
            if (!n.OsVersion.StartsWith("6.2.", StringComparison.Ordinal) && !n.OsVersion.StartsWith("6.3.", StringComparison.Ordinal))
            {
                Error(n.Node["osVersion"]!, $"Windows version {n.OsVersion} is not simulated: HyperVSim models Windows Server 2012 (6.2) and 2012 R2 (6.3)", "import an inventory of a 2012 or 2012 R2 cluster");
            }

            Unique(n.Nics, x => x.Name, x => x.Node, "NIC on this node");
            Unique(n.Switches, x => x.Name, x => x.Node, "virtual switch on this node");
            foreach (InventoryNic nic in n.Nics)
            {
                Refs(nic.Node, "clusterNetworks", nic.ClusterNetworks, networks, "cluster network");
            }

            foreach (InventoryHostVnic vnic in n.HostVnics)
            {
                Refs(vnic.Node, "clusterNetworks", vnic.ClusterNetworks, networks, "cluster network");
                if (!n.Switches.Any(s => s.Name == vnic.SwitchName))
                {
                    Error(vnic.Node["switchName"]!, $"node {n.Name} has no virtual switch \"{vnic.SwitchName}\"", $"name one of its switches: {List(n.Switches.Select(s => s.Name))}");
                }
            }
        }

        foreach (InventoryVolume v in inv.Volumes.Where(v => v.OwnerNode is not null))
        {
            Refs(v.Node, "node", [v.OwnerNode!], nodes, "node");
        }

        foreach (InventoryVm vm in inv.Vms)
        {
            bool ownerKnown = Refs(vm.Node, "ownerNode", [vm.OwnerNode], nodes, "node");
            Refs(vm.Node, "preferredOwners", vm.PreferredOwners, nodes, "node");
            if (Refs(vm.Node, "possibleOwners", vm.PossibleOwners, nodes, "node") && ownerKnown && vm.PossibleOwners.Count > 0
                && !vm.PossibleOwners.Contains(vm.OwnerNode, StringComparer.OrdinalIgnoreCase))
            {
                Error(vm.Node["possibleOwners"]!, $"VM {vm.Name} runs on node {vm.OwnerNode}, which is not among its possible owners", "check the VM's owner node and the possible owners of its resource");
            }

            InventoryNode? owner = ownerKnown ? nodes[vm.OwnerNode] : null;
            if (owner is not null && vm.ProcessorCount > owner.LogicalProcessors)
            {
                Error(vm.Node["processorCount"]!, $"VM {vm.Name} has {vm.ProcessorCount} virtual processors but its node {owner.Name} has {owner.LogicalProcessors} logical processors", "Hyper-V gives a VM at most its host's logical processors: check the VM's processor count and owner node");
            }

            if (owner is not null && vm.StartupBytes > owner.MemoryBytes)
            {
                Error(vm.Node["memory"]!["startupBytes"]!, $"VM {vm.Name} starts with {vm.StartupBytes} bytes, more than its node {owner.Name} has ({owner.MemoryBytes})", "check the VM's startup memory and its owner node");
            }

            if (owner is not null && vm.Generation == 2 && owner.OsVersion.StartsWith("6.2.", StringComparison.Ordinal))
            {
                Error(vm.Node["generation"]!, $"VM {vm.Name} is generation 2 but its node {owner.Name} runs Windows Server 2012, which has no generation 2", "check the VM's generation and its node's osVersion");
            }

            foreach (InventoryVmNic nic in vm.Nics.Where(n => n.SwitchName is not null))
            {
                if (owner is not null && !owner.Switches.Any(s => s.Name == nic.SwitchName))
                {
                    Error(nic.Node["switchName"]!, $"VM {vm.Name} is on node {owner.Name}, which has no virtual switch \"{nic.SwitchName}\"", $"name one of its switches: {List(owner.Switches.Select(s => s.Name))}");
                }
            }

            foreach (InventoryDisk disk in vm.Disks)
            {
                if (vm.Generation == 2 && disk.Controller == "IDE")
                {
                    Error(disk.Node["controller"]!, $"VM {vm.Name} is generation 2, which has no IDE controller", "give SCSI, as Get-VMHardDiskDrive reports for a generation 2 VM");
                }

                if (disk.Shared && (disk.Volume is null || (volumes.TryGetValue(disk.Volume, out InventoryVolume? sv) && sv.Kind == "local")))
                {
                    Error(disk.Node["shared"]!, $"a disk of VM {vm.Name} is a shared VHDX but not on a CSV or SMB share", "a shared VHDX lives on a CSV or a Scale-Out File Server share: check the disk's volume");
                }

                if (disk.Volume is null)
                {
                    continue;
                }

                if (Refs(disk.Node, "volume", [disk.Volume], volumes, "volume") && volumes[disk.Volume] is { Kind: "local" } local && owner is not null
                    && !string.Equals(local.OwnerNode, owner.Name, StringComparison.OrdinalIgnoreCase))
                {
                    Error(disk.Node["volume"]!, $"VM {vm.Name} runs on node {owner.Name} but its disk is on {local.Name}, a local volume of node {local.OwnerNode}", "check the disk's volume and the VM's owner node");
                }
            }
        }
    }

    /// <summary>The elements by name (Windows names compare case-insensitively); a second element of a name is an error.</summary>
    private Dictionary<string, T> Unique<T>(IEnumerable<T> items, Func<T, string> name, Func<T, JNode> node, string what)
    {
        var seen = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (T item in items)
        {
            if (!seen.TryAdd(name(item), item))
            {
                JNode first = node(seen[name(item)]);
                Error(node(item)["name"] ?? node(item), $"a second {what} named \"{name(item)}\" (the first is at line {first.Line})", "names are unique: check that the inventory was not merged from two collections");
            }
        }

        return seen;
    }

    /// <summary>Each name of <paramref name="key"/> must be one of <paramref name="known"/>; false when one is not.</summary>
    private bool Refs<T>(JNode owner, string key, IReadOnlyList<string> names, Dictionary<string, T> known, string what)
    {
        JNode? at = owner[key];
        bool ok = true;
        for (int i = 0; i < names.Count; i++)
        {
            if (!known.ContainsKey(names[i]))
            {
                JNode where = at is { Kind: JsonValueKind.Array } ? at.Items[i] : at ?? owner;
                string near = Reading.Suggestions.Closest(names[i], known.Keys) is { } s ? $" (did you mean \"{s}\"?)" : "";
                Error(where, $"no {what} is named \"{names[i]}\"{near}", $"name one of the inventory's {what}s: {List(known.Keys)}");
                ok = false;
            }
        }

        return ok;
    }
}

/// <summary>An inventory or event file could not be imported; <see cref="Errors"/> lists every problem, each at its JSON path, line and column.</summary>
public sealed class ImportException(IReadOnlyList<ScenarioError> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ScenarioError> Errors { get; } = errors;
}
